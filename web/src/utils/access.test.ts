import { describe, expect, it } from 'vitest'
import type { IntakeChannel, RoleName } from '@/api/types'
import { allowedAreas, homeOf } from './access'

const CASE_PERMISSIONS = ['case:case:act', 'case:case:create', 'case:case:read', 'org:directory:read', 'org:unit:read']
const ADMIN_PERMISSIONS = ['org:directory:read', 'org:unit:read', 'org:unit:write', 'system:user:read', 'system:user:write']

describe('allowedAreas (the permissions and channels each demo role gets from the server)', () => {
  it.each<[RoleName, string[], IntakeChannel[], string[]]>([
    ['admin', ADMIN_PERMISSIONS, [], ['admin', 'assessment']],
    ['city_office', CASE_PERMISSIONS, ['walk_in'], ['workbench', 'intake', 'cases', 'supervision', 'bulletins', 'assessment']],
    ['district_office', CASE_PERMISSIONS, ['walk_in'], ['workbench', 'intake', 'cases', 'supervision', 'bulletins', 'assessment']],
    ['street_office', CASE_PERMISSIONS, ['walk_in'], ['workbench', 'intake', 'cases', 'supervision', 'bulletins', 'assessment']],
    ['community_staff', CASE_PERMISSIONS, ['walk_in'], ['workbench', 'intake', 'cases', 'bulletins', 'assessment']],
    ['grid_worker', CASE_PERMISSIONS, ['grid'], ['workbench', 'intake', 'cases', 'bulletins', 'assessment']],
    ['director', CASE_PERMISSIONS, ['direct_card'], ['workbench', 'intake', 'cases', 'bulletins', 'assessment']],
    ['cadre', CASE_PERMISSIONS, ['cadre_report'], ['workbench', 'intake', 'cases', 'bulletins', 'assessment']],
    ['unit_handler', CASE_PERMISSIONS, [], ['workbench', 'cases', 'supervision', 'bulletins', 'assessment']],
    ['unit_leader', CASE_PERMISSIONS, [], ['workbench', 'cases', 'supervision', 'bulletins', 'assessment']],
    ['leader', CASE_PERMISSIONS, [], ['workbench', 'cases', 'supervision', 'bulletins', 'assessment']],
    ['inspector', CASE_PERMISSIONS, [], ['workbench', 'cases', 'supervision', 'bulletins', 'assessment']],
    ['office_head', [...CASE_PERMISSIONS, 'report:bulletin:issue'], [], ['workbench', 'cases', 'bulletins', 'assessment']],
  ])('%s', (role, permissions, intakeChannels, expected) => {
    expect(allowedAreas({ roles: [role], permissions, intakeChannels })).toEqual(expected)
  })

  it('shows nothing without permissions', () => {
    expect(allowedAreas({ roles: [], permissions: [], intakeChannels: [] })).toEqual([])
  })
})

describe('homeOf (who has a home of their own at /)', () => {
  it.each<[RoleName, ReturnType<typeof homeOf>]>([
    ['grid_worker', 'collector'],
    ['cadre', 'collector'],
    ['director', 'collector'],
    ['leader', 'dashboard'],
    ['city_office', 'dashboard'],
    ['district_office', 'dashboard'],
    ['office_head', 'dashboard'],
    ['street_office', null],
    ['community_staff', null],
    ['unit_handler', null],
    ['inspector', null],
  ])('%s', (role, expected) => {
    expect(homeOf({ roles: [role], permissions: CASE_PERMISSIONS, intakeChannels: [] })).toBe(expected)
  })

  it('gives an administrator without case access no case home', () => {
    expect(homeOf({ roles: ['admin'], permissions: ADMIN_PERMISSIONS, intakeChannels: [] })).toBeNull()
  })

  it('gives a leader or an office who also collects the dashboard', () => {
    expect(homeOf({ roles: ['cadre', 'leader'], permissions: CASE_PERMISSIONS, intakeChannels: [] })).toBe('dashboard')
    expect(homeOf({ roles: ['director', 'district_office'], permissions: CASE_PERMISSIONS, intakeChannels: [] })).toBe('dashboard')
  })
})
