import { describe, expect, it } from 'vitest'
import type { AdminUser } from '@/api/users'
import type { DirectCard } from '@/api/direct-cards'
import type { RoleName } from '@/api/types'
import { cardQuery, directorsOf, replacesLostCard, validateIssue, validateReassign } from './direct-card-rules'

function user(id: number, role: RoleName, unitId: number, active = true): AdminUser {
  return {
    id,
    username: `u${id}`,
    displayName: `用户${id}`,
    phone: '',
    active,
    lockedUntil: null,
    createdAt: '',
    roles: [{ id: id * 10, role, orgUnit: { id: unitId, code: String(unitId), name: '永前社区', kind: 'division', level: 'community' } }],
  }
}

const card: DirectCard = {
  id: 1,
  number: 'ZT-0001',
  community: { id: 4, code: '220204001001', name: '永前社区', kind: 'division', level: 'community' },
  holder: { id: 7, username: 'director', displayName: '永前社区居委会主任' },
  active: true,
  issuedAt: '2026-01-01T08:00:00+08:00',
  revokedAt: null,
}

describe('cardQuery', () => {
  it('maps the status filter onto active', () => {
    expect(cardQuery({ community: null, status: 'active' })).toEqual({ community: undefined, active: true })
    expect(cardQuery({ community: 4, status: 'revoked' })).toEqual({ community: 4, active: false })
    expect(cardQuery({ community: 4, status: 'all' })).toEqual({ community: 4, active: undefined })
  })
})

describe('directorsOf', () => {
  it('keeps enabled directors of that community only', () => {
    const users = [user(1, 'director', 4), user(2, 'community_staff', 4), user(3, 'director', 5), user(4, 'director', 4, false)]
    expect(directorsOf(users, 4).map((u) => u.id)).toEqual([1])
  })
})

describe('checks', () => {
  it('wants a community and a holder to issue', () => {
    expect(Object.keys(validateIssue({ communityId: null, holderId: null }))).toEqual(['communityId', 'holderId'])
    expect(validateIssue({ communityId: 4, holderId: 7 })).toEqual({})
  })

  it('wants a holder to reassign, the current one included (a lost card)', () => {
    expect(validateReassign(null)).toEqual({ holderId: { key: 'directCards.validation.holder' } })
    expect(validateReassign(7)).toEqual({})
    expect(validateReassign(8)).toEqual({})
  })

  it('tells a lost card replaced from a card handed over', () => {
    expect(replacesLostCard(card, 7)).toBe(true)
    expect(replacesLostCard(card, 8)).toBe(false)
    expect(replacesLostCard(card, null)).toBe(false)
  })
})
