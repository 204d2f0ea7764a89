import { describe, expect, it } from 'vitest'
import type { CalendarDay } from '@/api/admin-reference'
import {
  buildMonthGrid,
  daysInMonth,
  exceptionsByDate,
  firstWeekdayOffset,
  holidayNameProblem,
  isLeapYear,
  keyTarget,
  monthOf,
  shiftMonth,
  toggleFor,
} from './month-grid'

function entry(date: string, working: boolean, name: string): CalendarDay {
  return { date, working, name, source: 'admin', updatedAt: '2026-01-01T00:00:00.000+08:00' }
}

describe('leap years and month lengths', () => {
  it.each([
    [2024, true],
    [2025, false],
    [1900, false],
    [2000, true],
    [2100, false],
  ])('%i leap: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap)
  })

  it('gives February 29 days in a leap year and 28 otherwise', () => {
    expect(daysInMonth({ year: 2028, month: 2 })).toBe(29)
    expect(daysInMonth({ year: 2027, month: 2 })).toBe(28)
    expect(daysInMonth({ year: 2026, month: 4 })).toBe(30)
    expect(daysInMonth({ year: 2026, month: 12 })).toBe(31)
  })
})

describe('first weekday offset (Monday first)', () => {
  it.each([
    // 2026-06-01 is a Monday, 2026-03-01 a Sunday, 2026-10-01 a Thursday, 2024-02-01 a Thursday.
    [2026, 6, 0],
    [2026, 3, 6],
    [2026, 10, 3],
    [2024, 2, 3],
    [2025, 2, 5],
  ])('%i-%i starts after %i cells', (year, month, offset) => {
    expect(firstWeekdayOffset({ year, month })).toBe(offset)
  })
})

describe('buildMonthGrid', () => {
  it('lays a month out in weeks of seven with empty cells around it', () => {
    const grid = buildMonthGrid({ year: 2026, month: 3 }, new Map())
    expect(grid.leading).toBe(6)
    expect(grid.days).toHaveLength(31)
    expect(grid.weeks.every((week) => week.length === 7)).toBe(true)
    expect(grid.weeks[0]?.slice(0, 6)).toEqual([null, null, null, null, null, null])
    expect(grid.weeks[0]?.[6]?.date).toBe('2026-03-01')
    expect(grid.weeks).toHaveLength(6)
  })

  it('works Monday to Friday and rests at the weekend by default', () => {
    const grid = buildMonthGrid({ year: 2026, month: 6 }, new Map())
    const byDate = new Map(grid.days.map((d) => [d.date, d]))
    expect(byDate.get('2026-06-01')).toMatchObject({ weekday: 0, weekend: false, working: true, exception: null })
    expect(byDate.get('2026-06-06')).toMatchObject({ weekday: 5, weekend: true, working: false })
    expect(byDate.get('2026-06-07')).toMatchObject({ weekday: 6, weekend: true, working: false })
  })

  it('lets the calendar override the weekend rule both ways', () => {
    const exceptions = exceptionsByDate([
      entry('2026-10-01', false, '国庆节'),
      entry('2026-10-10', true, '国庆节'),
      entry('2026-11-01', false, 'other month'),
    ])
    const grid = buildMonthGrid({ year: 2026, month: 10 }, exceptions)
    const byDate = new Map(grid.days.map((d) => [d.date, d]))
    expect(byDate.get('2026-10-01')).toMatchObject({ weekend: false, working: false, name: '国庆节' })
    expect(byDate.get('2026-10-10')).toMatchObject({ weekend: true, working: true, name: '国庆节' })
    expect(byDate.get('2026-10-02')).toMatchObject({ working: true, name: '', exception: null })
  })
})

describe('toggleFor', () => {
  const grid = buildMonthGrid({ year: 2026, month: 10 }, exceptionsByDate([entry('2026-10-01', false, '国庆节')]))
  const cell = (date: string) => grid.days.find((d) => d.date === date)!

  it('makes an ordinary weekday a holiday', () => {
    expect(toggleFor(cell('2026-10-02'))).toEqual({ kind: 'holiday' })
  })
  it('makes an ordinary weekend day a make-up working day', () => {
    expect(toggleFor(cell('2026-10-03'))).toEqual({ kind: 'makeup' })
  })
  it('puts an exception back under the weekend rule', () => {
    expect(toggleFor(cell('2026-10-01'))).toEqual({ kind: 'clear' })
  })
})

describe('month navigation', () => {
  it('crosses year boundaries', () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 })
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 })
    expect(shiftMonth({ year: 2026, month: 5 }, 0)).toEqual({ year: 2026, month: 5 })
  })
  it('reads a date month', () => {
    expect(monthOf('2027-02-11')).toEqual({ year: 2027, month: 2 })
  })
})

describe('holidayNameProblem', () => {
  it('needs a name of at most 60 bytes', () => {
    expect(holidayNameProblem('  ')).toBe('required')
    expect(holidayNameProblem('国庆节')).toBeNull()
    expect(holidayNameProblem('节'.repeat(20))).toBeNull()
    expect(holidayNameProblem('节'.repeat(21))).toBe('too_long')
  })
})

describe('keyTarget', () => {
  // 2026-10-14 is a Wednesday (weekday 2) in a month of 31 days.
  it('moves a day sideways and a week up or down', () => {
    expect(keyTarget('ArrowRight', 14, 2, 31)).toBe(15)
    expect(keyTarget('ArrowLeft', 14, 2, 31)).toBe(13)
    expect(keyTarget('ArrowDown', 14, 2, 31)).toBe(21)
    expect(keyTarget('ArrowUp', 14, 2, 31)).toBe(7)
  })
  it('goes to the ends of the week with Home and End', () => {
    expect(keyTarget('Home', 14, 2, 31)).toBe(12)
    expect(keyTarget('End', 14, 2, 31)).toBe(18)
  })
  it('stops at the month edges and ignores other keys', () => {
    expect(keyTarget('ArrowDown', 28, 2, 31)).toBe(31)
    expect(keyTarget('ArrowLeft', 1, 3, 31)).toBeNull()
    expect(keyTarget('Enter', 14, 2, 31)).toBeNull()
  })
})
