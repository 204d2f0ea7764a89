import { describe, expect, it } from 'vitest'
import { stateFromQuery, stateToQuery } from './center-query'

describe('the centre in the address bar', () => {
  it('opens on the warnings tab by default and drops what it does not know', () => {
    expect(stateFromQuery({})).toEqual({ tab: 'warnings', status: 'all', unit: null })
    expect(stateFromQuery({ tab: 'x', status: 'closed', unit: '0' })).toEqual({ tab: 'warnings', status: 'all', unit: null })
  })

  it('round-trips the orders filters', () => {
    const state = { tab: 'orders', status: 'open', unit: 12 } as const
    expect(stateToQuery(state)).toEqual({ tab: 'orders', status: 'open', unit: '12' })
    expect(stateFromQuery(stateToQuery(state))).toEqual(state)
  })

  it('keeps the orders filters out of the other tabs\' links', () => {
    expect(stateToQuery({ tab: 'escalations', status: 'open', unit: 12 })).toEqual({ tab: 'escalations' })
    expect(stateToQuery({ tab: 'warnings', status: 'all', unit: null })).toEqual({})
  })
})
