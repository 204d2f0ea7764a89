// Registering a case on a staff channel (docs/api.md "Cases").
import { http } from './http'
import type {
  CaseDetail,
  CaseKind,
  CaseScope,
  Urgency,
} from './types'

// ---- the case body ----

export type StaffChannel = 'grid' | 'cadre_report' | 'direct_card' | 'walk_in'

export interface IntakeLocation {
  address: string
  gridId: number | null
  lat: number | null
  lng: number | null
}

export interface IntakeReporter {
  name: string
  phone: string
  anonymous: boolean
  confidential: boolean
}

/** grid: `evidence` is the text of what was done on the spot (it becomes the answer). */
export interface GridFields {
  solvedOnSpot: boolean
  evidence: string
}

export interface CadreReportFields {
  cadreUnit: string
  communityId: number | null
  households: number
  summary: string
  universal: boolean
  suggestion: string
  officeId: number | null
}

export interface DirectCardFields {
  unitId: number | null
}

/** POST /api/v1/cases: the common part plus the channel's own object. */
export interface CaseCreateRequest {
  channel: StaffChannel
  kind: CaseKind | null
  scope: CaseScope
  urgency: Urgency
  categoryCode: string
  title: string
  content: string
  location: IntakeLocation
  peopleInvolved: number
  reporter: IntakeReporter
  grid?: GridFields
  cadreReport?: CadreReportFields
  directCard?: DirectCardFields
  /**
   * Grid and walk-in: the office the case goes to, on the recorder's own chain (their office up
   * to the city office). Absent or null: their own office, but a 特急 case recorded at a
   * community goes straight to the city office.
   */
  officeId?: number | null
}

/**
 * The created case, and for a named reporter with a phone the query code they follow it with
 * (also sent to them by SMS): shown once, for the receipt.
 */
export type CreatedCase = CaseDetail & { queryCode?: string | null }

/**
 * Registers the case. The same `idempotencyKey` for every retry of one form fill: the server
 * answers a repeat with the first case instead of recording a second.
 */
export const createCase = (body: CaseCreateRequest, idempotencyKey: string) =>
  http.post<CreatedCase>('/api/v1/cases', body, { headers: { 'Idempotency-Key': idempotencyKey } })

/** The server's default `http.uploadLimitKib` (it does not publish the configured value). */
export const ATTACHMENT_LIMIT_BYTES = 10 * 1024 * 1024
