// The user form: the server's rules (server/src/service/user_service.cpp) checked before
// sending, and the bodies sent — the whole user to create, only what changed to edit.
import type { AdminUser, NewUser, UserChanges } from '@/api/users'
import { checkLine, type Problems } from '../org/text-rules'

const USERNAME = /^[a-z0-9._-]{3,32}$/
const PHONE = /^[0-9+\- ]{0,20}$/
export const MAX_DISPLAY_NAME = 50
export const MIN_PASSWORD = 8
export const MAX_PASSWORD = 128

export interface UserForm {
  username: string
  displayName: string
  phone: string
  /** Creating: the password; editing: a new one, or empty to keep it. */
  password: string
  active: boolean
}

export function emptyUserForm(): UserForm {
  return { username: '', displayName: '', phone: '', password: '', active: true }
}

export function userFormOf(user: AdminUser): UserForm {
  return { username: user.username, displayName: user.displayName, phone: user.phone, password: '', active: user.active }
}

/** The server checks the password's length in bytes; passwords are usually ASCII anyway. */
function passwordLengthOk(password: string): boolean {
  const bytes = new TextEncoder().encode(password).length
  return bytes >= MIN_PASSWORD && bytes <= MAX_PASSWORD
}

export function validateUserForm(form: UserForm, creating: boolean): Problems {
  const problems: Problems = {}
  if (creating && !USERNAME.test(form.username)) {
    problems.username = { key: 'users.validation.username' }
  }
  if (checkLine(form.displayName, MAX_DISPLAY_NAME, true)) {
    problems.displayName = { key: 'users.validation.displayName' }
  }
  if (!PHONE.test(form.phone)) {
    problems.phone = { key: 'users.validation.phone' }
  }
  if ((creating || form.password !== '') && !passwordLengthOk(form.password)) {
    problems.password = { key: 'users.validation.password' }
  }
  return problems
}

export function newUserBody(form: UserForm): NewUser {
  return { username: form.username, displayName: form.displayName.trim(), phone: form.phone, password: form.password }
}

/** PATCH /users/{id}: what differs from the user as loaded, and a new password if one was typed. */
export function userChanges(user: AdminUser, form: UserForm): UserChanges {
  const changes: UserChanges = {}
  if (form.displayName.trim() !== user.displayName) {
    changes.displayName = form.displayName.trim()
  }
  if (form.phone !== user.phone) {
    changes.phone = form.phone
  }
  if (form.active !== user.active) {
    changes.active = form.active
  }
  if (form.password !== '') {
    changes.password = form.password
  }
  return changes
}

/** Locked out by failed logins: the lock lies in the future. */
export function isLocked(user: Pick<AdminUser, 'lockedUntil'>, now: Date = new Date()): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now.getTime()
}
