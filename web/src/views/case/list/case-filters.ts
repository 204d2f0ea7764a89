// The case list's filters and their form in the address bar, so that a filtered list
// survives a reload and the way back from a case. The same flat string map is what a saved
// view stores (its keys are the filter names), so one mapping serves both.
import type { LocationQuery } from 'vue-router'
import {
  CASE_STATES,
  WARNINGS,
  type CaseKind,
  type CaseListQuery,
  type CaseSort,
  type CaseState,
  type Channel,
  type Urgency,
  type WarningFilter,
} from '@/api/types'
import { CASE_KINDS, CHANNELS, URGENCIES } from '@/api/case-enums'

export interface CaseFilters {
  state: CaseState[]
  /** Org unit id holding the case now; null for any. */
  holder: number | null
  channel: Channel | ''
  kind: CaseKind | ''
  urgency: Urgency | ''
  /** Category code prefix. */
  category: string
  /** Org unit id whose subtree the case touches; null for any. */
  orgUnit: number | null
  /** First registration day, YYYY-MM-DD, inclusive. */
  from: string
  /** Last registration day, YYYY-MM-DD, inclusive (the API's `to` is exclusive). */
  to: string
  overdue: boolean
  /** A card, or `none`: no running deadline. */
  warning: WarningFilter | ''
  keyword: string
  sort: CaseSort
  /** Lead member unit id, or `none` (not dispatched yet); null for any. */
  leadUnit: number | 'none' | null
  /** Org unit id: the case arose in a division of its subtree; null for any. */
  area: number | null
  /** Org unit id: the case arose in exactly that division; null for any. */
  origin: number | null
  /** Only the cases the caller recorded. */
  mine: boolean
}

/** The filter names, as the address bar and saved views spell them. */
export const FILTER_KEYS = [
  'state',
  'holder',
  'channel',
  'kind',
  'urgency',
  'category',
  'orgUnit',
  'from',
  'to',
  'overdue',
  'warning',
  'keyword',
  'sort',
  'leadUnit',
  'area',
  'origin',
  'mine',
] as const satisfies readonly (keyof CaseFilters)[]

export const emptyFilters = (): CaseFilters => ({
  state: [],
  holder: null,
  channel: '',
  kind: '',
  urgency: '',
  category: '',
  orgUnit: null,
  from: '',
  to: '',
  overdue: false,
  warning: '',
  keyword: '',
  sort: 'time',
  leadUnit: null,
  area: null,
  origin: null,
  mine: false,
})

/** A route query or a saved view's query. */
export type FilterQuery = LocationQuery | Readonly<Record<string, string>>

function first(value: LocationQuery[string] | string | undefined): string {
  const text = Array.isArray(value) ? value[0] : value
  return typeof text === 'string' ? text : ''
}

function oneOf<T extends string>(allowed: readonly T[], value: string): T | '' {
  return (allowed as readonly string[]).includes(value) ? (value as T) : ''
}

function unitId(value: string): number | null {
  return /^[1-9]\d{0,15}$/.test(value) ? Number(value) : null
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar day written YYYY-MM-DD. */
export function isDate(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) {
    return false
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** "2026-11-30" → "2026-12-01" (calendar arithmetic, no time zone involved). */
export function nextDay(value: string): string {
  const match = DATE.exec(value)
  if (!match) {
    return value
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1))
  return date.toISOString().slice(0, 10)
}

/** "2026-12-01" → "2026-11-30": undoes nextDay. */
export function previousDay(value: string): string {
  const match = DATE.exec(value)
  if (!match) {
    return value
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) - 1))
  return date.toISOString().slice(0, 10)
}

export function filtersFromQuery(query: FilterQuery): CaseFilters {
  const get = (key: string) => first((query as LocationQuery)[key]).trim()
  const states = get('state')
    .split(',')
    .filter((s): s is CaseState => (CASE_STATES as readonly string[]).includes(s))
  const from = get('from')
  const to = get('to')
  return {
    state: [...new Set(states)],
    holder: unitId(get('holder')),
    channel: oneOf(CHANNELS, get('channel')),
    kind: oneOf(CASE_KINDS, get('kind')),
    urgency: oneOf(URGENCIES, get('urgency')),
    category: /^[0-9A-Za-z]{1,16}$/.test(get('category')) ? get('category') : '',
    orgUnit: unitId(get('orgUnit')),
    from: isDate(from) ? from : '',
    to: isDate(to) ? to : '',
    overdue: get('overdue') === 'true',
    warning: get('warning') === 'none' ? 'none' : oneOf(WARNINGS, get('warning')),
    keyword: get('keyword'),
    sort: get('sort') === 'deadline' ? 'deadline' : 'time',
    leadUnit: get('leadUnit') === 'none' ? 'none' : unitId(get('leadUnit')),
    area: unitId(get('area')),
    origin: unitId(get('origin')),
    mine: get('mine') === 'true',
  }
}

/** Only the filters that are set, as strings: for the address bar and a saved view. */
export function filtersToQuery(filters: CaseFilters): Record<string, string> {
  const query: Record<string, string> = {}
  if (filters.state.length > 0) query.state = filters.state.join(',')
  if (filters.holder !== null) query.holder = String(filters.holder)
  if (filters.channel) query.channel = filters.channel
  if (filters.kind) query.kind = filters.kind
  if (filters.urgency) query.urgency = filters.urgency
  if (filters.category) query.category = filters.category
  if (filters.orgUnit !== null) query.orgUnit = String(filters.orgUnit)
  if (filters.from) query.from = filters.from
  if (filters.to) query.to = filters.to
  if (filters.overdue) query.overdue = 'true'
  if (filters.warning) query.warning = filters.warning
  if (filters.keyword.trim()) query.keyword = filters.keyword.trim()
  if (filters.sort !== 'time') query.sort = filters.sort
  if (filters.leadUnit !== null) query.leadUnit = String(filters.leadUnit)
  if (filters.area !== null) query.area = String(filters.area)
  if (filters.origin !== null) query.origin = String(filters.origin)
  if (filters.mine) query.mine = 'true'
  return query
}

export function filtersToApi(filters: CaseFilters): CaseListQuery {
  return {
    state: filters.state.length > 0 ? filters.state : undefined,
    holder: filters.holder ?? undefined,
    channel: filters.channel || undefined,
    kind: filters.kind || undefined,
    urgency: filters.urgency || undefined,
    category: filters.category || undefined,
    orgUnit: filters.orgUnit ?? undefined,
    from: filters.from || undefined,
    // The form's last day counts; the server's `to` is the first day not wanted.
    to: filters.to ? nextDay(filters.to) : undefined,
    overdue: filters.overdue || undefined,
    warning: filters.warning || undefined,
    keyword: filters.keyword.trim() || undefined,
    sort: filters.sort,
    leadUnit: filters.leadUnit ?? undefined,
    area: filters.area ?? undefined,
    origin: filters.origin ?? undefined,
    mine: filters.mine || undefined,
  }
}

/** Two queries name the same list (order of keys and of states aside). */
export function sameFilters(a: FilterQuery, b: FilterQuery): boolean {
  const x = filtersToQuery(filtersFromQuery(a))
  const y = filtersToQuery(filtersFromQuery(b))
  const sortedStates = (q: Record<string, string>): Record<string, string> => ({ ...q, state: (q.state ?? '').split(',').sort().join(',') })
  const [p, q] = [sortedStates(x), sortedStates(y)]
  return FILTER_KEYS.every((key) => (p[key] ?? '') === (q[key] ?? ''))
}

/** How many filters are set besides the sort order: for "filters (3)" on a narrow screen. */
export function activeFilterCount(filters: CaseFilters): number {
  return Object.keys(filtersToQuery(filters)).filter((key) => key !== 'sort').length
}
