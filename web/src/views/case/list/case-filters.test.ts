import { describe, expect, it } from 'vitest'
import {
  activeFilterCount,
  emptyFilters,
  filtersFromQuery,
  filtersToApi,
  filtersToQuery,
  isDate,
  nextDay,
  previousDay,
  sameFilters,
  type CaseFilters,
} from './case-filters'

const everything: CaseFilters = {
  state: ['handling', 'dispatched'],
  holder: 42,
  channel: 'hotline',
  kind: 'complaint',
  urgency: 'urgent',
  category: '0101',
  orgUnit: 7,
  from: '2026-11-01',
  to: '2026-11-30',
  overdue: true,
  warning: 'red',
  keyword: ' 暖气 ',
  sort: 'deadline',
  leadUnit: 'none',
  area: 9,
  origin: 11,
  mine: true,
}

describe('case filters', () => {
  it('round-trips every filter through the address bar', () => {
    const query = filtersToQuery(everything)
    expect(query).toEqual({
      state: 'handling,dispatched',
      holder: '42',
      channel: 'hotline',
      kind: 'complaint',
      urgency: 'urgent',
      category: '0101',
      orgUnit: '7',
      from: '2026-11-01',
      to: '2026-11-30',
      overdue: 'true',
      warning: 'red',
      keyword: '暖气',
      sort: 'deadline',
      leadUnit: 'none',
      area: '9',
      origin: '11',
      mine: 'true',
    })
    expect(filtersFromQuery(query)).toEqual({ ...everything, keyword: '暖气' })
  })

  it('leaves out what is not set, so an empty form is an empty query', () => {
    expect(filtersToQuery(emptyFilters())).toEqual({})
    expect(filtersFromQuery({})).toEqual(emptyFilters())
  })

  it('drops what it does not know', () => {
    expect(
      filtersFromQuery({
        state: 'handling,bogus,handling',
        warning: 'purple',
        sort: 'random',
        holder: '-3',
        orgUnit: 'abc',
        channel: 'fax',
        kind: 'x',
        urgency: 'soon',
        category: '01;drop',
        from: '2026-02-30',
        to: 'tomorrow',
        overdue: 'yes',
      }),
    ).toEqual({ ...emptyFilters(), state: ['handling'] })
  })

  it('takes the first of repeated address-bar values', () => {
    expect(filtersFromQuery({ warning: ['yellow', 'red'], keyword: [null, '水'] }).warning).toBe('yellow')
  })

  it('sends only the filters that are set, and the day after the last day as `to`', () => {
    expect(filtersToApi(emptyFilters())).toEqual({
      state: undefined,
      holder: undefined,
      channel: undefined,
      kind: undefined,
      urgency: undefined,
      category: undefined,
      orgUnit: undefined,
      from: undefined,
      to: undefined,
      overdue: undefined,
      warning: undefined,
      keyword: undefined,
      sort: 'time',
    })
    const api = filtersToApi(everything)
    expect(api.to).toBe('2026-12-01')
    expect(api.from).toBe('2026-11-01')
    expect(api.holder).toBe(42)
    expect(api.overdue).toBe(true)
    expect(api.keyword).toBe('暖气')
  })

  it('does calendar arithmetic on dates', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01')
    expect(nextDay('2028-02-28')).toBe('2028-02-29')
    expect(previousDay('2027-01-01')).toBe('2026-12-31')
    expect(previousDay('2028-03-01')).toBe('2028-02-29')
    expect(previousDay('x')).toBe('x')
    expect(isDate('2027-02-29')).toBe(false)
    expect(isDate('2028-02-29')).toBe(true)
    expect(isDate('2026-1-01')).toBe(false)
  })

  it('compares two queries by the list they name', () => {
    expect(sameFilters({ state: 'handling,dispatched', sort: 'time' }, { state: 'dispatched,handling' })).toBe(true)
    expect(sameFilters({ warning: 'red' }, { warning: 'yellow' })).toBe(false)
    expect(sameFilters({ bogus: 'x' }, {})).toBe(true)
  })

  it('counts the filters set besides the sort order', () => {
    expect(activeFilterCount(emptyFilters())).toBe(0)
    expect(activeFilterCount({ ...emptyFilters(), sort: 'deadline', warning: 'red', overdue: true })).toBe(2)
  })
})
