// The dashboard's days, in the city's time (UTC+8, no daylight saving), as the server counts
// them: "today" is the city's today wherever the browser is. Days are YYYY-MM-DD; a range's
// `to` is the day after its last, as the statistics API takes it.
import type { StatsRange } from '@/api/stats'

const CITY_OFFSET_MS = 8 * 60 * 60 * 1000

export function cityToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CITY_OFFSET_MS).toISOString().slice(0, 10)
}

function parts(day: string): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number)
  return [y ?? 1970, m ?? 1, d ?? 1]
}

function dayOf(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10)
}

export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day)
  return dayOf(y, m, d + n)
}

/** The first day of the month `n` months after the month of `day`. */
export function monthStart(day: string, n = 0): string {
  const [y, m] = parts(day)
  return dayOf(y, m + n, 1)
}

/** The same day a year before (29 February becomes 1 March). */
export function yearBefore(day: string): string {
  const [y, m, d] = parts(day)
  return dayOf(y - 1, m, d)
}

export interface DashboardRanges {
  today: StatsRange
  /** The last 30 days, today included. */
  days: StatsRange
  /** The last 12 months, this one so far included. */
  months: StatsRange
  /** This month so far. */
  month: StatsRange
}

export function dashboardRanges(today: string): DashboardRanges {
  const tomorrow = addDays(today, 1)
  return {
    today: { from: today, to: tomorrow },
    days: { from: addDays(today, -29), to: tomorrow },
    months: { from: monthStart(today, -11), to: tomorrow },
    month: { from: monthStart(today), to: tomorrow },
  }
}

/** The same range a year before. */
export function rangeYearBefore(range: StatsRange): StatsRange {
  return { from: yearBefore(range.from), to: yearBefore(range.to) }
}

/** Every day of a range (its first days of months, with `months`): the points of a trend. */
export function periodStarts(range: StatsRange, by: 'day' | 'month'): string[] {
  const starts: string[] = []
  for (let day = by === 'day' ? range.from : monthStart(range.from); day < range.to; ) {
    starts.push(day)
    day = by === 'day' ? addDays(day, 1) : monthStart(day, 1)
  }
  return starts
}
