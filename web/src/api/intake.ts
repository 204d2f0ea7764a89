// Registering a case on a staff channel (docs/api.md "Cases") and its photos.
import { http } from './http'
import type {
  CaseAttachment,
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
}

/**
 * Registers the case. The same `idempotencyKey` for every retry of one form fill: the server
 * answers a repeat with the first case instead of recording a second.
 */
export const createCase = (body: CaseCreateRequest, idempotencyKey: string) =>
  http.post<CaseDetail>('/api/v1/cases', body, { headers: { 'Idempotency-Key': idempotencyKey } })

/** The server's default `http.uploadLimitKib` (it does not publish the configured value). */
export const ATTACHMENT_LIMIT_BYTES = 10 * 1024 * 1024

export const uploadAttachment = (caseId: number, file: File) =>
  http.post<CaseAttachment>(`/api/v1/cases/${caseId}/attachments`, file, { query: { filename: file.name } })
