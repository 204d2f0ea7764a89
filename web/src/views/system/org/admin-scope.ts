// Which units the signed-in admin administers: the subtrees of their admin roles. The server
// decides (403 org.outside_scope); this only hides the buttons that would be refused.
import type { OrgTreeNode } from '@/api/org'
import type { OrgRef, RoleAssignment } from '@/api/types'
import { subtreeIds } from './org-tree'

/** The units the admin role is held at. */
export function adminScopes(roles: readonly RoleAssignment[]): OrgRef[] {
  return roles.filter((role) => role.role === 'admin').map((role) => role.orgUnit)
}

/** An admin at the city administers everything; no need to load the tree to know. */
export function administersAll(scopes: readonly OrgRef[]): boolean {
  return scopes.some((unit) => unit.level === 'city' && unit.kind === 'division')
}

export type ScopeCheck = (unitId: number) => boolean

/** A check over the loaded subtrees of the admin's scopes. */
export function scopeCheck(scopes: readonly OrgRef[], subtrees: readonly OrgTreeNode[][]): ScopeCheck {
  if (administersAll(scopes)) {
    return () => true
  }
  const ids = subtreeIds(subtrees.flat())
  return (unitId) => ids.has(unitId)
}
