// The rules of a saved view's name (as the server checks them), the form of a view's query
// (the filters as GET /api/v1/cases takes them) and the words that describe a view's filters.
import { isApiError, isMissingRoute } from '@/api/http'
import { SAVED_VIEW_NAME_MAX, type SavedView } from '@/api/saved-views'
import { filtersFromQuery, filtersToQuery, nextDay, previousDay, type FilterQuery } from './case-filters'

export type NameProblem = 'required' | 'tooLong' | 'control' | 'taken' | null

/** Characters as the server counts them: code points (a CJK character or an emoji is one). */
const length = (text: string) => [...text].length

/** The server's control characters: C0 (a name is one line, so tab and newline too), DEL, C1. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

export function nameProblem(name: string, views: readonly SavedView[]): NameProblem {
  const trimmed = name.trim()
  if (trimmed === '') return 'required'
  if (length(trimmed) > SAVED_VIEW_NAME_MAX) return 'tooLong'
  if (CONTROL.test(trimmed)) return 'control'
  if (views.some((view) => view.name === trimmed)) return 'taken'
  return null
}

/**
 * The bar hides itself, without an error, on a server without the saved-views API (404
 * route.not_found) and for a user who may not read cases (403): the list says the rest.
 */
export function barUnavailable(error: unknown): boolean {
  return isMissingRoute(error) || isApiError(error, 403)
}

/**
 * The list's address-bar filters → a view's query. The API's `to` is the first day not wanted,
 * the address bar's the last day wanted; a view keeps the API's form (docs/api.md).
 */
export function viewQueryOf(listQuery: FilterQuery): Record<string, string> {
  const query = filtersToQuery(filtersFromQuery(listQuery))
  if (query.to) query.to = nextDay(query.to)
  return query
}

/** A view's query → the list's address-bar filters (what it drops is not a filter we know). */
export function listQueryOf(viewQuery: Readonly<Record<string, string>>): Record<string, string> {
  const filters = filtersFromQuery(viewQuery)
  if (filters.to) filters.to = previousDay(filters.to)
  return filtersToQuery(filters)
}

/** Where a refused save is said: on the name field, or above the form. */
export interface SaveRefusal {
  name: NameProblem | 'server'
  /** The server's own words, for a name problem we have no text for. */
  nameMessage: string
  general: 'tooMany' | 'query' | 'other' | null
  /** The refusal shows that our list of views is stale (another tab saved one). */
  stale: boolean
}

/** The server's reasons for the `name` field (docs/api.md "Saved views") as our problems. */
function nameReason(reason: string, name: string): NameProblem | 'server' {
  switch (reason) {
    case 'length':
      return name.trim() === '' ? 'required' : 'tooLong'
    case 'control_characters':
    case 'hidden_characters':
    case 'invalid_utf8':
      return 'control'
    default:
      return 'server'
  }
}

export function saveRefusal(error: unknown, name: string): SaveRefusal {
  const none = { name: null, nameMessage: '', general: null, stale: false } as const
  if (isApiError(error, null)) {
    if (error.reason === 'saved_view.name_taken') {
      return { ...none, name: 'taken', stale: true }
    }
    if (error.reason === 'saved_view.too_many') {
      return { ...none, general: 'tooMany', stale: true }
    }
    if (error.status === 422) {
      const nameError = error.fields.find((field) => field.field === 'name')
      const queryProblem = error.fields.some((field) => field.field === 'query' || field.field.startsWith('query.'))
      return {
        ...none,
        name: nameError ? nameReason(nameError.reason, name) : null,
        nameMessage: nameError?.message ?? '',
        general: queryProblem ? 'query' : nameError ? null : 'other',
      }
    }
  }
  return { ...none, general: 'other' }
}

/** A delete that found no such view: it is gone already (another tab), not a failure. */
export function isGoneView(error: unknown): boolean {
  return isApiError(error, 404, 'saved_view.not_found')
}

export type Translate = (key: string, named?: Record<string, string | number>) => string

/** "办理中、待签收 · 红牌 · 含超期": what a view shows, for its tooltip and the save dialog. */
export function describeQuery(query: FilterQuery, t: Translate, unitName: (id: number) => string): string {
  const f = filtersFromQuery(query)
  const parts: string[] = []
  if (f.keyword) parts.push(`${t('cases.keyword')}：${f.keyword}`)
  if (f.state.length > 0) parts.push(f.state.map((s) => t(`state.${s}`)).join('、'))
  if (f.warning) parts.push(t(`warning.${f.warning}`))
  if (f.holder !== null) parts.push(`${t('caseViews.filters.holder')}：${unitName(f.holder)}`)
  if (f.orgUnit !== null) parts.push(`${t('caseViews.filters.orgUnit')}：${unitName(f.orgUnit)}`)
  if (f.channel) parts.push(t(`channel.${f.channel}`))
  if (f.kind) parts.push(t(`kind.${f.kind}`))
  if (f.urgency) parts.push(t(`urgency.${f.urgency}`))
  if (f.category) parts.push(`${t('caseViews.filters.category')}：${f.category}`)
  if (f.from || f.to) parts.push(`${t('caseViews.filters.dates')}：${f.from || '…'} ${t('caseViews.filters.dateSeparator')} ${f.to || '…'}`)
  if (f.overdue) parts.push(t('caseViews.filters.overdue'))
  if (f.area !== null) parts.push(t('caseViews.chips.area', { name: unitName(f.area) }))
  if (f.origin !== null) parts.push(t('caseViews.chips.origin', { name: unitName(f.origin) }))
  if (f.leadUnit === 'none') parts.push(t('caseViews.chips.leadUnitNone'))
  else if (f.leadUnit !== null) parts.push(t('caseViews.chips.leadUnit', { name: unitName(f.leadUnit) }))
  if (f.mine) parts.push(t('caseViews.chips.mine'))
  if (f.sort === 'deadline') parts.push(t('cases.sortDeadline'))
  return parts.length > 0 ? parts.join(' · ') : t('caseViews.saved.noFilters')
}
