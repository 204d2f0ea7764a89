import { describe, expect, it } from 'vitest'
import { caseListQuery, caseListRoute, droppedFilters } from './case-links'

describe('a figure’s cases address → the web case list', () => {
  it('keeps every filter the statistics emit, with `to` as the last day wanted', () => {
    const address =
      '/api/v1/cases?count=true&state=registered,routing&channel=hotline&kind=complaint&urgency=urgent' +
      '&warning=none&category=0301&holder=12&leadUnit=none&orgUnit=7&area=5&origin=6' +
      '&from=2026-11-01&to=2026-12-01&keyword=%E6%9A%96%E6%B0%94&overdue=true&mine=true'
    expect(caseListQuery(address)).toEqual({
      state: 'registered,routing',
      channel: 'hotline',
      kind: 'complaint',
      urgency: 'urgent',
      warning: 'none',
      category: '0301',
      holder: '12',
      leadUnit: 'none',
      orgUnit: '7',
      area: '5',
      origin: '6',
      from: '2026-11-01',
      to: '2026-11-30',
      keyword: '暖气',
      overdue: 'true',
      mine: 'true',
    })
    expect(droppedFilters(address)).toEqual([])
  })

  it('takes a lead unit by id', () => {
    expect(caseListQuery('/api/v1/cases?count=true&leadUnit=42').leadUnit).toBe('42')
  })

  it('names what the list would drop, so a figure cannot silently open more cases', () => {
    expect(droppedFilters('/api/v1/cases?count=true&state=pending&bogus=1&limit=5')).toEqual(['state', 'bogus'])
  })

  it('leaves out paging and counting', () => {
    expect(caseListQuery('/api/v1/cases?count=true&limit=20&cursor=abc&sort=time')).toEqual({})
  })

  it('is a route of the case list', () => {
    expect(caseListRoute('/api/v1/cases?count=true&area=5&from=2026-12-01&to=2026-12-08')).toEqual({
      name: 'case-list',
      query: { area: '5', from: '2026-12-01', to: '2026-12-07' },
    })
  })
})

describe('the addresses the server emits (from a demo server, December 2026)', () => {
  it.each([
    '/api/v1/cases?count=true&from=2017-01-01&state=routing,dispatched,return_requested,handling,extension_requested,escalated,long_term&to=2026-12-09',
    '/api/v1/cases?count=true&from=2017-01-01&state=declined,merged,withdrawn&to=2026-12-09',
    '/api/v1/cases?count=true&from=2026-12-01&origin=1&to=2026-12-09',
    '/api/v1/cases?count=true&area=10&from=2026-12-01&to=2026-12-09',
    '/api/v1/cases?count=true&from=2026-12-01&to=2026-12-09&warning=none',
    '/api/v1/cases?count=true&from=2026-12-01&leadUnit=none&to=2026-12-09',
    '/api/v1/cases?count=true&category=0101&from=2026-12-01&to=2026-12-09',
  ])('%s loses nothing', (address) => {
    expect(droppedFilters(address)).toEqual([])
  })
})
