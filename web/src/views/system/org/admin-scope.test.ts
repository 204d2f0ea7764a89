import { describe, expect, it } from 'vitest'
import type { OrgTreeNode } from '@/api/org'
import type { OrgRef, RoleAssignment } from '@/api/types'
import { adminScopes, administersAll, scopeCheck } from './admin-scope'

const city: OrgRef = { id: 1, code: '220200', name: '吉林市', kind: 'division', level: 'city' }
const district: OrgRef = { id: 2, code: '220204', name: '船营区', kind: 'division', level: 'district' }
const assignment = (id: number, role: RoleAssignment['role'], orgUnit: OrgRef): RoleAssignment => ({ id, role, orgUnit })

const node = (id: number, children: OrgTreeNode[] = []): OrgTreeNode => ({
  id,
  code: String(id),
  name: String(id),
  kind: 'division',
  level: 'street',
  active: true,
  children,
})

describe('admin scope', () => {
  it('takes only the admin roles', () => {
    expect(adminScopes([assignment(1, 'leader', city), assignment(2, 'admin', district)])).toEqual([district])
  })

  it('lets a city admin administer every unit without a tree', () => {
    expect(administersAll([city])).toBe(true)
    expect(scopeCheck([city], [])(12345)).toBe(true)
  })

  it('limits a district admin to their subtree', () => {
    const check = scopeCheck([district], [[{ ...node(2, [node(3, [node(4)])]) }]])
    expect([2, 3, 4, 5].map(check)).toEqual([true, true, true, false])
  })
})
