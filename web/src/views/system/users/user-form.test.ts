import { describe, expect, it } from 'vitest'
import type { AdminUser } from '@/api/users'
import { emptyUserForm, isLocked, newUserBody, userChanges, userFormOf, validateUserForm } from './user-form'

const user: AdminUser = {
  id: 3,
  username: 'wang.li',
  displayName: '王力',
  phone: '13800000000',
  active: true,
  lockedUntil: null,
  createdAt: '2026-01-01T08:00:00+08:00',
  roles: [],
}

describe('validateUserForm', () => {
  it('asks for every required field when creating', () => {
    expect(Object.keys(validateUserForm(emptyUserForm(), true)).sort()).toEqual(['displayName', 'password', 'username'])
  })

  it('follows the server on usernames and phones', () => {
    const form = { ...emptyUserForm(), username: 'Wang', displayName: '王力', phone: '0432-1234 5678', password: 'long enough' }
    expect(validateUserForm(form, true)).toEqual({ username: { key: 'users.validation.username' } })
    expect(validateUserForm({ ...form, username: 'wang_li.2', phone: '(0432)' }, true)).toEqual({
      phone: { key: 'users.validation.phone' },
    })
  })

  it('keeps the password when editing with it empty, checks it when typed', () => {
    const form = userFormOf(user)
    expect(validateUserForm(form, false)).toEqual({})
    expect(validateUserForm({ ...form, password: 'short' }, false)).toEqual({ password: { key: 'users.validation.password' } })
  })
})

describe('bodies', () => {
  it('trims the display name to create', () => {
    const form = { ...emptyUserForm(), username: 'wang.li', displayName: ' 王力 ', password: 'secret-123' }
    expect(newUserBody(form)).toEqual({ username: 'wang.li', displayName: '王力', phone: '', password: 'secret-123' })
  })

  it('sends only what changed', () => {
    const form = userFormOf(user)
    expect(userChanges(user, form)).toEqual({})
    expect(userChanges(user, { ...form, active: false, password: 'new-secret' })).toEqual({ active: false, password: 'new-secret' })
  })
})

describe('isLocked', () => {
  const now = new Date('2026-01-01T09:00:00+08:00')
  it('is locked only while the lock lies ahead', () => {
    expect(isLocked({ lockedUntil: '2026-01-01T09:15:00+08:00' }, now)).toBe(true)
    expect(isLocked({ lockedUntil: '2026-01-01T08:45:00+08:00' }, now)).toBe(false)
    expect(isLocked({ lockedUntil: null }, now)).toBe(false)
  })
})
