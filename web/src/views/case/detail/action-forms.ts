// Which fields each workflow action asks for, the client-side checks that mirror the server's
// (server/src/domain/workflow.cpp: required free text must hold more than white space,
// extension 1–10 working days, a committed date in the future and within about nine months,
// a legal basis when the answer is "cannot be done", a satisfaction unless unreachable) and
// the request body built from the form. The server refuses any field an action does not read
// (422 unknown_field), so a body carries only the fields of its action's dialog.
import type { ActionBody, CaseActionName, DispatchMethod } from '@/api/case-actions'
import type { AnswerResult, Satisfaction } from '@/api/types'

export type FormField =
  | 'targetId'
  | 'assigneeId'
  | 'assistingIds'
  | 'method'
  | 'reason'
  | 'legalBasis'
  | 'note'
  | 'result'
  | 'answerText'
  | 'extensionDays'
  | 'committedDate'
  | 'followUp'
  | 'externalRef'
  | 'masterCaseId'
  | 'evidence'
  | 'grantedDays'
  | 'relayMessage'
  | 'unitAnswer'

export interface ActionForm {
  targetId: number | null
  /** assign: the named 承办人 */
  assigneeId: number | null
  assistingIds: number[]
  method: DispatchMethod
  reason: string
  legalBasis: string
  note: string
  result: AnswerResult | null
  answerText: string
  extensionDays: number | null
  /** "2027-03-01" */
  committedDate: string
  unreachable: boolean
  contacted: boolean
  solved: boolean
  satisfaction: Satisfaction | null
  externalRef: string
  masterCaseId: number | null
  /** merge: the office has seen what differs from the master case and merges all the same. */
  confirm: boolean
  grantedDays: number | null
  /** contact_reporter: the unit sends a message through the platform instead of calling. */
  relay: boolean
  relayMessage: string
}

export function emptyForm(): ActionForm {
  return {
    targetId: null,
    assigneeId: null,
    assistingIds: [],
    method: 'network',
    reason: '',
    legalBasis: '',
    note: '',
    result: null,
    answerText: '',
    extensionDays: null,
    committedDate: '',
    unreachable: false,
    contacted: true,
    solved: true,
    satisfaction: null,
    externalRef: '',
    masterCaseId: null,
    confirm: false,
    grantedDays: null,
    relay: false,
    relayMessage: '',
  }
}

/** The fields of each action's dialog, in order; an empty list is a plain confirmation. */
export const ACTION_FIELDS: Record<CaseActionName, readonly FormField[]> = {
  accept: [],
  decline: ['reason', 'legalBasis'],
  merge: ['masterCaseId'],
  // The office above to report to; none chosen means the next level up.
  forward: ['targetId'],
  dispatch: ['targetId', 'assistingIds', 'method'],
  handle_locally: [],
  recall: [],
  sign: [],
  request_return: ['reason', 'legalBasis'],
  approve_return: [],
  refuse_return: ['reason'],
  // A confidential reporter's number is hidden from the unit: the platform relays a message.
  contact_reporter: ['note', 'relayMessage'],
  request_extension: ['extensionDays', 'reason'],
  approve_extension: ['grantedDays'],
  refuse_extension: ['reason'],
  escalate: ['targetId'],
  instruct: ['note'],
  commit_long_term: ['committedDate', 'reason'],
  answer: ['result', 'answerText', 'legalBasis', 'evidence'],
  approve_answer: [],
  return_for_rework: ['reason'],
  follow_up: ['followUp'],
  reopen: ['reason'],
  close: [],
  withdraw: ['reason'],
  handover: ['targetId', 'externalRef'],
  supervise: ['note'],
  assist: ['note'],
  // 交办: to a section of the unit (no list of a unit's people is open to its staff yet).
  assign: ['targetId', 'assigneeId'],
  // 签发: the drafted answer is shown, not edited.
  approve_unit_answer: ['unitAnswer'],
  reject_unit_answer: ['reason'],
}

/** The order the buttons appear in: the step forward first, refusals and side notes after. */
export const ACTION_ORDER: readonly CaseActionName[] = [
  'accept',
  'dispatch',
  'forward',
  'handle_locally',
  'sign',
  'contact_reporter',
  'assign',
  'answer',
  'approve_unit_answer',
  'approve_answer',
  'follow_up',
  'close',
  'approve_return',
  'approve_extension',
  'instruct',
  'assist',
  'request_extension',
  'commit_long_term',
  'request_return',
  'escalate',
  'refuse_return',
  'refuse_extension',
  'return_for_rework',
  'reject_unit_answer',
  'reopen',
  'recall',
  'handover',
  'merge',
  'decline',
  'withdraw',
  'supervise',
]

/** The actions that move the case on, shown as primary buttons. */
const PRIMARY: ReadonlySet<CaseActionName> = new Set([
  'accept',
  'dispatch',
  'sign',
  'answer',
  'approve_answer',
  'approve_unit_answer',
  'follow_up',
  'approve_return',
  'approve_extension',
  'instruct',
])

export function isPrimaryAction(action: CaseActionName): boolean {
  return PRIMARY.has(action)
}

const KNOWN = new Set<string>(ACTION_ORDER)

/** The case's `actions`, known ones only, in button order. */
export function orderedActions(actions: readonly string[]): CaseActionName[] {
  const offered = new Set(actions.filter((name) => KNOWN.has(name)))
  return ACTION_ORDER.filter((name) => offered.has(name))
}

/** Whether the field is on the dialog for this form's current values. */
export function fieldShown(action: CaseActionName, field: FormField, form: ActionForm): boolean {
  if (!ACTION_FIELDS[action].includes(field)) {
    return false
  }
  // The legal basis of an answer is asked for only when the request cannot be met.
  if (action === 'answer' && field === 'legalBasis') {
    return form.result === 'cannot_be_done'
  }
  // The relayed message replaces the contact note: either one is what happened.
  if (action === 'contact_reporter') {
    return field === 'relayMessage' ? form.relay : !form.relay
  }
  return true
}

export const MAX_EXTENSION_DAYS = 10
export const MAX_LONG_TERM_DAYS = 270
/** A relayed message goes out as one SMS text (server: kMaxRelayCharacters). */
export const MAX_RELAY_CHARACTERS = 200

/** The reason of a failed check, as the server spells it. */
export type CheckFailure = 'required' | 'out_of_range' | 'too_long'
export type FormErrors = Partial<Record<FormField | 'satisfaction', CheckFailure>>

const blank = (text: string) => text.trim() === ''

/** The relayed message as one line: it goes out as an SMS text, which has no line breaks. */
export function relayText(text: string): string {
  return text.trim().replace(/\s*[\r\n]+\s*/g, ' ')
}

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`)
  at.setUTCDate(at.getUTCDate() + days)
  return at.toISOString().slice(0, 10)
}

/**
 * The form's problems, as the server would report them; empty when it may be sent.
 * `today` is the city's date ("2026-11-28"), for the committed date.
 */
export function checkForm(action: CaseActionName, form: ActionForm, today: string): FormErrors {
  const errors: FormErrors = {}
  const shown = (field: FormField) => fieldShown(action, field, form)
  const requireText = (field: 'reason' | 'legalBasis' | 'note' | 'answerText', value: string) => {
    if (shown(field) && blank(value)) {
      errors[field] = 'required'
    }
  }
  requireText('reason', form.reason)
  requireText('legalBasis', form.legalBasis)
  requireText('note', form.note)
  requireText('answerText', form.answerText)
  // Escalation without a target goes to the leader in charge of the case's district, a
  // forward to the office one level up.
  // 交办 names a section, a 承办人 or both.
  const optionalTarget = action === 'escalate' || action === 'forward' || (action === 'assign' && form.assigneeId !== null)
  if (shown('targetId') && !optionalTarget && form.targetId === null) {
    errors.targetId = 'required'
  }
  if (shown('result') && form.result === null) {
    errors.result = 'required'
  }
  if (shown('masterCaseId') && (form.masterCaseId === null || form.masterCaseId <= 0)) {
    errors.masterCaseId = 'required'
  }
  if (shown('extensionDays')) {
    if (form.extensionDays === null || form.extensionDays === 0) {
      errors.extensionDays = 'required'
    } else if (!Number.isInteger(form.extensionDays) || form.extensionDays < 1 || form.extensionDays > MAX_EXTENSION_DAYS) {
      errors.extensionDays = 'out_of_range'
    }
  }
  if (shown('grantedDays')) {
    if (form.grantedDays === null || form.grantedDays === 0) {
      errors.grantedDays = 'required'
    } else if (!Number.isInteger(form.grantedDays) || form.grantedDays < 1 || form.grantedDays > MAX_EXTENSION_DAYS) {
      errors.grantedDays = 'out_of_range'
    }
  }
  if (shown('relayMessage')) {
    if (blank(form.relayMessage)) {
      errors.relayMessage = 'required'
    } else if ([...relayText(form.relayMessage)].length > MAX_RELAY_CHARACTERS) {
      errors.relayMessage = 'too_long'
    }
  }
  if (shown('committedDate')) {
    if (form.committedDate === '') {
      errors.committedDate = 'required'
    } else if (form.committedDate <= today || form.committedDate > addDays(today, MAX_LONG_TERM_DAYS - 1)) {
      errors.committedDate = 'out_of_range'
    }
  }
  if (shown('followUp') && !form.unreachable && form.satisfaction === null) {
    errors.satisfaction = 'required'
  }
  return errors
}

/** The request body: the action's own fields, trimmed, and the version the user saw. */
export function actionBody(action: CaseActionName, form: ActionForm, version: number): ActionBody {
  const body: ActionBody = { version }
  const shown = (field: FormField) => fieldShown(action, field, form)
  if (shown('targetId') && form.targetId !== null) {
    body.targetId = form.targetId
  }
  if (shown('assigneeId') && form.assigneeId !== null) {
    body.assigneeId = form.assigneeId
  }
  if (shown('assistingIds')) {
    body.assistingIds = form.assistingIds.filter((id) => id !== form.targetId)
  }
  if (shown('method')) {
    body.method = form.method
  }
  if (shown('reason')) {
    body.reason = form.reason.trim()
  }
  if (shown('legalBasis')) {
    body.legalBasis = form.legalBasis.trim()
  }
  if (shown('note')) {
    body.note = form.note.trim()
  }
  if (shown('result') && form.result !== null) {
    body.result = form.result
  }
  if (shown('answerText')) {
    body.answerText = form.answerText.trim()
  }
  if (shown('extensionDays') && form.extensionDays !== null) {
    body.extensionDays = form.extensionDays
  }
  if (shown('grantedDays') && form.grantedDays !== null) {
    body.grantedDays = form.grantedDays
  }
  if (shown('relayMessage')) {
    body.relayMessage = relayText(form.relayMessage)
  }
  if (shown('committedDate') && form.committedDate) {
    // The end of the promised day in the city's time: "by 1 March" means during 1 March.
    body.committedDate = `${form.committedDate}T17:00:00+08:00`
  }
  if (shown('externalRef') && form.externalRef.trim()) {
    body.externalRef = form.externalRef.trim()
  }
  if (shown('masterCaseId') && form.masterCaseId !== null) {
    body.masterCaseId = form.masterCaseId
    if (form.confirm) {
      body.confirm = true
    }
  }
  if (shown('followUp')) {
    if (form.unreachable) {
      body.unreachable = true
    } else {
      body.contacted = form.contacted
      body.solved = form.solved
      if (form.satisfaction !== null) {
        body.satisfaction = form.satisfaction
      }
    }
  }
  return body
}

/** The city's calendar date now ("2026-11-28"), whatever the browser's time zone. */
export function cityToday(now: Date = new Date()): string {
  const CITY_OFFSET_MINUTES = 8 * 60
  return new Date(now.getTime() + CITY_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10)
}
