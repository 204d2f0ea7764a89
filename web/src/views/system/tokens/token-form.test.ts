import { describe, expect, it } from 'vitest'
import { personLabel, validateTokenForm } from './token-form'

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

describe('personLabel', () => {
  it('labels a known user with name and username', () => {
    expect(personLabel({ id: 1, username: 'admin', displayName: '系统管理员' })).toBe('系统管理员（admin）')
    expect(personLabel(undefined)).toBeNull()
  })
})
