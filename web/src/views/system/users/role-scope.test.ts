import { describe, expect, it } from 'vitest'
import { ROLE_NAMES, roleFits, roleScope } from './role-scope'

describe('role scope', () => {
  it('knows every role', () => {
    expect(ROLE_NAMES).toHaveLength(13)
    for (const role of ROLE_NAMES) {
      expect(roleScope(role)).toBeDefined()
    }
  })

  it('places community roles at community divisions only', () => {
    expect(roleFits('director', { kind: 'division', level: 'community' })).toBe(true)
    expect(roleFits('director', { kind: 'division', level: 'grid' })).toBe(false)
    expect(roleFits('community_staff', { kind: 'unit', level: 'community' })).toBe(false)
  })

  it('places unit roles at member units and their sections, at any level', () => {
    expect(roleFits('unit_handler', { kind: 'unit', level: 'city' })).toBe(true)
    expect(roleFits('unit_leader', { kind: 'section', level: 'district' })).toBe(true)
    expect(roleFits('unit_handler', { kind: 'division', level: 'city' })).toBe(false)
  })

  it('lets cadres sit anywhere and admins at any division', () => {
    expect(roleScope('cadre')).toEqual({})
    expect(roleFits('cadre', { kind: 'section', level: 'city' })).toBe(true)
    expect(roleFits('admin', { kind: 'division', level: 'street' })).toBe(true)
    expect(roleFits('admin', { kind: 'unit', level: 'city' })).toBe(false)
  })

  it('places leaders and inspectors at the city or a district', () => {
    expect(roleScope('leader')).toEqual({ kinds: ['division'], levels: ['city', 'district'] })
    expect(roleFits('inspector', { kind: 'division', level: 'street' })).toBe(false)
  })
})
