// Unit assessment (考核, docs/api.md "Assessment"): periods and their results, a unit's profile
// and trend, the city office's publish/close/reopen, and appeals.
import { http } from './http'
import type { ItemList } from './types'

export type PeriodState = 'open' | 'preliminary' | 'closed'
export type PeriodKind = 'month' | 'quarter' | 'year'
export type PeerGroup = 'city_units' | 'district_units' | 'districts' | 'streets' | 'communities' | 'grid_workers'
export const PEER_GROUPS: readonly PeerGroup[] = [
  'city_units',
  'district_units',
  'districts',
  'streets',
  'communities',
  'grid_workers',
]
export type AppealState = 'filed' | 'accepted' | 'rejected'

/** The measures' wire names, in the order they are shown. */
export const MEASURES = [
  'response',
  'on_time_answer',
  'resolution',
  'satisfaction',
  'satisfaction_strict',
  'completion',
  'on_time_signing',
  'return_rate',
  'refused_returns',
  'correct_dispatch',
  'reopen',
  'extension',
  'average_handling_days',
  'direct_resolution',
  'valid_reports',
  'repeat_requests',
] as const
export type MeasureName = (typeof MEASURES)[number]

export interface Period {
  label: string
  from: string
  /** The day after the last. */
  to: string
  kind: PeriodKind
}

export interface PeriodRecord {
  label: string
  period: Period
  state: PeriodState
  publishedAt: string | null
  appealUntil: string | null
  closedAt: string | null
  schemeVersion: number | null
}

export interface MeasureFigure {
  numerator: number
  denominator: number
  /** A percentage (average handling days: working days); null without data. */
  value: number | null
}

export interface CaseRef {
  id: number
  number: string
}

export interface ProfileMeasure extends MeasureFigure {
  counted: CaseRef[]
  against: CaseRef[]
  excluded: (CaseRef & { reason: string })[]
}

export interface UnitRef {
  kind: 'org' | 'user'
  id: number
  key: string
  name: string
}

export interface AssessedRow<M = MeasureFigure> {
  unit: UnitRef
  group: PeerGroup | null
  groupScope: number | null
  caseCount: number
  measureScore: number | null
  composite: number | null
  rank: number | null
  belowMinimum: boolean
  adjustments: { kind: string; caseId: number; points: number }[]
  measures: Partial<Record<MeasureName, M>>
}

interface PeriodStatus {
  period: Period
  state: PeriodState
  schemeVersion: number
  publishedAt: string | null
  appealUntil: string | null
  closedAt: string | null
}

export interface PeriodResults extends PeriodStatus {
  units: AssessedRow[]
  overall: Partial<Record<MeasureName, MeasureFigure>>
}

export interface Appeal {
  id: number
  period: string
  unit: UnitRef
  measure: MeasureName
  caseId: number
  caseNumber: string
  reason: string
  attachmentIds: number[]
  state: AppealState
  filedBy: number
  filedAt: string
  decidedBy: number | null
  decidedAt: string | null
  decisionReason: string
}

export interface UnitProfile extends PeriodStatus {
  unit: AssessedRow<ProfileMeasure>
  appeals: Appeal[]
}

export interface TrendPoint {
  period: string
  state: PeriodState
  composite: number | null
  rank: number | null
  caseCount: number
  measures: Partial<Record<MeasureName, MeasureFigure>>
}

const base = '/api/v1/assessment'
const periodPath = (label: string) => `${base}/periods/${encodeURIComponent(label)}`

export const listPeriods = () => http.get<ItemList<PeriodRecord>>(`${base}/periods`)

export const getResults = (label: string, group?: PeerGroup) =>
  http.get<PeriodResults>(periodPath(label), group ? { group } : undefined)

export const getProfile = (label: string, key: string) =>
  http.get<UnitProfile>(`${periodPath(label)}/units/${encodeURIComponent(key)}`)

export const getTrend = (key: string, from: string, to: string) =>
  http.get<ItemList<TrendPoint>>(`${base}/units/${encodeURIComponent(key)}/trend`, { from, to })

export const publishPeriod = (label: string) => http.post<PeriodRecord>(`${periodPath(label)}/publish`)
export const closePeriod = (label: string) => http.post<PeriodRecord>(`${periodPath(label)}/close`)
export const reopenPeriod = (label: string, reason: string) =>
  http.post<PeriodRecord>(`${periodPath(label)}/reopen`, { reason })

/** The address of the period's .xlsx (a plain link: the session cookie goes with it). */
export const exportUrl = (label: string) => `${periodPath(label)}/export.xlsx`

export interface AppealForm {
  period: string
  unit: string
  measure: MeasureName
  caseId: number
  reason: string
  attachmentIds?: number[]
}

export const fileAppeal = (form: AppealForm) => http.post<Appeal>(`${base}/appeals`, form)

export const listAppeals = (query: { period?: string; state?: AppealState }) =>
  http.get<ItemList<Appeal>>(`${base}/appeals`, query)

export const decideAppeal = (id: number, accept: boolean, reason: string) =>
  http.post<Appeal>(`${base}/appeals/${id}/${accept ? 'accept' : 'reject'}`, { reason })
