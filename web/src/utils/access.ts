// Which parts of the app a signed-in user sees. The server decides what they may do; this
// only hides what they may not (STYLE.md, "Web").
import type { IntakeChannel, RoleName } from '@/api/types'

export type Area = 'workbench' | 'intake' | 'cases' | 'supervision' | 'bulletins' | 'admin' | 'assessment'

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
  // Every staff member may be a bulletin's recipient; its archive lists what they received.
  bulletins: (g) => g.permissions.includes('case:case:read'),
  admin: (g) => g.roles.includes('admin') || g.permissions.includes('system:user:read'),
  // Every role reads some assessment rows (its own unit at least); the server picks which.
  assessment: (g) => g.roles.length > 0,
}

/** The menu, in order. 考核 comes last so that an administrator's first area stays 系统管理. */
export const AREAS: readonly Area[] = ['workbench', 'intake', 'cases', 'supervision', 'bulletins', 'admin', 'assessment']

/** Who decides assessments (publishes, closes, reopens, takes appeals): the city office. */
export function decidesAssessment(grants: Grants): boolean {
  return grants.roles.includes('city_office')
}

export function mayEnter(area: Area, grants: Grants): boolean {
  return RULES[area](grants)
}

export function allowedAreas(grants: Grants): Area[] {
  return AREAS.filter((area) => mayEnter(area, grants))
}

/**
 * The roles with a home page of their own at `/` (views/home): those who collect (a big
 * 采集/登记 button and 我上报的, what they reported and its answer) and those who lead and
 * oversee (the city's leader, the city and district offices and their heads: the statistics dashboard, and
 * for the leader the escalations waiting for an instruction). Everyone else's home is the
 * first area they may enter (the workbench for staff, 系统管理 for administrators); the offices
 * reach their workbench from the menu.
 */
export type HomeKind = 'collector' | 'dashboard'
const COLLECTOR_ROLES: readonly RoleName[] = ['grid_worker', 'cadre', 'director']
const DASHBOARD_ROLES: readonly RoleName[] = ['leader', 'city_office', 'district_office', 'office_head']

/** This user's own home, or null when their home is their first area. The dashboard wins. */
export function homeOf(grants: Grants): HomeKind | null {
  if (!grants.permissions.includes('case:case:read')) {
    return null
  }
  if (grants.roles.some((role) => DASHBOARD_ROLES.includes(role))) {
    return 'dashboard'
  }
  return grants.roles.some((role) => COLLECTOR_ROLES.includes(role)) ? 'collector' : null
}
