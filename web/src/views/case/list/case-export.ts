// "导出 Excel": every page of the filtered list (up to a cap), turned into the rows of a
// sheet with the same words the screen uses.
import { listCases } from '@/api/cases'
import type { CaseListQuery, CaseSummary, KeysetPage } from '@/api/types'
import { formatDateTime } from '@/utils/datetime'
import type { CellValue, SheetColumn } from '@/utils/xlsx'

/** Enough for a month of a busy district; more should be narrowed by the filters. */
export const EXPORT_CAP = 5000
const PAGE_LIMIT = 100

export type PageFetcher = (query: CaseListQuery) => Promise<KeysetPage<CaseSummary>>

export interface Collected {
  items: CaseSummary[]
  /** More cases matched than were read. */
  capped: boolean
}

/** Reads page after page until the list ends or the cap is reached. */
export async function collectCases(
  query: CaseListQuery,
  onProgress: (read: number) => void,
  { cap = EXPORT_CAP, fetchPage = listCases as PageFetcher, signal }: { cap?: number; fetchPage?: PageFetcher; signal?: AbortSignal } = {},
): Promise<Collected> {
  const items: CaseSummary[] = []
  let cursor: string | undefined
  for (;;) {
    signal?.throwIfAborted()
    const page = await fetchPage({ ...query, limit: Math.min(PAGE_LIMIT, cap - items.length), cursor })
    items.push(...page.items)
    onProgress(items.length)
    if (!page.nextCursor) {
      return { items, capped: false }
    }
    if (items.length >= cap) {
      return { items: items.slice(0, cap), capped: true }
    }
    cursor = page.nextCursor
  }
}

export type Translate = (key: string, named?: Record<string, string | number>) => string

export function exportColumns(t: Translate): SheetColumn[] {
  return [
    { header: t('cases.number'), width: 15 },
    { header: t('cases.caseTitle'), width: 40 },
    { header: t('cases.state'), width: 11 },
    { header: t('caseViews.export.columns.channel'), width: 15 },
    { header: t('caseViews.export.columns.kind'), width: 8 },
    { header: t('cases.urgency'), width: 9 },
    { header: t('caseViews.export.columns.category'), width: 24 },
    { header: t('caseViews.export.columns.holder'), width: 28 },
    { header: t('cases.createdAt'), width: 17 },
    { header: t('cases.deadline'), width: 17 },
    { header: t('cases.warning'), width: 8 },
  ]
}

export interface ExportLookups {
  unitName: (id: number) => string
  categoryName: (code: string) => string | undefined
}

export function exportRow(item: CaseSummary, t: Translate, lookups: ExportLookups): CellValue[] {
  const category = lookups.categoryName(item.categoryCode)
  return [
    item.number,
    item.title,
    t(`state.${item.state}`),
    t(`channel.${item.channel}`),
    t(`kind.${item.kind}`),
    t(`urgency.${item.urgency}`),
    category ? `${item.categoryCode} ${category}` : item.categoryCode,
    item.holderId === null ? '' : lookups.unitName(item.holderId),
    formatDateTime(item.createdAt),
    formatDateTime(item.deadline),
    item.warning ? t(`warning.${item.warning}`) : '',
  ]
}

/** Today in the city's time (UTC+8), whatever the browser's zone: "2026-11-28". */
export function cityToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}
