// Categories, the dispatch catalogue and the message templates are one set for the whole city:
// the server lets only an administrator of the tree's root change them (403 auth.forbidden for
// a district's administrator, docs/api.md "Reference data"). This hides the buttons that would
// be refused; the server still decides.
import type { RoleAssignment } from '@/api/types'
import { adminScopes, administersAll } from './org/admin-scope'

export function mayEditCityReference(
  grants: { permissions: readonly string[] },
  roles: readonly RoleAssignment[],
  permission: string,
): boolean {
  return grants.permissions.includes(permission) && administersAll(adminScopes(roles))
}
