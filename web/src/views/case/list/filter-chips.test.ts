import { describe, expect, it } from 'vitest'
import { emptyFilters } from './case-filters'
import { filterChips, withoutChip } from './filter-chips'

describe('the chips of the filters without a control', () => {
  it('shows area, origin, lead unit and mine', () => {
    const filters = { ...emptyFilters(), area: 5, origin: 6, leadUnit: 'none' as const, mine: true }
    expect(filterChips(filters)).toEqual([
      { key: 'area', unit: 5, day: '' },
      { key: 'origin', unit: 6, day: '' },
      { key: 'leadUnit', unit: null, day: '' },
      { key: 'mine', unit: null, day: '' },
    ])
  })

  it('shows a range open at one end, and leaves a full range to its picker', () => {
    expect(filterChips({ ...emptyFilters(), from: '2026-01-01' })).toEqual([{ key: 'from', unit: null, day: '2026-01-01' }])
    expect(filterChips({ ...emptyFilters(), from: '2026-01-01', to: '2026-01-31' })).toEqual([])
  })

  it('removes one filter and keeps the rest', () => {
    const filters = { ...emptyFilters(), area: 5, leadUnit: 9, keyword: '暖气' }
    expect(withoutChip(filters, 'area')).toEqual({ ...filters, area: null })
    expect(withoutChip(filters, 'leadUnit')).toEqual({ ...filters, leadUnit: null })
  })
})
