import { describe, expect, it } from 'vitest'
import type { RoleName } from '@/api/types'
import { allowedAreas, homeOf, intakeChannels } from './access'

const CASE_PERMISSIONS = ['case:case:act', 'case:case:create', 'case:case:read', 'org:directory:read', 'org:unit:read']
const ADMIN_PERMISSIONS = ['org:directory:read', 'org:unit:read', 'org:unit:write', 'system:user:read', 'system:user:write']

describe('allowedAreas (the permissions each demo role gets from the server)', () => {
  it.each<[RoleName, string[], string[]]>([
    ['admin', ADMIN_PERMISSIONS, ['admin']],
    ['city_office', CASE_PERMISSIONS, ['workbench', 'intake', 'cases', 'supervision']],
    ['district_office', CASE_PERMISSIONS, ['workbench', 'intake', 'cases', 'supervision']],
    ['street_office', CASE_PERMISSIONS, ['workbench', 'intake', 'cases', 'supervision']],
    ['community_staff', CASE_PERMISSIONS, ['workbench', 'intake', 'cases']],
    ['grid_worker', CASE_PERMISSIONS, ['workbench', 'intake', 'cases']],
    ['director', CASE_PERMISSIONS, ['workbench', 'intake', 'cases']],
    ['cadre', CASE_PERMISSIONS, ['workbench', 'intake', 'cases']],
    ['unit_handler', CASE_PERMISSIONS, ['workbench', 'cases', 'supervision']],
    ['unit_leader', CASE_PERMISSIONS, ['workbench', 'cases', 'supervision']],
    ['leader', CASE_PERMISSIONS, ['workbench', 'cases', 'supervision']],
    ['inspector', CASE_PERMISSIONS, ['workbench', 'cases', 'supervision']],
  ])('%s', (role, permissions, expected) => {
    expect(allowedAreas({ roles: [role], permissions })).toEqual(expected)
  })

  it('offers each role only its own intake channels', () => {
    expect(intakeChannels({ roles: ['grid_worker'], permissions: CASE_PERMISSIONS })).toEqual(['grid'])
    expect(intakeChannels({ roles: ['director', 'community_staff'], permissions: CASE_PERMISSIONS })).toEqual([
      'direct_card',
      'walk_in',
    ])
    expect(intakeChannels({ roles: ['unit_handler'], permissions: CASE_PERMISSIONS })).toEqual([])
    expect(intakeChannels({ roles: ['grid_worker'], permissions: ['case:case:read'] })).toEqual([])
  })

  it('shows nothing without permissions', () => {
    expect(allowedAreas({ roles: [], permissions: [] })).toEqual([])
  })
})

describe('homeOf (who has a home of their own at /)', () => {
  it.each<[RoleName, ReturnType<typeof homeOf>]>([
    ['grid_worker', 'collector'],
    ['cadre', 'collector'],
    ['director', 'collector'],
    ['leader', 'leader'],
    ['city_office', null],
    ['community_staff', null],
    ['unit_handler', null],
    ['inspector', null],
  ])('%s', (role, expected) => {
    expect(homeOf({ roles: [role], permissions: CASE_PERMISSIONS })).toBe(expected)
  })

  it('gives an administrator without case access no case home', () => {
    expect(homeOf({ roles: ['admin'], permissions: ADMIN_PERMISSIONS })).toBeNull()
  })

  it('lets a leader who also collects see the escalations first', () => {
    expect(homeOf({ roles: ['cadre', 'leader'], permissions: CASE_PERMISSIONS })).toBe('leader')
  })
})
