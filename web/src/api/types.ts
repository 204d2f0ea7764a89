// The server's JSON shapes (docs/api.md). Field names are the server's camelCase.

import type { CaseEventPayload } from './generated/wire'

export type { CaseEventPayload }

export type RoleName =
  | 'admin'
  | 'city_office'
  | 'district_office'
  | 'street_office'
  | 'community_staff'
  | 'grid_worker'
  | 'director'
  | 'cadre'
  | 'unit_handler'
  | 'unit_leader'
  | 'leader'
  | 'inspector'
  | 'office_head'

export type OrgKind = 'division' | 'unit' | 'section'
export type OrgLevel = 'city' | 'district' | 'street' | 'community' | 'grid'

/** An org unit as cases and roles name it. */
export interface OrgRef {
  id: number
  code: string
  name: string
  /** The name it acts under: a division's green-channel office (市绿色通道办公室), else its name. */
  displayName?: string
  kind: OrgKind
  level: OrgLevel
}

// ---- errors ----

export interface ApiFieldError {
  field: string
  reason: string
  message: string
}

export interface ApiErrorBody {
  error: {
    status: number
    reason: string
    message: string
    fields: ApiFieldError[]
    requestId: string
  }
}

// ---- authentication ----

export interface UserSummary {
  id: number
  username: string
  displayName: string
}

export interface RoleAssignment {
  id: number
  role: RoleName
  orgUnit: OrgRef
}

export interface Scope {
  orgUnitId: number
  orgUnitName: string
  role: RoleName
}

/** GET /api/v1/auth/me */
/** The channels staff record cases on (DOMAIN.md, channels); the server says whose is which. */
export type IntakeChannel = 'grid' | 'cadre_report' | 'direct_card' | 'walk_in'

export interface Me {
  user: UserSummary
  roles: RoleAssignment[]
  scopes: Scope[]
  permissions: string[]
  /** The staff channels this user records cases on, in menu order (server: domain/intake_channels). */
  intakeChannels: IntakeChannel[]
  csrfToken: string
  viaApiToken?: boolean
}

/** POST /api/v1/auth/login: the caller as /me, plus when the session ends. */
export interface LoginResponse extends Me {
  expiresAt: string
}

// ---- cases ----

export type CaseState =
  | 'registered'
  | 'declined'
  | 'merged'
  | 'routing'
  | 'dispatched'
  | 'return_requested'
  | 'handling'
  | 'extension_requested'
  | 'escalated'
  | 'long_term'
  | 'answered'
  | 'follow_up'
  | 'closed'
  | 'withdrawn'

export const CASE_STATES: readonly CaseState[] = [
  'registered',
  'routing',
  'dispatched',
  'return_requested',
  'handling',
  'extension_requested',
  'escalated',
  'long_term',
  'answered',
  'follow_up',
  'closed',
  'declined',
  'merged',
  'withdrawn',
]

export type Channel =
  | 'grid'
  | 'cadre_report'
  | 'direct_card'
  | 'hotline'
  | 'walk_in'
  | 'mailbox'
  | 'message_board'

export type CaseKind = 'question' | 'help' | 'complaint' | 'report' | 'suggestion' | 'praise' | 'other'
export type CaseScope = 'individual' | 'collective'
export type Urgency = 'critical' | 'urgent' | 'normal' | 'complex'
export type Warning = 'normal' | 'yellow' | 'red'
export const WARNINGS: readonly Warning[] = ['normal', 'yellow', 'red']
/** The case list's warning filter: a card, or `none` (no running deadline). */
export type WarningFilter = Warning | 'none'

export type DeadlineStep =
  | 'accept'
  | 'sign'
  | 'return_decision'
  | 'contact'
  | 'answer'
  | 'extension_decision'
  | 'review'
  | 'follow_up'
  | 'progress_note'
  | 'instruction'

export type AnswerResult = 'solved' | 'partly_solved' | 'explained' | 'cannot_be_done'
export type Satisfaction =
  | 'very_satisfied'
  | 'satisfied'
  | 'basically_satisfied'
  | 'dissatisfied'
  | 'very_dissatisfied'

/** 0 none, 1 催办, 2 督办, 3 通报 */
export type SupervisionLevel = 0 | 1 | 2 | 3

/** The deadline fields that list items and the detail share. */
export interface CaseDeadline {
  deadline: string | null
  deadlineStep: DeadlineStep | null
  workingMinutesLeft: number | null
  warning: Warning | null
  deadlineProvisional: boolean
  supervisionLevel: SupervisionLevel
}

/** A case in lists and workbench buckets. */
export interface CaseSummary extends CaseDeadline {
  id: number
  number: string
  title: string
  state: CaseState
  channel: Channel
  kind: CaseKind
  scope: CaseScope
  urgency: Urgency
  categoryCode: string
  /** The category's name (物业管理); "" for an unknown code. */
  categoryName: string
  holderId: number | null
  /** The holder as it acts (市绿色通道办公室, 吉林市住房和城乡建设局). */
  holderName: string
  originId: number | null
  createdAt: string
  updatedAt: string
  version: number
  /** On the creator's own list (mine=true), for answered cases only. */
  answerText?: string
  answeredAt?: string
  /** The answer is newer than the creator's last opening of the case. */
  answerUnread?: boolean
}

export interface CaseLocation {
  address: string
  gridId: number | null
  lat: number | null
  lng: number | null
}

export interface CaseReporter {
  name: string
  phone: string
  anonymous: boolean
  confidential: boolean
  /** Whether they left a phone the platform can relay to (the number itself may be hidden). */
  hasPhone: boolean
  masked: boolean
}

export interface CaseAttachment {
  id: number
  filename: string
  contentType: string
  size: number
  sha256: string
}

/** A JSON value as the server sends it in free-form fields (payloads, channel fields). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

/** GET /api/v1/cases/{id} */
export interface CaseDetail extends CaseSummary {
  content: string
  location: CaseLocation
  peopleInvolved: number
  reporter: CaseReporter
  holder: OrgRef | null
  origin: OrgRef | null
  receivingOffice: OrgRef | null
  dispatcher: OrgRef | null
  leadUnit: OrgRef | null
  assistingUnits: OrgRef[]
  escalatedTo: OrgRef | null
  channelFields: Record<string, JsonValue>
  masterCaseId: number | null
  externalRef: string
  publish: boolean
  result: AnswerResult | null
  answerText: string
  /** The legal basis of an answer that cannot be done; "" otherwise. */
  answerLegalBasis: string
  /** A 承办人's drafted answer waits for the unit's 分管领导 (二级工作网络). */
  unitReviewPending: boolean
  /** The section of the lead unit the case was passed to (交办), if any. */
  assigneeUnit: OrgRef | null
  /** The named 承办人 it was passed to, if any. */
  assigneeUserId: number | null
  satisfaction: Satisfaction | null
  extensionCount: number
  /** The working days of the pending extension request; 0 when none is pending. */
  requestedExtensionDays: number
  reopenCount: number
  firstContactAt: string | null
  committedDate: string | null
  closedAt: string | null
  lastAction: string
  actions: string[]
  mayRevealReporter: boolean
  attachments: CaseAttachment[]
  answerDeadline: string | null
  contactDeadline: string | null
}

export interface CaseEvent {
  seq: number
  at: string
  actorId: number | null
  /** The colleague's display name; "" for the public and the system. */
  actorName: string
  actorRole: RoleName | null
  actorUnitId: number | null
  /** The unit they acted for, as it acts; "" when none. */
  actorUnitName: string
  action: string
  payload: CaseEventPayload
  fromState: CaseState | null
  toState: CaseState | null
  prevHash: string
  hash: string
}

export type CaseSort = 'time' | 'deadline'

/** GET /api/v1/cases query */
export interface CaseListQuery {
  state?: CaseState[]
  /** The org unit holding the case now. */
  holder?: number
  channel?: Channel
  kind?: CaseKind
  urgency?: Urgency
  /** A category code prefix: "01" matches 0101, 0102… */
  category?: string
  /** Cases that arose inside this org unit's subtree. */
  orgUnit?: number
  /** Registered at or after this date (YYYY-MM-DD, the city's time). */
  from?: string
  /** Registered before this date (exclusive). */
  to?: string
  overdue?: boolean
  /** Only the cases the caller recorded. */
  mine?: boolean
  warning?: WarningFilter
  /** The lead member unit, or `none`: not dispatched yet. */
  leadUnit?: number | 'none'
  /** Arose in a division of this unit's subtree. */
  area?: number
  /** Arose in exactly this division. */
  origin?: number
  /** Ask for `total`, every case the filters select (it costs a count). */
  count?: boolean
  keyword?: string
  sort?: CaseSort
  limit?: number
  cursor?: string
}

/** A keyset page: pass `nextCursor` back as `cursor`; null on the last page. */
export interface KeysetPage<T> {
  items: T[]
  nextCursor: string | null
  /** Every item the query selects: only when asked for (`count=true`). */
  total?: number
}

export interface ItemList<T> {
  items: T[]
}

// ---- workbench ----

export type BucketName =
  | 'to_accept'
  | 'to_route'
  | 'to_sign'
  | 'to_handle'
  | 'to_approve'
  | 'to_follow_up'
  | 'returned_to_me'
  | 'escalated_to_me'

export interface WorkbenchBucket {
  name: BucketName
  count: number
  first: CaseSummary[]
}

export interface Workbench {
  buckets: WorkbenchBucket[]
}

// ---- notifications ----

export interface Notification {
  id: number
  key: string
  text: string
  caseId: number | null
  caseNumber: string | null
  /** An issued bulletin the message announces (its reader view); null for other messages. */
  bulletinId?: number | null
  createdAt: string
  read: boolean
  readAt: string | null
  /** The morning digest's worst cases, most overdue first (empty for other messages). */
  cases?: NotificationCaseLink[]
}

export interface NotificationCaseLink {
  id: number
  number: string
  title: string
  overdueWorkingDays: number
}

export type NoticeMode = 'immediate' | 'digest'

/** One kind of notice and how it reaches the user (GET /api/v1/notifications/preferences). */
export interface NoticePreference {
  kind: string
  /** The server's Chinese name, for kinds the web app has no label for. */
  label: string
  /** Raised by the deadline sweep (cards, 催办, 督办, 通报). */
  automatic: boolean
  mode: NoticeMode
  /** The user chose it; otherwise it is the default for their roles. */
  chosen: boolean
}

export interface NotificationPage extends KeysetPage<Notification> {
  unreadCount: number
}

export interface NotificationQuery {
  unread?: boolean
  limit?: number
  cursor?: string
}

/** One text frame on /api/v1/ws. */
export interface NotificationPush {
  type: 'notification'
  notification: Notification
}
