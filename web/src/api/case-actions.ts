// Acting on one case (docs/api.md "Cases", "Time limits and supervision"): the workflow
// actions, the routing suggestion, attachments, the logged reveal of the reporter and the
// 督办单 of a case.
import { ApiError, http } from './http'
import type {
  AnswerResult,
  ApiErrorBody,
  CaseAttachment,
  CaseDetail,
  DeadlineStep,
  ItemList,
  OrgRef,
  Satisfaction,
} from './types'

/** The names of POST /api/v1/cases/{id}/actions/{action}, as the case's `actions` lists them. */
export type CaseActionName =
  | 'accept'
  | 'decline'
  | 'merge'
  | 'forward'
  | 'dispatch'
  | 'handle_locally'
  | 'recall'
  | 'sign'
  | 'request_return'
  | 'approve_return'
  | 'refuse_return'
  | 'contact_reporter'
  | 'request_extension'
  | 'approve_extension'
  | 'refuse_extension'
  | 'escalate'
  | 'instruct'
  | 'commit_long_term'
  | 'answer'
  | 'approve_answer'
  | 'return_for_rework'
  | 'follow_up'
  | 'reopen'
  | 'close'
  | 'withdraw'
  | 'handover'
  | 'supervise'
  | 'assist'

/** How a dispatch reached the unit (分转方式). */
export type DispatchMethod = 'network' | 'phone' | 'writing'
export const DISPATCH_METHODS: readonly DispatchMethod[] = ['network', 'phone', 'writing']

/** The body of an action; each action reads the fields it needs (server: DecodeAction). */
export interface ActionBody {
  /** The case version the user saw; a stale one is 409 case.version_conflict. */
  version?: number
  targetId?: number
  assistingIds?: number[]
  method?: DispatchMethod
  note?: string
  reason?: string
  legalBasis?: string
  answerText?: string
  externalRef?: string
  masterCaseId?: number
  extensionDays?: number
  committedDate?: string
  result?: AnswerResult
  contacted?: boolean
  solved?: boolean
  satisfaction?: Satisfaction
  unreachable?: boolean
}

/** GET /api/v1/cases/{id}/routing-suggestion, from the dispatch catalogue. */
export interface RoutingSuggestion {
  lead: OrgRef | null
  assisting: OrgRef[]
  forwardTo: OrgRef | null
}

export type SupervisionKind = 'reminder' | 'written' | 'bulletin'

/** A 催办/督办/通报 record of a case; `manual` ones are 督办单 issued by staff. */
export interface Supervision {
  id: number
  caseId: number
  level: SupervisionKind
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

export interface SupervisionOrder {
  note: string
  /** 1–10 working days. */
  replyDays: number
}

const casePath = (id: number) => `/api/v1/cases/${id}`

export const actOnCase = (id: number, action: CaseActionName, body: ActionBody) =>
  http.post<CaseDetail>(`${casePath(id)}/actions/${action}`, body)

export const getRoutingSuggestion = (id: number) =>
  http.get<RoutingSuggestion>(`${casePath(id)}/routing-suggestion`)

/** The case with the reporter unmasked; the server records the look as an event. */
export const revealReporter = (id: number) => http.post<CaseDetail>(`${casePath(id)}/reveal-reporter`)

export const listCaseSupervisions = (id: number) =>
  http.get<ItemList<Supervision>>(`${casePath(id)}/supervisions`)

export const createSupervision = (id: number, order: SupervisionOrder) =>
  http.post<Supervision>(`${casePath(id)}/supervisions`, order)

export const replySupervision = (id: number, supervisionId: number, reply: string) =>
  http.post<Supervision>(`${casePath(id)}/supervisions/${supervisionId}/reply`, { reply })

/** The mayor's hotline units (unit type "hotline"), the only targets of a hand-over. */
export async function listHotlineUnits(): Promise<OrgRef[]> {
  const units = await http.get<ItemList<OrgRef & { unitType: string }>>('/api/v1/org/units', { kind: 'unit' })
  return units.items.filter((unit) => unit.unitType === 'hotline')
}

/** Where the browser fetches an attachment (an <img> source, or a download link). */
export const attachmentUrl = (caseId: number, attachmentId: number) =>
  `${casePath(caseId)}/attachments/${attachmentId}`

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value
}

/**
 * POST /api/v1/cases/{id}/attachments with the file's raw bytes. http.ts sends JSON only, so
 * this one request is sent here, with the same CSRF header and the same ApiError on failure.
 */
export async function uploadAttachment(caseId: number, file: Blob, filename: string, csrfToken: string | null): Promise<CaseAttachment> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/octet-stream' }
  if (csrfToken) {
    headers['X-CSRF-Token'] = csrfToken
  }
  let response: Response
  try {
    response = await fetch(`${casePath(caseId)}/attachments?filename=${encodeURIComponent(filename)}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    })
  } catch (cause) {
    throw new ApiError({ status: 0, reason: 'network.unreachable', message: String(cause) })
  }
  const text = await response.text()
  let body: unknown
  try {
    body = text ? (JSON.parse(text) as unknown) : undefined
  } catch {
    body = undefined
  }
  if (!response.ok) {
    if (isErrorBody(body)) {
      throw new ApiError({ ...body.error, status: body.error.status || response.status })
    }
    throw new ApiError({ status: response.status, reason: `http.${response.status}`, message: response.statusText })
  }
  return body as CaseAttachment
}
