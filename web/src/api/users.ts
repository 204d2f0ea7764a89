// Users and their roles (docs/api.md "Users and roles"), for the admins.
import { http } from './http'
import type { ItemList, RoleAssignment, RoleName, UserSummary } from './types'

/** GET /api/v1/users/{id} */
export interface AdminUser extends UserSummary {
  phone: string
  active: boolean
  /** Set while too many failed logins keep the account locked. */
  lockedUntil: string | null
  createdAt: string
  roles: RoleAssignment[]
}

export interface UserQuery {
  keyword?: string
  orgUnit?: number
  /** At most 200. */
  limit?: number
  offset?: number
}

export interface NewUser {
  username: string
  displayName: string
  phone: string
  password: string
}

export interface UserChanges {
  displayName?: string
  phone?: string
  password?: string
  active?: boolean
  unlock?: boolean
}

export interface NewRoleAssignment {
  role: RoleName
  orgUnitId: number
}

export const listUsers = (query: UserQuery = {}) => http.get<ItemList<AdminUser>>('/api/v1/users', { ...query })

export const getUser = (id: number) => http.get<AdminUser>(`/api/v1/users/${id}`)

export const createUser = (user: NewUser) => http.post<AdminUser>('/api/v1/users', user)

export const updateUser = (id: number, changes: UserChanges) => http.patch<AdminUser>(`/api/v1/users/${id}`, changes)

/** 422 `orgUnitId` user.role_scope_mismatch when the role cannot sit at that unit. */
export const createRoleAssignment = (userId: number, assignment: NewRoleAssignment) =>
  http.post<RoleAssignment>(`/api/v1/users/${userId}/roles`, assignment)

export const removeRoleAssignment = (userId: number, assignmentId: number) =>
  http.remove(`/api/v1/users/${userId}/roles/${assignmentId}`)
