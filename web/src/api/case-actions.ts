// Acting on one case (docs/api.md "Cases"): the workflow
// actions, the routing suggestion, attachment links, and the logged reveal of the reporter.
import { http } from './http'
import type { ActionPayloads } from './generated/wire'
import type { CaseDetail, ItemList, OrgRef } from './types'

/** The names of POST /api/v1/cases/{id}/actions/{action}, as the case's `actions` lists them. */
export type CaseActionName = keyof ActionPayloads

/** How a dispatch reached the unit (分转方式). */
export type DispatchMethod = Exclude<ActionPayloads['dispatch']['method'], undefined>
export const DISPATCH_METHODS: readonly DispatchMethod[] = ['network', 'phone', 'writing']

type AnyPayload = ActionPayloads[CaseActionName]
/** Every field of every payload, as one object type (a union's members merged). */
type Merged<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never

/**
 * A body built for whichever action a dialog is for: any field of any action's payload (the
 * server's wire table). Each action reads the fields it needs and refuses any other with 422
 * unknown_field, so a dialog sends only the fields of its action's form.
 */
export type ActionBody = Partial<Merged<AnyPayload>>

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

/** `body` is the action's payload (ActionPayloads[action], the server's wire table). */
export const actOnCase = <Action extends CaseActionName>(id: number, action: Action, body: ActionPayloads[Action]) =>
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
