// The rules of a saved view's name (as the server checks them) and the words that describe
// a view's filters on its chip.
import { ApiError } from '@/api/http'
import { SAVED_VIEW_NAME_MAX, type SavedView } from '@/api/saved-views'
import { filtersFromQuery, type FilterQuery } from './case-filters'

export type NameProblem = 'required' | 'tooLong' | 'taken' | null

/** Characters as a person counts them (a CJK character or an emoji is one). */
const length = (text: string) => [...text].length

export function nameProblem(name: string, views: readonly SavedView[]): NameProblem {
  const trimmed = name.trim()
  if (trimmed === '') return 'required'
  if (length(trimmed) > SAVED_VIEW_NAME_MAX) return 'tooLong'
  if (views.some((view) => view.name === trimmed)) return 'taken'
  return null
}

/** The saved-views API is not on this server yet: the bar is hidden, not an error. */
export function isMissingApi(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.reason === 'route.not_found'
}

/** Where a refused save is said: on the name field, or above the form. */
export interface SaveRefusal {
  name: NameProblem | 'server'
  nameMessage: string
  general: 'tooMany' | 'query' | 'other' | null
}

export function saveRefusal(error: unknown): SaveRefusal {
  if (error instanceof ApiError) {
    if (error.reason === 'saved_view.name_taken') {
      return { name: 'taken', nameMessage: '', general: null }
    }
    if (error.reason === 'saved_view.too_many') {
      return { name: null, nameMessage: '', general: 'tooMany' }
    }
    if (error.status === 422) {
      const fields = error.fieldMessages()
      const queryProblem = Object.keys(fields).some((field) => field === 'query' || field.startsWith('query.'))
      return {
        name: fields.name ? 'server' : null,
        nameMessage: fields.name ?? '',
        general: queryProblem ? 'query' : fields.name ? null : 'other',
      }
    }
  }
  return { name: null, nameMessage: '', general: 'other' }
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
  if (f.sort === 'deadline') parts.push(t('cases.sortDeadline'))
  return parts.length > 0 ? parts.join(' · ') : t('caseViews.saved.noFilters')
}
