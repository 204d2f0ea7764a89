// Registering a case on a staff channel (docs/api.md "Cases").
import { http } from './http'
import type { CaseBody } from './generated/wire'
import type { CaseDetail } from './types'

/** The channels staff record cases on (the others come by the hotline and the public API). */
export type StaffChannel = Extract<CaseBody['channel'], 'grid' | 'cadre_report' | 'direct_card' | 'walk_in'>

/**
 * The created case, and for a named reporter with a phone the query code they follow it with
 * (also sent to them by SMS): shown once, for the receipt.
 */
export type CreatedCase = CaseDetail & { queryCode?: string | null }

/**
 * Registers the case (the body is the server's wire table: the common part plus the channel's
 * own object). The same `idempotencyKey` for every retry of one form fill: the server
 * answers a repeat with the first case instead of recording a second.
 */
export const createCase = (body: CaseBody, idempotencyKey: string) =>
  http.post<CreatedCase>('/api/v1/cases', body, { headers: { 'Idempotency-Key': idempotencyKey } })

/** The server's default `http.uploadLimitKib` (it does not publish the configured value). */
export const ATTACHMENT_LIMIT_BYTES = 10 * 1024 * 1024
