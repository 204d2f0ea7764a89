// Case statistics (docs/api.md "Statistics"): counts of the cases received in a range of days,
// inside the caller's jurisdiction, grouped by one or two dimensions. Every figure carries
// `cases`, the case-list address whose `total` is the figure.
import { http } from './http'
import type { CaseListQuery, CaseState } from './types'

export type StatsDimension =
  | 'period'
  | 'area'
  | 'unit'
  | 'category'
  | 'channel'
  | 'kind'
  | 'urgency'
  | 'state'
  | 'warning'
export type StatsPeriod = 'day' | 'week' | 'month' | 'quarter' | 'year'
export type AreaLevel = 'district' | 'street' | 'community' | 'grid'
export type StatsCompare = 'previous' | 'yearBefore'

/** The state groups the statistics count by (`groupBy=state`); the `state` filter takes case states. */
export type StateGroup = 'pending' | 'in_progress' | 'answered' | 'closed' | 'ended'

/** The states of each group, as the server groups them (the `cases` addresses of its cells). */
export const STATE_GROUPS: Readonly<Record<StateGroup, readonly CaseState[]>> = {
  pending: ['registered'],
  in_progress: ['routing', 'dispatched', 'return_requested', 'handling', 'extension_requested', 'escalated', 'long_term'],
  answered: ['answered', 'follow_up'],
  closed: ['closed'],
  ended: ['declined', 'merged', 'withdrawn'],
}

export type StatsFilters = Omit<CaseListQuery, 'sort' | 'limit' | 'cursor' | 'count' | 'from' | 'to' | 'state'> & {
  state?: readonly CaseState[]
}

export interface StatsQuery extends StatsFilters {
  /** First day, YYYY-MM-DD; with `to`, default this month so far. */
  from?: string
  /** The day after the last. */
  to?: string
  groupBy?: readonly StatsDimension[]
  period?: StatsPeriod
  areaLevel?: AreaLevel
  unit?: 'holder' | 'lead'
  categoryLevel?: 1 | 2
  compare?: readonly StatsCompare[]
}

/** A count and the case-list address (`/api/v1/cases?count=true&…`) of exactly its cases. */
export interface StatsFigure {
  count: number
  cases: string
}

export interface StatsKey {
  /** An id (areas, units), a category code, a period's first day or a wire name. */
  value: string | number
  label?: string
  /** A case recorded by a division above the area level counts for that division. */
  own?: boolean
}

export interface StatsCell extends StatsFigure {
  keys: StatsKey[]
  previous?: StatsFigure
  yearBefore?: StatsFigure
}

export interface StatsRange {
  from: string
  to: string
}

export interface CaseStats extends StatsRange {
  groupBy: { dimension: StatsDimension; period?: StatsPeriod; level?: AreaLevel | number; unit?: string }[]
  source: 'rollups' | 'cases'
  total: StatsFigure & { previous?: StatsFigure; yearBefore?: StatsFigure }
  cells: StatsCell[]
  previous?: StatsRange
  yearBefore?: StatsRange
}

export const getCaseStats = (query: StatsQuery = {}, signal?: AbortSignal) =>
  http.get<CaseStats>('/api/v1/stats/cases', { ...query }, signal)
