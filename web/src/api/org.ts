// Reading the org network (GET /api/v1/org/units); every staff role may.
import { http } from './http'
import type { ItemList, OrgKind, OrgLevel, OrgRef } from './types'

/** A unit as GET /api/v1/org/units lists it (the fields the pickers and labels need). */
export interface OrgUnit extends OrgRef {
  shortName?: string
  parentId: number | null
  active: boolean
}

export interface OrgUnitQuery {
  level?: OrgLevel
  kind?: OrgKind
  parent?: number
  includeInactive?: boolean
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
