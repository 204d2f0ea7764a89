// 督办 (docs/api.md "Time limits and supervision"): a case's 督办单 and the supervision centre's list.
import { http } from './http'
import type { DeadlineStep, ItemList } from './types'

export type SupervisionLevelName = 'reminder' | 'written' | 'bulletin'
export type SupervisionStatus = 'all' | 'manual' | 'open' | 'overdue'
export const SUPERVISION_STATUSES: readonly SupervisionStatus[] = ['all', 'manual', 'open', 'overdue']

/** A 督办单: automatic (the sweep's 催办/督办/通报) or issued by hand (manual, wants a reply). */
export interface Supervision {
  id: number
  caseId: number
  /** The case's number, "2026-0001234". */
  caseNumber: string
  level: SupervisionLevelName
  manual: boolean
  step: DeadlineStep | null
  stepDeadline: string | null
  unitId: number
  note: string
  issuedBy: number | null
  issuedByUnit: number | null
  issuedAt: string
  replyDue: string | null
  repliedAt: string | null
  repliedBy: number | null
  reply: string
  replyLate: boolean
}

/** The server answers at most this many, newest first, with no paging. */
export const SUPERVISION_LIST_LIMIT = 100

export const listSupervisions = (query: { status: SupervisionStatus; unit?: number }) =>
  http.get<ItemList<Supervision>>('/api/v1/supervisions', query)

export interface SupervisionOrder {
  note: string
  /** 1–10 working days. */
  replyDays: number
}

const casePath = (id: number) => `/api/v1/cases/${id}`

export const listCaseSupervisions = (id: number) =>
  http.get<ItemList<Supervision>>(`${casePath(id)}/supervisions`)

export const createSupervision = (id: number, order: SupervisionOrder) =>
  http.post<Supervision>(`${casePath(id)}/supervisions`, order)

export const replySupervision = (id: number, supervisionId: number, reply: string) =>
  http.post<Supervision>(`${casePath(id)}/supervisions/${supervisionId}/reply`, { reply })
