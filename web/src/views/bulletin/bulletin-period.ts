// The periods a bulletin is generated for, as the server names them ("2026-11", "2026-Q4",
// "2026-W47"), and the defaults the create form offers: the last full period before today.
import type { BulletinKind, FigureChange } from '@/api/bulletins'

/** "2026-11": the month before the one `today` is in. */
export function lastFullMonth(today: Date): string {
  const year = today.getFullYear()
  const month = today.getMonth() // 0-based: the previous month's 1-based number
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`
}

/** "2026-Q3": the quarter before the one `today` is in. */
export function lastFullQuarter(today: Date): string {
  const quarter = Math.floor(today.getMonth() / 3) // 0-based current quarter
  return quarter === 0 ? `${today.getFullYear() - 1}-Q4` : `${today.getFullYear()}-Q${quarter}`
}

/** "2026-W47": the ISO week before the one `today` is in. */
export function lastFullWeek(today: Date): string {
  const day = new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate() - 7))
  const weekday = day.getUTCDay() || 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday) // the Thursday decides the ISO year
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1))
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86400000 + 1) / 7)
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

/** The period the form proposes for a kind (special issues name their days instead). */
export function defaultPeriod(kind: BulletinKind, today: Date): string {
  switch (kind) {
    case 'weekly':
      return lastFullWeek(today)
    case 'quarterly':
      return lastFullQuarter(today)
    default:
      return lastFullMonth(today)
  }
}

/** "1286 件", "7.2%": a figure as the text states it. */
export function figureText(value: number | null, unit: string): string {
  if (value === null) {
    return '—'
  }
  return unit === '%' ? `${value}%` : `${value} ${unit}`.trim()
}

/** The changes of a regeneration that moved a figure (appeared, went away or changed value). */
export function movedFigures(changes: readonly FigureChange[]): FigureChange[] {
  return changes.filter((change) => change.old !== change.new)
}
