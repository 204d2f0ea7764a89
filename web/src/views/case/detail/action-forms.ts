// Each workflow action's dialog as the server publishes its form (GET /api/v1/case-actions/forms,
// server/src/api/action_forms.cpp): the fields the action reads, those it is refused without,
// their limits and choices. What is kept here is the dialog's own: which optional fields it
// does not ask for, the few fields required only in some cases, the order of the buttons and
// the request body built from the form. The server refuses any field an action does not read
// (422 unknown_field), so a body carries only the fields of its action's form.
import type { ActionBody, ActionFormField, CaseActionName, DispatchMethod } from '@/api/case-actions'
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

/** The limits the server checks on a field; a date's count days from today. */
export interface FieldLimits {
  min?: number
  max?: number
  maxLength?: number
}

/** One action's dialog, from the server's form of it. */
export interface ActionSpec {
  action: CaseActionName
  /** The fields the dialog asks for; none is a plain confirmation. */
  fields: readonly FormField[]
  /** The server's names of the fields on the dialog, for the field errors of a 422. */
  serverFields: readonly string[]
  required: ReadonlySet<string>
  limits: Readonly<Partial<Record<string, FieldLimits>>>
  choices: Readonly<Partial<Record<string, readonly string[]>>>
}

/** The follow-up's inputs, asked for together (FollowUpFields). */
const FOLLOW_UP = new Set(['contacted', 'solved', 'satisfaction', 'unreachable'])
/** The case's version goes with every body; a merge is confirmed only after the server asked. */
const NOT_ASKED = new Set(['version', 'confirm'])
const DIALOG_FIELDS = new Set<string>([
  'targetId',
  'assigneeId',
  'assistingIds',
  'method',
  'reason',
  'legalBasis',
  'note',
  'result',
  'answerText',
  'extensionDays',
  'committedDate',
  'externalRef',
  'masterCaseId',
  'grantedDays',
  'relayMessage',
])
/** What a dialog shows beyond the payload: an answer's evidence goes up first as attachments, 签发 shows the drafted answer. */
const SHOWN_BESIDES: Partial<Record<CaseActionName, readonly FormField[]>> = {
  answer: ['evidence'],
  approve_unit_answer: ['unitAnswer'],
}

/** The dialog of `action` from the server's form of it (an unknown field is not asked for). */
export function actionSpec(action: CaseActionName, form: readonly ActionFormField[]): ActionSpec {
  const fields: FormField[] = []
  const serverFields: string[] = []
  const required = new Set<string>()
  const limits: Partial<Record<string, FieldLimits>> = {}
  const choices: Partial<Record<string, readonly string[]>> = {}
  for (const field of form) {
    // Every action takes a note for the record; the dialog asks for it only where it is the
    // substance (an instruction, a supervision note) or the record of a contact.
    const askedNote = field.name !== 'note' || field.required || action === 'contact_reporter'
    if (NOT_ASKED.has(field.name) || !askedNote) {
      continue
    }
    if (FOLLOW_UP.has(field.name)) {
      if (!fields.includes('followUp')) {
        fields.push('followUp')
      }
    } else if (DIALOG_FIELDS.has(field.name)) {
      fields.push(field.name as FormField)
    } else {
      continue
    }
    serverFields.push(field.name)
    if (field.required) {
      required.add(field.name)
    }
    limits[field.name] = { min: field.min, max: field.max, maxLength: field.maxLength }
    if (field.choices) {
      choices[field.name] = field.choices
    }
  }
  return { action, fields: [...fields, ...(SHOWN_BESIDES[action] ?? [])], serverFields, required, limits, choices }
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
export function fieldShown(spec: ActionSpec, field: FormField, form: ActionForm): boolean {
  if (!spec.fields.includes(field)) {
    return false
  }
  // The legal basis of an answer is asked for only when the request cannot be met.
  if (spec.action === 'answer' && field === 'legalBasis') {
    return form.result === 'cannot_be_done'
  }
  // The relayed message replaces the contact note: either one is what happened.
  if (spec.action === 'contact_reporter' && (field === 'note' || field === 'relayMessage')) {
    return field === 'relayMessage' ? form.relay : !form.relay
  }
  return true
}

/**
 * Whether the dialog must have the field before sending. Beyond what the server requires in
 * every case (server: ActionFormOf), some fields are required only in some: the legal basis
 * of an answer that cannot be done, the note or else the relayed message of a contact, and a
 * section when 交办 names no 承办人.
 */
export function fieldRequired(spec: ActionSpec, field: FormField, form: ActionForm): boolean {
  if (spec.required.has(field)) {
    return true
  }
  switch (spec.action) {
    case 'answer':
      return field === 'legalBasis'
    case 'contact_reporter':
      return field === 'note' || field === 'relayMessage'
    case 'assign':
      return field === 'targetId' && form.assigneeId === null
    default:
      return false
  }
}

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
 * Whether `day` ("2027-03-01") lies within a date field's limits, counted in days from `today`.
 * The date is sent as the end of the working day, so the last day is one before the limit.
 */
export function dayAllowed(limits: FieldLimits | undefined, day: string, today: string): boolean {
  const first = limits?.min === undefined ? null : addDays(today, limits.min)
  const last = limits?.max === undefined ? null : addDays(today, limits.max - 1)
  return (first === null || day >= first) && (last === null || day <= last)
}

const TEXT_FIELDS = ['reason', 'legalBasis', 'note', 'answerText', 'relayMessage', 'externalRef'] as const
const NUMBER_FIELDS = ['targetId', 'assigneeId', 'masterCaseId', 'extensionDays', 'grantedDays'] as const

/** The text as it would be sent. */
const sentText = (field: (typeof TEXT_FIELDS)[number], value: string) => (field === 'relayMessage' ? relayText(value) : value.trim())

function numberProblem(value: number | null, limits: FieldLimits | undefined, required: boolean): CheckFailure | null {
  // An id or a number of days of 0 is none given (an emptied number input).
  if (value === null || value === 0) {
    return required ? 'required' : null
  }
  const { min, max } = limits ?? {}
  const outside = !Number.isInteger(value) || (min !== undefined && value < min) || (max !== undefined && value > max)
  return outside ? 'out_of_range' : null
}

/**
 * The form's problems, as the server would report them; empty when it may be sent.
 * `today` is the city's date ("2026-11-28"), for the committed date.
 */
export function checkForm(spec: ActionSpec, form: ActionForm, today: string): FormErrors {
  const errors: FormErrors = {}
  const shown = (field: FormField) => fieldShown(spec, field, form)
  const required = (field: FormField) => fieldRequired(spec, field, form)
  for (const field of TEXT_FIELDS.filter(shown)) {
    const maxLength = spec.limits[field]?.maxLength
    if (blank(form[field])) {
      if (required(field)) {
        errors[field] = 'required'
      }
    } else if (maxLength !== undefined && [...sentText(field, form[field])].length > maxLength) {
      errors[field] = 'too_long'
    }
  }
  for (const field of NUMBER_FIELDS.filter(shown)) {
    const problem = numberProblem(form[field], spec.limits[field], required(field))
    if (problem) {
      errors[field] = problem
    }
  }
  if (shown('result') && form.result === null && required('result')) {
    errors.result = 'required'
  }
  if (shown('committedDate')) {
    if (form.committedDate === '') {
      if (required('committedDate')) {
        errors.committedDate = 'required'
      }
    } else if (!dayAllowed(spec.limits.committedDate, form.committedDate, today)) {
      errors.committedDate = 'out_of_range'
    }
  }
  // The workflow asks how satisfied a reporter was who could be reached.
  if (shown('followUp') && !form.unreachable && form.satisfaction === null) {
    errors.satisfaction = 'required'
  }
  return errors
}

/** The request body: the action's own fields, trimmed, and the version the user saw. */
export function actionBody(spec: ActionSpec, form: ActionForm, version: number): ActionBody {
  const body: ActionBody = { version }
  const shown = (field: FormField) => fieldShown(spec, field, form)
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
