// How the assessment's numbers are shown: a measure as "n / d (xx.x%)", the standing of a ranked
// unit (the top and bottom three of its group, said in words and not by colour alone), and the
// period labels the picker offers.
import type { AssessedRow, MeasureFigure, MeasureName, PeriodKind, PeriodRecord } from '@/api/assessment'

/** "45 / 50 (90.0%)"; average handling days as "2.35 天" style text by the caller's unit word. */
export function figureText(name: MeasureName, figure: MeasureFigure | undefined, daysUnit = '天'): string {
  if (!figure || figure.denominator === 0) {
    return '—'
  }
  if (name === 'average_handling_days') {
    return figure.value === null ? '—' : `${figure.value.toFixed(2)} ${daysUnit}`
  }
  const percent = figure.value === null ? '' : ` (${figure.value.toFixed(1)}%)`
  return `${figure.numerator} / ${figure.denominator}${percent}`
}

export type Standing = 'top' | 'bottom' | null

/**
 * The top three and the bottom three ranks of the rows ranked in one group. A group of six or
 * fewer ranked units has no bottom (its bottom would be its top).
 */
export function standings(rows: readonly AssessedRow[]): Map<string, Standing> {
  const ranked = rows.filter((row) => row.rank !== null)
  const worst = Math.max(0, ...ranked.map((row) => row.rank ?? 0))
  const result = new Map<string, Standing>()
  for (const row of ranked) {
    const rank = row.rank ?? 0
    if (rank <= 3) {
      result.set(row.unit.key, 'top')
    } else if (ranked.length > 6 && rank > worst - 3) {
      result.set(row.unit.key, 'bottom')
    } else {
      result.set(row.unit.key, null)
    }
  }
  return result
}

/** Ranked rows first in rank order, then the unranked (below the minimum) by name. */
export function rankedFirst(rows: readonly AssessedRow[]): AssessedRow[] {
  return [...rows].sort((a, b) => {
    if (a.rank !== null && b.rank !== null) {
      return a.rank - b.rank
    }
    if (a.rank !== null || b.rank !== null) {
      return a.rank !== null ? -1 : 1
    }
    return a.unit.name.localeCompare(b.unit.name, 'zh-CN')
  })
}

/** The periods of one kind the server offers, newest first. */
export function periodsOfKind(records: readonly PeriodRecord[], kind: PeriodKind): PeriodRecord[] {
  return records.filter((record) => record.period.kind === kind)
}

/** The last period of `kind` that has ended by `today` (YYYY-MM-DD): what a ranking opens on. */
export function lastEnded(records: readonly PeriodRecord[], kind: PeriodKind, today: string): PeriodRecord | null {
  return periodsOfKind(records, kind).find((record) => record.period.to <= today) ?? null
}

/** The 12 months up to `label` ("2026-11" → "2025-12" … "2026-11"). */
export function trendRange(label: string): { from: string; to: string } {
  const [year, month] = label.split('-').map(Number) as [number, number]
  const start = new Date(Date.UTC(year, month - 12, 1))
  return { from: `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`, to: label }
}

/** The month a period label ends in ("2026-Q4" → "2026-12", "2026" → "2026-12"). */
export function lastMonthOf(label: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label)
  if (quarter) {
    return `${quarter[1]}-${String(Number(quarter[2]) * 3).padStart(2, '0')}`
  }
  return /^\d{4}$/.test(label) ? `${label}-12` : label
}
