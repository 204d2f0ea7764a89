import { describe, expect, it } from 'vitest'
import { emptyFilters, filtersFromQuery, filtersToApi, filtersToQuery } from './case-filters'

describe('case filters', () => {
  it('round-trips through the address bar', () => {
    const query = filtersToQuery({ state: ['handling', 'dispatched'], warning: 'red', keyword: ' 暖气 ', sort: 'deadline' })
    expect(query).toEqual({ state: 'handling,dispatched', warning: 'red', keyword: '暖气', sort: 'deadline' })
    expect(filtersFromQuery(query as Record<string, string>)).toEqual({
      state: ['handling', 'dispatched'],
      warning: 'red',
      keyword: '暖气',
      sort: 'deadline',
    })
  })

  it('drops what it does not know', () => {
    expect(filtersFromQuery({ state: 'handling,bogus', warning: 'purple', sort: 'random' })).toEqual({
      state: ['handling'],
      warning: '',
      keyword: '',
      sort: 'time',
    })
  })

  it('sends only the filters that are set', () => {
    expect(filtersToApi(emptyFilters())).toEqual({ state: undefined, warning: undefined, keyword: undefined, sort: 'time' })
  })
})
