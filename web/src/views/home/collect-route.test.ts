import { describe, expect, it } from 'vitest'
import type { IntakeChannel } from '@/api/types'
import { collectRoute } from './collect-route'

const CASE_PERMISSIONS = ['case:case:act', 'case:case:create', 'case:case:read']
const grants = (...intakeChannels: IntakeChannel[]) => ({ roles: [], permissions: CASE_PERMISSIONS, intakeChannels })

describe('collectRoute', () => {
  it('opens the one form a collector registers on', () => {
    expect(collectRoute(grants('grid'))).toEqual({ name: 'intake-grid' })
    expect(collectRoute(grants('cadre_report'))).toEqual({ name: 'intake-cadre-report' })
    expect(collectRoute(grants('direct_card'))).toEqual({ name: 'intake-direct-card' })
  })

  it('offers the choice to someone with several channels', () => {
    expect(collectRoute(grants('direct_card', 'walk_in'))).toEqual({ name: 'intake' })
  })

  it('has no button for someone who may not register', () => {
    expect(collectRoute(grants())).toBeNull()
  })
})
