// A figure's `cases` (the API's case-list address, `/api/v1/cases?count=true&…`) as the web
// case list's route with the same filters, so that every number on the dashboard opens exactly
// the cases it counts. The API's `to` is the first day not wanted; the list's the last wanted.
import type { RouteLocationRaw } from 'vue-router'
import { listQueryOf } from '@/views/case/list/saved-views'

/** The query string of an address as a flat map (a repeated key keeps its last value). */
function queryOf(address: string): Record<string, string> {
  const start = address.indexOf('?')
  const record: Record<string, string> = {}
  if (start >= 0) {
    for (const [key, value] of new URLSearchParams(address.slice(start + 1))) {
      record[key] = value
    }
  }
  return record
}

/** Keys of the API's case list that are about paging, not about which cases. */
const PAGING_KEYS = new Set(['count', 'limit', 'cursor', 'sort'])

/** The web case list's query for a figure's `cases` address. */
export function caseListQuery(address: string): Record<string, string> {
  return listQueryOf(queryOf(address))
}

/**
 * The filters of the address the web case list would drop (an unknown key or value): a figure
 * whose list would show more cases than it counts. Empty when the link is exact.
 */
export function droppedFilters(address: string): string[] {
  const api = queryOf(address)
  const kept = caseListQuery(address)
  return Object.keys(api).filter((key) => !PAGING_KEYS.has(key) && kept[key] === undefined)
}

/** The route of the web case list for a figure's `cases` address. */
export function caseListRoute(address: string): RouteLocationRaw {
  return { name: 'case-list', query: caseListQuery(address) }
}
