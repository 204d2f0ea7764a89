// Users and their roles (docs/api.md "Users and roles"), for the admins.
import type { RoleGrantBody, UserBody, UserChangesBody } from './generated/wire'
import { http } from './http'
import type { ItemList, RoleAssignment, UserSummary } from './types'

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

/** POST /api/v1/users and PATCH /api/v1/users/{id}: the server's wire tables. */
export type NewUser = UserBody
export type UserChanges = UserChangesBody

export const listUsers = (query: UserQuery = {}) => http.get<ItemList<AdminUser>>('/api/v1/users', { ...query })

export const getUser = (id: number) => http.get<AdminUser>(`/api/v1/users/${id}`)

export const createUser = (user: NewUser) => http.post<AdminUser>('/api/v1/users', user)

export const updateUser = (id: number, changes: UserChanges) => http.patch<AdminUser>(`/api/v1/users/${id}`, changes)

/** 422 `orgUnitId` user.role_scope_mismatch when the role cannot sit at that unit. */
export const createRoleAssignment = (userId: number, assignment: RoleGrantBody) =>
  http.post<RoleAssignment>(`/api/v1/users/${userId}/roles`, assignment)

export const removeRoleAssignment = (userId: number, assignmentId: number) =>
  http.remove(`/api/v1/users/${userId}/roles/${assignmentId}`)
