// The month view of the working calendar: which days are worked. Days follow the weekend rule
// (Monday to Friday worked) unless the calendar holds an exception for them: a holiday on a
// weekday or a make-up working day (调休上班) on a weekend. Pure; dates are calendar dates,
// never instants, so the browser's time zone plays no part.
import type { CalendarDay } from '@/api/admin-reference'

export interface YearMonth {
  year: number
  /** 1–12 */
  month: number
}

export interface DayCell {
  /** "2026-10-01" */
  date: string
  day: number
  /** 0 Monday … 6 Sunday */
  weekday: number
  weekend: boolean
  working: boolean
  /** The holiday's or make-up day's name; "" on an ordinary day. */
  name: string
  /** The calendar's entry for the day, or null when it follows the weekend rule. */
  exception: CalendarDay | null
}

export interface MonthGrid {
  /** Empty cells before the 1st in a Monday-first week. */
  leading: number
  days: DayCell[]
  /** The days in rows of seven, null where the month has no day. */
  weeks: (DayCell | null)[][]
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export function daysInMonth({ year, month }: YearMonth): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0)
}

/** 0 Monday … 6 Sunday. */
export function weekdayOf(year: number, month: number, day: number): number {
  const sundayFirst = new Date(Date.UTC(year, month - 1, day)).getUTCDay()
  return (sundayFirst + 6) % 7
}

/** How many cells precede the 1st in a week that starts on Monday. */
export function firstWeekdayOffset(month: YearMonth): number {
  return weekdayOf(month.year, month.month, 1)
}

const pad = (n: number) => String(n).padStart(2, '0')

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`
}

export function buildMonthGrid(month: YearMonth, exceptions: ReadonlyMap<string, CalendarDay>): MonthGrid {
  const leading = firstWeekdayOffset(month)
  const days: DayCell[] = []
  for (let day = 1; day <= daysInMonth(month); day++) {
    const date = isoDate(month.year, month.month, day)
    const weekday = (leading + day - 1) % 7
    const weekend = weekday >= 5
    const exception = exceptions.get(date) ?? null
    days.push({
      date,
      day,
      weekday,
      weekend,
      working: exception ? exception.working : !weekend,
      name: exception?.name ?? '',
      exception,
    })
  }
  const cells: (DayCell | null)[] = [...Array<null>(leading).fill(null), ...days]
  while (cells.length % 7 !== 0) {
    cells.push(null)
  }
  const weeks: (DayCell | null)[][] = []
  for (let i = 0; i < cells.length; i += 7) {
    weeks.push(cells.slice(i, i + 7))
  }
  return { leading, days, weeks }
}

/** The calendar's entries by date. */
export function exceptionsByDate(days: readonly CalendarDay[]): Map<string, CalendarDay> {
  return new Map(days.map((day) => [day.date, day]))
}

/**
 * What a click on a day does: an ordinary weekday becomes a holiday (it needs a name), an
 * ordinary weekend day a make-up working day, and an exception goes back to the weekend rule.
 */
export type DayToggle = { kind: 'holiday' } | { kind: 'makeup' } | { kind: 'clear' }

export function toggleFor(cell: DayCell): DayToggle {
  if (cell.exception) {
    return { kind: 'clear' }
  }
  return cell.weekend ? { kind: 'makeup' } : { kind: 'holiday' }
}

export function shiftMonth({ year, month }: YearMonth, delta: number): YearMonth {
  const index = year * 12 + (month - 1) + delta
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

/** A day's month, from "2026-10-01". */
export function monthOf(date: string): YearMonth {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) }
}

/** A holiday name the server takes: at most 60 bytes of UTF-8. */
export function holidayNameProblem(name: string): 'required' | 'too_long' | null {
  const trimmed = name.trim()
  if (trimmed === '') {
    return 'required'
  }
  return new TextEncoder().encode(trimmed).length > 60 ? 'too_long' : null
}

/**
 * The day the keyboard moves to from `day` in a month of `length` days (the grid's arrow keys:
 * a day either side, a week up or down, Home and End to the week's ends); null for other keys
 * or a move out of the month.
 */
export function keyTarget(key: string, day: number, weekday: number, length: number): number | null {
  const offsets: Record<string, number> = {
    ArrowLeft: -1,
    ArrowRight: 1,
    ArrowUp: -7,
    ArrowDown: 7,
    Home: -weekday,
    End: 6 - weekday,
  }
  const offset = offsets[key]
  if (offset === undefined) {
    return null
  }
  const target = Math.min(Math.max(day + offset, 1), length)
  return target === day ? null : target
}
