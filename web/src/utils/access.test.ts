import { describe, expect, it } from 'vitest'
import type { RoleName } from '@/api/types'
import { allowedAreas } from './access'

const CASE_PERMISSIONS = ['case:case:act', 'case:case:create', 'case:case:read', 'org:directory:read', 'org:unit:read']
const ADMIN_PERMISSIONS = ['org:directory:read', 'org:unit:read', 'org:unit:write', 'system:user:read', 'system:user:write']

describe('allowedAreas (the permissions each demo role gets from the server)', () => {
  it.each<[RoleName, string[], string[]]>([
    ['admin', ADMIN_PERMISSIONS, ['admin']],
    ['city_office', CASE_PERMISSIONS, ['workbench', 'cases', 'supervision']],
    ['district_office', CASE_PERMISSIONS, ['workbench', 'cases', 'supervision']],
    ['street_office', CASE_PERMISSIONS, ['workbench', 'cases', 'supervision']],
    ['community_staff', CASE_PERMISSIONS, ['workbench', 'cases']],
    ['grid_worker', CASE_PERMISSIONS, ['workbench', 'cases']],
    ['director', CASE_PERMISSIONS, ['workbench', 'cases']],
    ['cadre', CASE_PERMISSIONS, ['workbench', 'cases']],
    ['unit_handler', CASE_PERMISSIONS, ['workbench', 'cases', 'supervision']],
    ['unit_leader', CASE_PERMISSIONS, ['workbench', 'cases', 'supervision']],
    ['leader', CASE_PERMISSIONS, ['workbench', 'cases', 'supervision']],
    ['inspector', CASE_PERMISSIONS, ['workbench', 'cases', 'supervision']],
  ])('%s', (role, permissions, expected) => {
    expect(allowedAreas({ roles: [role], permissions })).toEqual(expected)
  })

  it('shows nothing without permissions', () => {
    expect(allowedAreas({ roles: [], permissions: [] })).toEqual([])
  })
})
