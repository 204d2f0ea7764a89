// Reading the org network (GET /api/v1/org/units); every staff role may.
import { http } from './http'
import type { ItemList, OrgKind, OrgLevel, OrgRef } from './types'

/** A unit as GET /api/v1/org/units lists it (the fields the pickers and labels need). */
export interface OrgUnit extends OrgRef {
  shortName: string
  unitType: string
  parentId: number | null
  /** The parent's name: sent with search results (q), whose pickers have not loaded the tree. */
  parentName?: string
  active: boolean
}

export interface OrgUnitQuery {
  level?: OrgLevel
  kind?: OrgKind
  parent?: number
  includeInactive?: boolean
  /** Any part of the name, short name or code (住建, 永前); searched through the server's index. */
  q?: string
  /** At most this many units (1–200; 50 when searching). */
  limit?: number
}

export const listOrgUnits = (query: OrgUnitQuery = {}) => http.get<ItemList<OrgUnit>>('/api/v1/org/units', { ...query })

const unitsByKind = new Map<OrgKind, Promise<OrgUnit[]>>()

/**
 * The active units of a kind, fetched once per page life: the whole network is a few thousand
 * rows, small enough for the pickers to filter and label locally.
 */
export function unitsOfKind(kind: OrgKind): Promise<OrgUnit[]> {
  let found = unitsByKind.get(kind)
  if (!found) {
    found = listOrgUnits({ kind }).then((list) => list.items)
    // A failed fetch is not remembered, so the next picker retries.
    found.catch(() => unitsByKind.delete(kind))
    unitsByKind.set(kind, found)
  }
  return found
}

export const getOrgUnit = (id: number) => http.get<OrgUnit>(`/api/v1/org/units/${id}`)

/** A handler or unit leader of a member unit or one of its sections. */
export interface UnitStaffMember {
  id: number
  displayName: string
  role: 'unit_handler' | 'unit_leader'
  unitId: number
  unitName: string
}

/** The people of a member unit, for those who work for it (交办 to a named 承办人). */
export const listUnitStaff = (unitId: number) => http.get<ItemList<UnitStaffMember>>(`/api/v1/org/units/${unitId}/staff`)

const ALL_KINDS: readonly OrgKind[] = ['division', 'unit', 'section']

/** Every active unit of the network (three cached requests). */
export async function allUnits(): Promise<OrgUnit[]> {
  return (await Promise.all(ALL_KINDS.map((kind) => unitsOfKind(kind)))).flat()
}

/**
 * Names for unit ids (cases and supervisions carry ids only): from the cached network, and one
 * request each for the few inactive units it leaves out; "#id" for a unit that cannot be read.
 */
export async function unitNames(ids: Iterable<number>): Promise<Map<number, string>> {
  const byId = new Map((await allUnits()).map((unit) => [unit.id, unit.name]))
  const found = new Map<number, string>()
  const missing: number[] = []
  for (const id of new Set(ids)) {
    const name = byId.get(id)
    if (name === undefined) {
      missing.push(id)
    } else {
      found.set(id, name)
    }
  }
  await Promise.all(
    missing.map(async (id) => {
      found.set(id, await getOrgUnit(id).then((unit) => unit.name, () => `#${id}`))
    }),
  )
  return found
}
