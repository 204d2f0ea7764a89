// Direct cards (直通卡): one active card per community, held by its director. The filter's
// query, who may hold a community's card, and the checks made before issuing or reassigning.
import type { AdminUser } from '@/api/users'
import type { DirectCard, DirectCardQuery } from '@/api/direct-cards'
import type { Problems } from '../org/text-rules'

export type CardStatus = 'all' | 'active' | 'revoked'

export interface CardFilters {
  community: number | null
  status: CardStatus
}

export function emptyCardFilters(): CardFilters {
  return { community: null, status: 'active' }
}

export function cardQuery(filters: CardFilters): DirectCardQuery {
  return {
    community: filters.community ?? undefined,
    active: filters.status === 'all' ? undefined : filters.status === 'active',
  }
}

/** The enabled users who hold the director role at this community: the only possible holders. */
export function directorsOf(users: readonly AdminUser[], communityId: number): AdminUser[] {
  return users.filter(
    (user) => user.active && user.roles.some((role) => role.role === 'director' && role.orgUnit.id === communityId),
  )
}

export interface IssueForm {
  communityId: number | null
  holderId: number | null
}

export function validateIssue(form: IssueForm): Problems {
  const problems: Problems = {}
  if (form.communityId === null) {
    problems.communityId = { key: 'directCards.validation.community' }
  }
  if (form.holderId === null) {
    problems.holderId = { key: 'directCards.validation.holder' }
  }
  return problems
}

/**
 * A new holder is required. The current holder is a valid choice: after a lost card the server
 * issues the same director a new number and revokes the old one (docs/api.md "Direct cards").
 */
export function validateReassign(holderId: number | null): Problems {
  return holderId === null ? { holderId: { key: 'directCards.validation.holder' } } : {}
}

/** Whether reassigning to this holder replaces a lost card rather than handing it over. */
export function replacesLostCard(card: DirectCard, holderId: number | null): boolean {
  return holderId !== null && holderId === card.holder.id
}
