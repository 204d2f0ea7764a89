// Where each role may be assigned (server/src/domain/role.cpp, CheckRoleScope), so the unit
// picker offers only units that fit the chosen role. The server still decides: a mismatch it
// finds comes back as 422 user.role_scope_mismatch on orgUnitId.
import type { OrgKind, OrgLevel, RoleName } from '@/api/types'

export const ROLE_NAMES: readonly RoleName[] = [
  'admin',
  'city_office',
  'district_office',
  'street_office',
  'community_staff',
  'grid_worker',
  'director',
  'cadre',
  'unit_handler',
  'unit_leader',
  'leader',
  'inspector',
  'office_head',
]

/** The units a role may sit at; an absent list allows any. */
export interface RoleScope {
  levels?: OrgLevel[]
  kinds?: OrgKind[]
}

const divisionAt = (...levels: OrgLevel[]): RoleScope => ({ kinds: ['division'], levels })

const SCOPES: Record<RoleName, RoleScope> = {
  admin: { kinds: ['division'] },
  city_office: divisionAt('city'),
  district_office: divisionAt('district'),
  street_office: divisionAt('street'),
  community_staff: divisionAt('community'),
  director: divisionAt('community'),
  grid_worker: divisionAt('grid'),
  cadre: {},
  unit_handler: { kinds: ['unit', 'section'] },
  unit_leader: { kinds: ['unit', 'section'] },
  leader: divisionAt('city', 'district'),
  inspector: divisionAt('city', 'district'),
  office_head: divisionAt('city', 'district'),
}

export function roleScope(role: RoleName): RoleScope {
  return SCOPES[role]
}

export function roleFits(role: RoleName, unit: { kind: OrgKind; level: OrgLevel }): boolean {
  const scope = SCOPES[role]
  return (!scope.kinds || scope.kinds.includes(unit.kind)) && (!scope.levels || scope.levels.includes(unit.level))
}
