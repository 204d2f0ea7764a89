import { describe, expect, it } from 'vitest'
import { addDays, cityToday, dashboardRanges, monthStart, periodStarts, rangeYearBefore, yearBefore } from './dates'

describe('the dashboard’s days', () => {
  it('takes today in the city’s time', () => {
    expect(cityToday(new Date('2026-12-07T15:59:00Z'))).toBe('2026-12-07')
    expect(cityToday(new Date('2026-12-07T16:00:00Z'))).toBe('2026-12-08')
  })

  it('counts days and months across the year', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(monthStart('2026-12-07', -11)).toBe('2026-01-01')
    expect(monthStart('2026-12-07', 1)).toBe('2027-01-01')
    expect(yearBefore('2028-02-29')).toBe('2027-03-01')
  })

  it('gives each section its range, `to` the day after the last', () => {
    expect(dashboardRanges('2026-12-07')).toEqual({
      today: { from: '2026-12-07', to: '2026-12-08' },
      days: { from: '2026-11-08', to: '2026-12-08' },
      months: { from: '2026-01-01', to: '2026-12-08' },
      month: { from: '2026-12-01', to: '2026-12-08' },
    })
    expect(rangeYearBefore({ from: '2026-12-01', to: '2026-12-08' })).toEqual({ from: '2025-12-01', to: '2025-12-08' })
  })

  it('lists the points of a trend', () => {
    const { days, months } = dashboardRanges('2026-12-07')
    const byDay = periodStarts(days, 'day')
    expect(byDay).toHaveLength(30)
    expect(byDay[0]).toBe('2026-11-08')
    expect(byDay[29]).toBe('2026-12-07')
    const byMonth = periodStarts(months, 'month')
    expect(byMonth).toHaveLength(12)
    expect(byMonth[11]).toBe('2026-12-01')
  })
})
