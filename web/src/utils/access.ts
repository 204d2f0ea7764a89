// Which parts of the app a signed-in user sees. The server decides what they may do; this
// only hides what they may not (STYLE.md, "Web").
import type { RoleName } from '@/api/types'

export type Area = 'workbench' | 'cases' | 'supervision' | 'admin'

export interface Grants {
  roles: readonly RoleName[]
  permissions: readonly string[]
}

const SUPERVISION_ROLES: readonly RoleName[] = [
  'city_office',
  'district_office',
  'street_office',
  'inspector',
  'leader',
  'unit_handler',
  'unit_leader',
]

const RULES: Record<Area, (grants: Grants) => boolean> = {
  workbench: (g) => g.permissions.includes('case:case:read'),
  cases: (g) => g.permissions.includes('case:case:read'),
  supervision: (g) => g.permissions.includes('case:case:read') && g.roles.some((r) => SUPERVISION_ROLES.includes(r)),
  admin: (g) => g.roles.includes('admin') || g.permissions.includes('system:user:read'),
}

/** The menu, in order. */
export const AREAS: readonly Area[] = ['workbench', 'cases', 'supervision', 'admin']

export function mayEnter(area: Area, grants: Grants): boolean {
  return RULES[area](grants)
}

export function allowedAreas(grants: Grants): Area[] {
  return AREAS.filter((area) => mayEnter(area, grants))
}
