// Which area at a level (区, 街道, 社区, 网格) each grid lies in: the map draws grids only (the
// grids carry the boundaries), each coloured as the area that contains it, found by walking
// up the units' parents.
import type { AreaLevel } from '@/api/stats'
import type { OrgLevel } from '@/api/types'

export interface UnitNode {
  id: number
  parentId: number | null
  level: OrgLevel
}

/** The unit at `level` at or above `id`; null when the chain has none (or is broken). */
export function areaAtLevel(id: number, level: AreaLevel, byId: ReadonlyMap<number, UnitNode>): number | null {
  const seen = new Set<number>()
  let unit = byId.get(id)
  while (unit && !seen.has(unit.id)) {
    if (unit.level === level) {
      return unit.id
    }
    seen.add(unit.id)
    unit = unit.parentId === null ? undefined : byId.get(unit.parentId)
  }
  return null
}

/** Grid id → the id of the area at `level` that contains it (grids outside any are left out). */
export function gridAreas(
  gridIds: readonly number[],
  level: AreaLevel,
  units: readonly UnitNode[],
): Map<number, number> {
  const byId = new Map(units.map((unit) => [unit.id, unit]))
  const areas = new Map<number, number>()
  for (const id of gridIds) {
    const area = areaAtLevel(id, level, byId)
    if (area !== null) {
      areas.set(id, area)
    }
  }
  return areas
}
