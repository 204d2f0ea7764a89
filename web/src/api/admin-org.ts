// Administration of the org network, users and roles, API tokens and direct cards
// (docs/api.md "Org network", "Users and roles", "API tokens", "Direct cards", "Web settings").
import { ApiError, http } from './http'
import type { ItemList, OrgKind, OrgLevel, OrgRef, RoleAssignment, RoleName, UserSummary } from './types'

// ---- org network ----

export interface UnitHandler {
  name: string
  phone: string
  sectionCode: string
}

/** A GeoJSON geometry as the server stores boundaries: Polygon or MultiPolygon, [lng, lat]. */
export type Position = number[]
export type Boundary =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }

/** GET /api/v1/org/units/{id} */
export interface OrgUnit {
  id: number
  code: string
  name: string
  shortName: string
  kind: OrgKind
  level: OrgLevel
  unitType: string
  parentId: number | null
  active: boolean
  boundary: Boundary | null
  leaderInCharge: string
  responsibleSection: string
  hotline: string
  handlers: UnitHandler[]
  /** A member unit's 分管领导 signs its answers before they leave it (二级工作网络); on by default. */
  answerApproval: boolean
  updatedAt: string
}

/** A node of GET /api/v1/org/tree: the essentials only. */
export interface OrgTreeNode {
  id: number
  code: string
  name: string
  kind: OrgKind
  level: OrgLevel
  active: boolean
  children: OrgTreeNode[]
}

export interface OrgTreeQuery {
  root?: number
  /** 1–10 levels below the root. */
  depth?: number
  includeInactive?: boolean
}

export interface OrgUnitQuery {
  level?: OrgLevel
  kind?: OrgKind
  parent?: number
  includeInactive?: boolean
}

/** The fields both creating and editing a unit send. */
export interface OrgUnitFields {
  name: string
  shortName: string
  unitType: string
  boundary: Boundary | null
  leaderInCharge: string
  responsibleSection: string
  hotline: string
  handlers: UnitHandler[]
}

export interface NewOrgUnit extends OrgUnitFields {
  code: string
  kind: OrgKind
  parentId: number
}

/** answerApproval is set on an existing member unit only (creating one leaves it on). */
export type OrgUnitChanges = Partial<OrgUnitFields> & { active?: boolean; answerApproval?: boolean }

export const getOrgTree = (query: OrgTreeQuery = {}) =>
  http.get<ItemList<OrgTreeNode>>('/api/v1/org/tree', { ...query })

export const listOrgUnits = (query: OrgUnitQuery = {}) =>
  http.get<ItemList<OrgUnit>>('/api/v1/org/units', { ...query })

export const getOrgUnit = (id: number) => http.get<OrgUnit>(`/api/v1/org/units/${id}`)

export const createOrgUnit = (unit: NewOrgUnit) => http.post<OrgUnit>('/api/v1/org/units', unit)

export const updateOrgUnit = (id: number, changes: OrgUnitChanges) =>
  http.patch<OrgUnit>(`/api/v1/org/units/${id}`, changes)

/** 409 org.has_active_children while units below it are active. */
export const deactivateOrgUnit = (id: number) => http.post<OrgUnit>(`/api/v1/org/units/${id}/deactivate`)

// ---- web settings (the map's tile server) ----

export interface WebSettings {
  /** A Leaflet tile URL template; empty: draw on a plain background. */
  mapTileUrl: string
  mapAttribution: string
}

const NO_WEB_SETTINGS: WebSettings = { mapTileUrl: '', mapAttribution: '' }

/** GET /api/v1/web-settings; an older server without the route (404) counts as none set. */
export async function getWebSettings(): Promise<WebSettings> {
  try {
    const settings = await http.get<Partial<WebSettings>>('/api/v1/web-settings')
    return {
      mapTileUrl: settings.mapTileUrl ?? '',
      mapAttribution: settings.mapAttribution ?? '',
    }
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      return NO_WEB_SETTINGS
    }
    throw error
  }
}

// ---- users and roles ----

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

// ---- API tokens ----

export interface ApiToken {
  id: number
  name: string
  userId: number
  /** The display name of the user it acts as ("" when the account is gone). */
  userName: string
  createdBy: number
  createdByName: string
  createdAt: string
  revokedAt: string | null
}

/** POST /api/v1/tokens: the token and, this once, its secret. */
export interface CreatedApiToken extends ApiToken {
  token: string
}

export interface NewApiToken {
  name: string
  userId: number
}

export const listTokens = () => http.get<ItemList<ApiToken>>('/api/v1/tokens')

export const createToken = (token: NewApiToken) => http.post<CreatedApiToken>('/api/v1/tokens', token)

/** Revokes: the token stops working at once; the record stays in the list. */
export const removeToken = (id: number) => http.remove(`/api/v1/tokens/${id}`)

// ---- direct cards (直通卡) ----

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

export interface NewDirectCard {
  communityId: number
  holderId: number
}

/** The cards of the communities in the caller's admin scopes, by community code, newest first. */
export const listDirectCards = (query: DirectCardQuery = {}) =>
  http.get<ItemList<DirectCard>>('/api/v1/direct-cards', { ...query })

/**
 * Numbered ZTK-<community code>, then ZTK-<code>-<n>. 422 holderId not_director / communityId
 * not_community; 403 org.outside_scope; 409 direct_card.community_has_card.
 */
export const createDirectCard = (card: NewDirectCard) => http.post<DirectCard>('/api/v1/direct-cards', card)

/** 409 direct_card.revoked when it already is; 404 direct_card.not_found. */
export const revokeDirectCard = (id: number) => http.post<DirectCard>(`/api/v1/direct-cards/${id}/revoke`)

/**
 * Issues the community a new card for `holderId` (another director, or the same one after a
 * loss) and revokes this one in the same transaction; answers (201) the new card. 409
 * direct_card.revoked for a revoked card, 422 holderId not_director.
 */
export const reassignDirectCard = (id: number, holderId: number) =>
  http.post<DirectCard>(`/api/v1/direct-cards/${id}/reassign`, { holderId })
