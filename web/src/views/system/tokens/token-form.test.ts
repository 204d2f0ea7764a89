import { describe, expect, it } from 'vitest'
import type { ApiToken } from '@/api/admin-org'
import { peopleOf, personLabel, validateTokenForm } from './token-form'

const token = (id: number, userId: number, createdBy: number): ApiToken => ({
  id,
  name: `t${id}`,
  userId,
  createdBy,
  createdAt: '2026-01-01T08:00:00+08:00',
  revokedAt: null,
})

describe('validateTokenForm', () => {
  it('wants a name and a user', () => {
    expect(validateTokenForm({ name: '', userId: null })).toEqual({
      name: { key: 'tokens.validation.name' },
      userId: { key: 'tokens.validation.user' },
    })
  })

  it('counts the name in UTF-8 bytes as the server does', () => {
    expect(validateTokenForm({ name: '热'.repeat(33), userId: 1 })).toEqual({})
    expect(validateTokenForm({ name: '热'.repeat(34), userId: 1 })).toEqual({ name: { key: 'tokens.validation.nameTooLong' } })
  })
})

describe('people', () => {
  it('lists owners and creators once', () => {
    expect(peopleOf([token(1, 5, 1), token(2, 6, 1), token(3, 5, 2)])).toEqual([5, 1, 6, 2])
  })

  it('labels a known user with name and username', () => {
    expect(personLabel({ id: 1, username: 'admin', displayName: '系统管理员' })).toBe('系统管理员（admin）')
    expect(personLabel(undefined)).toBeNull()
  })
})
