// What the dashboard's map draws, apart from Leaflet: the grids inside the viewer's jurisdiction
// (only grids carry boundaries), each with the area at the chosen level that contains it and
// that area's figure; and the table beside the map, every area counted with whether it is drawn.
import type { Boundary } from '@/api/org'
import type { AreaLevel, StatsCell } from '@/api/stats'
import type { OrgLevel } from '@/api/types'
import { toLatLngPolygons, type LatLng } from '@/views/system/org/org-map'
import { areaAtLevel, type UnitNode } from './grid-areas'

export interface MapUnit extends UnitNode {
  name: string
  boundary: Boundary | null
}

export interface GridShape {
  gridId: number
  /** The area at the chosen level that contains the grid. */
  areaId: number
  polygons: LatLng[][][]
}

export interface AreaRow {
  id: number
  /** The area's name as the server gave it (text, never markup). */
  name: string
  /** Recorded by a division above the level (own: true): counted apart from its areas. */
  own: boolean
  cell: StatsCell
  /** Some grid of it is on the map. */
  onMap: boolean
}

/** True when `id` is `ancestor` or lies below it. */
export function isWithin(id: number, ancestor: number, byId: ReadonlyMap<number, UnitNode>): boolean {
  const seen = new Set<number>()
  let current: number | null = id
  while (current !== null && !seen.has(current)) {
    if (current === ancestor) {
      return true
    }
    seen.add(current)
    current = byId.get(current)?.parentId ?? null
  }
  return false
}

/** The grids with a boundary inside any of the scopes (none given: all), with their area at `level`. */
export function gridShapes(
  units: readonly MapUnit[],
  level: AreaLevel,
  scopes: readonly number[],
): GridShape[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]))
  const shapes: GridShape[] = []
  for (const unit of units) {
    if (unit.level !== 'grid' || !unit.boundary) {
      continue
    }
    if (scopes.length > 0 && !scopes.some((scope) => isWithin(unit.id, scope, byId))) {
      continue
    }
    const areaId = areaAtLevel(unit.id, level, byId)
    if (areaId !== null) {
      shapes.push({ gridId: unit.id, areaId, polygons: toLatLngPolygons(unit.boundary) })
    }
  }
  return shapes
}

/** The area a cell counts: its first key's id. */
export function areaIdOf(cell: StatsCell): number {
  return Number(cell.keys[0]?.value)
}

/** Area id → its cell, for the areas at the level (not the own cells of divisions above). */
export function cellsByArea(cells: readonly StatsCell[]): Map<number, StatsCell> {
  const found = new Map<number, StatsCell>()
  for (const cell of cells) {
    if (!cell.keys[0]?.own) {
      found.set(areaIdOf(cell), cell)
    }
  }
  return found
}

/** The table's rows: every counted area, most cases first, with whether the map shows it. */
export function areaRows(cells: readonly StatsCell[], shapes: readonly GridShape[]): AreaRow[] {
  const drawn = new Set(shapes.map((shape) => shape.areaId))
  return cells
    .filter((cell) => cell.count > 0)
    .map((cell) => {
      const own = cell.keys[0]?.own === true
      const id = areaIdOf(cell)
      return { id, name: cell.keys[0]?.label ?? `#${id}`, own, cell, onMap: !own && drawn.has(id) }
    })
    .sort((a, b) => b.cell.count - a.cell.count || a.name.localeCompare(b.name, 'zh-CN'))
}

/** The levels below a scope's level that a map of it can be coloured by. */
export function levelsBelow(scopeLevel: OrgLevel | null): AreaLevel[] {
  const all: AreaLevel[] = ['district', 'street', 'community', 'grid']
  const index = scopeLevel ? all.indexOf(scopeLevel as AreaLevel) : -1
  return all.slice(index + 1)
}
