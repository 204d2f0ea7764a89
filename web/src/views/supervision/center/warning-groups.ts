// Red and yellow cases counted per holder unit, from pages the client read itself: the
// counts are only complete when every page was read, and say so otherwise.
import type { CaseSummary, KeysetPage, Warning } from '@/api/types'

export interface UnitWarnings {
  /** null: cases no unit holds (should not happen for open cases, but is not hidden). */
  unitId: number | null
  red: CaseSummary[]
  yellow: CaseSummary[]
}

/** Most red first, then most yellow; ties by unit id so the order is stable. */
export function groupByUnit(red: readonly CaseSummary[], yellow: readonly CaseSummary[]): UnitWarnings[] {
  const groups = new Map<number | null, UnitWarnings>()
  const add = (item: CaseSummary, colour: 'red' | 'yellow') => {
    let group = groups.get(item.holderId)
    if (!group) {
      group = { unitId: item.holderId, red: [], yellow: [] }
      groups.set(item.holderId, group)
    }
    group[colour].push(item)
  }
  red.forEach((item) => add(item, 'red'))
  yellow.forEach((item) => add(item, 'yellow'))
  return [...groups.values()].sort(
    (a, b) => b.red.length - a.red.length || b.yellow.length - a.yellow.length || (a.unitId ?? 0) - (b.unitId ?? 0),
  )
}

export interface Collected {
  items: CaseSummary[]
  /** More matched than were read. */
  partial: boolean
}

export type WarningPageFetcher = (warning: Warning, cursor: string | undefined) => Promise<KeysetPage<CaseSummary>>

/** Reads one colour's cases page by page, up to `cap`. */
export async function collectWarning(warning: Warning, fetchPage: WarningPageFetcher, cap: number): Promise<Collected> {
  const items: CaseSummary[] = []
  let cursor: string | undefined
  for (;;) {
    const page = await fetchPage(warning, cursor)
    items.push(...page.items)
    if (!page.nextCursor) return { items, partial: false }
    if (items.length >= cap) return { items: items.slice(0, cap), partial: true }
    cursor = page.nextCursor
  }
}
