// Direct cards, 直通卡 (docs/api.md "Direct cards"): a community director's line to the office.
import type { DirectCardBody, DirectCardReassignBody } from './generated/wire'
import { http } from './http'
import type { ItemList, OrgRef, UserSummary } from './types'

export interface DirectCard {
  id: number
  number: string
  community: OrgRef
  holder: UserSummary
  active: boolean
  issuedAt: string
  revokedAt: string | null
}

export interface DirectCardQuery {
  community?: number
  active?: boolean
}

/** The cards of the communities in the caller's admin scopes, by community code, newest first. */
export const listDirectCards = (query: DirectCardQuery = {}) =>
  http.get<ItemList<DirectCard>>('/api/v1/direct-cards', { ...query })

/**
 * Numbered ZTK-<community code>, then ZTK-<code>-<n>. 422 holderId not_director / communityId
 * not_community; 403 org.outside_scope; 409 direct_card.community_has_card.
 */
export const createDirectCard = (card: DirectCardBody) => http.post<DirectCard>('/api/v1/direct-cards', card)

/** 409 direct_card.revoked when it already is; 404 direct_card.not_found. */
export const revokeDirectCard = (id: number) => http.post<DirectCard>(`/api/v1/direct-cards/${id}/revoke`)

/**
 * Issues the community a new card for `holderId` (another director, or the same one after a
 * loss) and revokes this one in the same transaction; answers (201) the new card. 409
 * direct_card.revoked for a revoked card, 422 holderId not_director.
 */
export const reassignDirectCard = (id: number, holderId: number) =>
  http.post<DirectCard>(`/api/v1/direct-cards/${id}/reassign`, { holderId } satisfies DirectCardReassignBody)
