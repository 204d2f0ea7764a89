// The case list's filters and their form in the address bar, so that a filtered list
// survives a reload and the way back from a case.
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import { CASE_STATES, WARNINGS, type CaseListQuery, type CaseSort, type CaseState, type Warning } from '@/api/types'

export interface CaseFilters {
  state: CaseState[]
  warning: Warning | ''
  keyword: string
  sort: CaseSort
}

export const emptyFilters = (): CaseFilters => ({ state: [], warning: '', keyword: '', sort: 'time' })

function first(value: LocationQuery[string] | undefined): string {
  const text = Array.isArray(value) ? value[0] : value
  return typeof text === 'string' ? text : ''
}

export function filtersFromQuery(query: LocationQuery): CaseFilters {
  const states = first(query.state)
    .split(',')
    .filter((s): s is CaseState => (CASE_STATES as readonly string[]).includes(s))
  const warning = first(query.warning)
  return {
    state: states,
    warning: (WARNINGS as readonly string[]).includes(warning) ? (warning as Warning) : '',
    keyword: first(query.keyword),
    sort: first(query.sort) === 'deadline' ? 'deadline' : 'time',
  }
}

export function filtersToQuery(filters: CaseFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  if (filters.state.length > 0) query.state = filters.state.join(',')
  if (filters.warning) query.warning = filters.warning
  if (filters.keyword.trim()) query.keyword = filters.keyword.trim()
  if (filters.sort !== 'time') query.sort = filters.sort
  return query
}

export function filtersToApi(filters: CaseFilters): CaseListQuery {
  return {
    state: filters.state.length > 0 ? filters.state : undefined,
    warning: filters.warning || undefined,
    keyword: filters.keyword.trim() || undefined,
    sort: filters.sort,
  }
}
