// 督办 (docs/api.md "Time limits and supervision"): a case's 督办单 and the supervision centre's list.
import type { SupervisionBody, SupervisionReplyBody } from './generated/wire'
import { http } from './http'
import type { DeadlineStep, ItemList, KeysetPage } from './types'

export type SupervisionLevelName = 'reminder' | 'written' | 'bulletin'
export type SupervisionStatus = 'all' | 'manual' | 'open' | 'overdue'
export const SUPERVISION_STATUSES: readonly SupervisionStatus[] = ['all', 'manual', 'open', 'overdue']

/** A 督办单: automatic (the sweep's 催办/督办/通报) or issued by hand. Whatever has a `replyDue`
 * (manual ones and the automatic 督办) wants a reply from the unit. */
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

/** Everything the filter matches (all pages), by level. */
export interface SupervisionTotals {
  reminder: number
  written: number
  bulletin: number
  all: number
}

export interface SupervisionPage extends KeysetPage<Supervision> {
  totals: SupervisionTotals
}

/** One page of the supervision centre, newest first; `cursor` is the nextCursor of the page before. */
export const listSupervisions = (query: { status: SupervisionStatus; unit?: number; limit?: number; cursor?: string }) =>
  http.get<SupervisionPage>('/api/v1/supervisions', query)

const casePath = (id: number) => `/api/v1/cases/${id}`

export const listCaseSupervisions = (id: number) =>
  http.get<ItemList<Supervision>>(`${casePath(id)}/supervisions`)

export const createSupervision = (id: number, order: SupervisionBody) =>
  http.post<Supervision>(`${casePath(id)}/supervisions`, order)

export const replySupervision = (id: number, supervisionId: number, reply: string) =>
  http.post<Supervision>(`${casePath(id)}/supervisions/${supervisionId}/reply`, { reply } satisfies SupervisionReplyBody)
