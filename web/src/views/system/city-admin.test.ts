import { describe, expect, it } from 'vitest'
import type { OrgRef, RoleAssignment } from '@/api/types'
import { mayEditCityReference } from './city-admin'

const city: OrgRef = { id: 1, code: '220200', name: '吉林市', kind: 'division', level: 'city' }
const district: OrgRef = { id: 2, code: '220204', name: '船营区', kind: 'division', level: 'district' }
const role = (r: RoleAssignment['role'], orgUnit: OrgRef): RoleAssignment => ({ id: 1, role: r, orgUnit })
const WRITE = 'system:template:write'

describe('mayEditCityReference', () => {
  it('lets a city administrator with the permission edit', () => {
    expect(mayEditCityReference({ permissions: [WRITE] }, [role('admin', city)], WRITE)).toBe(true)
  })

  it('refuses a district administrator, whom the server answers 403', () => {
    expect(mayEditCityReference({ permissions: [WRITE] }, [role('admin', district)], WRITE)).toBe(false)
  })

  it('refuses without the permission, whatever the role', () => {
    expect(mayEditCityReference({ permissions: [] }, [role('admin', city)], WRITE)).toBe(false)
    expect(mayEditCityReference({ permissions: [WRITE] }, [role('leader', city)], WRITE)).toBe(false)
  })
})
