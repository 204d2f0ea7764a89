// Which parts of the app a signed-in user sees. The server decides what they may do; this
// only hides what they may not (STYLE.md, "Web").
import type { IntakeChannel, RoleName } from '@/api/types'

export type Area = 'workbench' | 'intake' | 'cases' | 'supervision' | 'admin'

export interface Grants {
  roles: readonly RoleName[]
  permissions: readonly string[]
  /** The server's answer to "which staff channels may this user record on" (auth/me). */
  intakeChannels: readonly IntakeChannel[]
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

export type { IntakeChannel }

const RULES: Record<Area, (grants: Grants) => boolean> = {
  workbench: (g) => g.permissions.includes('case:case:read'),
  intake: (g) => g.intakeChannels.length > 0,
  cases: (g) => g.permissions.includes('case:case:read'),
  supervision: (g) => g.permissions.includes('case:case:read') && g.roles.some((r) => SUPERVISION_ROLES.includes(r)),
  admin: (g) => g.roles.includes('admin') || g.permissions.includes('system:user:read'),
}

/** The menu, in order. */
export const AREAS: readonly Area[] = ['workbench', 'intake', 'cases', 'supervision', 'admin']

export function mayEnter(area: Area, grants: Grants): boolean {
  return RULES[area](grants)
}

export function allowedAreas(grants: Grants): Area[] {
  return AREAS.filter((area) => mayEnter(area, grants))
}

/**
 * The roles with a home page of their own at `/` (views/home): those who collect (a big
 * 采集/登记 button and 我上报的, what they reported and its answer) and the leader (escalations
 * waiting for an instruction, until the statistics dashboard takes its place). Everyone else's
 * home is the first area they may enter (the workbench for staff, 系统管理 for administrators).
 */
export type HomeKind = 'collector' | 'leader'
const COLLECTOR_ROLES: readonly RoleName[] = ['grid_worker', 'cadre', 'director']

/** This user's own home, or null when their home is their first area. A leader's wins. */
export function homeOf(grants: Grants): HomeKind | null {
  if (!grants.permissions.includes('case:case:read')) {
    return null
  }
  if (grants.roles.includes('leader')) {
    return 'leader'
  }
  return grants.roles.some((role) => COLLECTOR_ROLES.includes(role)) ? 'collector' : null
}
