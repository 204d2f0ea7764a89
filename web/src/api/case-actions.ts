// Acting on one case (docs/api.md "Cases"): the workflow
// actions, the routing suggestion, attachment links, and the logged reveal of the reporter.
import { http } from './http'
import type {
  AnswerResult,
  CaseDetail,
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
  | 'assign'
  | 'approve_unit_answer'
  | 'reject_unit_answer'

/** How a dispatch reached the unit (分转方式). */
export type DispatchMethod = 'network' | 'phone' | 'writing'
export const DISPATCH_METHODS: readonly DispatchMethod[] = ['network', 'phone', 'writing']

/**
 * The body of an action; each action reads the fields it needs and refuses any other with
 * 422 unknown_field (server: api/case_json.cpp FieldsOf).
 */
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
  /** approve_extension: the working days granted (the requested number when absent). */
  grantedDays?: number
  /** merge: merge all the same when the master differs in category or place. */
  confirm?: boolean
  /** assign: the unit's 承办人 (a user id). */
  assigneeId?: number
  /** contact_reporter: an SMS the platform sends a confidential reporter on the unit's behalf. */
  relayMessage?: string
  committedDate?: string
  result?: AnswerResult
  contacted?: boolean
  solved?: boolean
  satisfaction?: Satisfaction
  unreachable?: boolean
}

/**
 * One field of an action's form (GET /api/v1/case-actions/forms), from the table the server
 * decodes the payload with: `required` when the action is refused without it in every case,
 * the choices of an enumeration, the limits the workflow checks (a date's in days from today).
 */
export interface ActionFormField {
  name: string
  type: string
  required: boolean
  choices?: string[]
  min?: number
  max?: number
  maxLength?: number
}

/** Each action's form by action name. */
export type ActionForms = Partial<Record<CaseActionName, ActionFormField[]>>

let actionForms: Promise<ActionForms> | null = null

/** The forms of the actions, read once per page load: they change only with the server. */
export function loadActionForms(): Promise<ActionForms> {
  actionForms ??= http.get<{ forms: ActionForms }>('/api/v1/case-actions/forms').then(
    (answer) => answer.forms,
    (error: unknown) => {
      actionForms = null
      throw error
    },
  )
  return actionForms
}

/** GET /api/v1/cases/{id}/routing-suggestion, from the dispatch catalogue. */
export interface RoutingSuggestion {
  lead: OrgRef | null
  assisting: OrgRef[]
  forwardTo: OrgRef | null
}

const casePath = (id: number) => `/api/v1/cases/${id}`

export const actOnCase = (id: number, action: CaseActionName, body: ActionBody) =>
  http.post<CaseDetail>(`${casePath(id)}/actions/${action}`, body)

export const getRoutingSuggestion = (id: number) =>
  http.get<RoutingSuggestion>(`${casePath(id)}/routing-suggestion`)

/** The case with the reporter unmasked; the server records the look as an event. */
export const revealReporter = (id: number) => http.post<CaseDetail>(`${casePath(id)}/reveal-reporter`)

/** The mayor's hotline units (unit type "hotline"), the only targets of a hand-over. */
export async function listHotlineUnits(): Promise<OrgRef[]> {
  const units = await http.get<ItemList<OrgRef & { unitType: string }>>('/api/v1/org/units', { kind: 'unit' })
  return units.items.filter((unit) => unit.unitType === 'hotline')
}

/** Where the browser fetches an attachment (an <img> source, or a download link). */
export const attachmentUrl = (caseId: number, attachmentId: number) =>
  `${casePath(caseId)}/attachments/${attachmentId}`
