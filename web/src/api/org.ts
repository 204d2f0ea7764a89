// The org network (docs/api.md "Org network"): its units and tree, which every staff role may
// read, and creating, editing and deactivating a unit, which the admins may.
import type { OrgUnitBody, OrgUnitChangesBody } from './generated/wire'
import { http } from './http'
import type { ItemList, OrgKind, OrgLevel, OrgRef } from './types'

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

/** A unit of the network: GET /api/v1/org/units/{id}, and each item of GET /api/v1/org/units. */
export interface OrgUnit extends OrgRef {
  shortName: string
  unitType: string
  parentId: number | null
  /** The parent's name: sent with search results (q), whose pickers have not loaded the tree. */
  parentName?: string
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

/** A unit known only by its reference (a user's own grid), with the rest left empty. */
export function unitOfRef(ref: OrgRef, fields: Partial<OrgUnit> = {}): OrgUnit {
  return {
    ...ref,
    shortName: ref.name,
    unitType: '',
    parentId: null,
    active: true,
    boundary: null,
    leaderInCharge: '',
    responsibleSection: '',
    hotline: '',
    handlers: [],
    answerApproval: true,
    updatedAt: '',
    ...fields,
  }
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

/** POST /api/v1/org/units and PATCH /api/v1/org/units/{id}: the server's wire tables. */
export type NewOrgUnit = OrgUnitBody
/** answerApproval is set on an existing member unit only (creating one leaves it on). */
export type OrgUnitChanges = OrgUnitChangesBody

/** The fields both creating and editing a unit send, every one of them. */
export type OrgUnitFields = Required<Pick<OrgUnitBody, keyof OrgUnitBody & keyof OrgUnitChangesBody>>

export const getOrgTree = (query: OrgTreeQuery = {}) =>
  http.get<ItemList<OrgTreeNode>>('/api/v1/org/tree', { ...query })

export const createOrgUnit = (unit: NewOrgUnit) => http.post<OrgUnit>('/api/v1/org/units', unit)

export const updateOrgUnit = (id: number, changes: OrgUnitChanges) =>
  http.patch<OrgUnit>(`/api/v1/org/units/${id}`, changes)

/** 409 org.has_active_children while units below it are active. */
export const deactivateOrgUnit = (id: number) => http.post<OrgUnit>(`/api/v1/org/units/${id}/deactivate`)

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
