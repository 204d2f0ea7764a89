import { describe, expect, it } from 'vitest'
import { collectRoute } from './collect-route'

const CASE_PERMISSIONS = ['case:case:act', 'case:case:create', 'case:case:read']

describe('collectRoute', () => {
  it('opens the one form a collector registers on', () => {
    expect(collectRoute({ roles: ['grid_worker'], permissions: CASE_PERMISSIONS })).toEqual({ name: 'intake-grid' })
    expect(collectRoute({ roles: ['cadre'], permissions: CASE_PERMISSIONS })).toEqual({ name: 'intake-cadre-report' })
    expect(collectRoute({ roles: ['director'], permissions: CASE_PERMISSIONS })).toEqual({ name: 'intake-direct-card' })
  })

  it('offers the choice to someone with several channels', () => {
    expect(collectRoute({ roles: ['director', 'community_staff'], permissions: CASE_PERMISSIONS })).toEqual({ name: 'intake' })
  })

  it('has no button for someone who may not register', () => {
    expect(collectRoute({ roles: ['leader'], permissions: CASE_PERMISSIONS })).toBeNull()
    expect(collectRoute({ roles: ['grid_worker'], permissions: ['case:case:read'] })).toBeNull()
  })
})
