// The options of UnitPicker: which units it offers and how each is labelled.
import type { OrgUnit } from '@/api/org'
import type { OrgKind, OrgLevel } from '@/api/types'

export interface UnitFilter {
  levels?: readonly OrgLevel[]
  kinds?: readonly OrgKind[]
}

export interface UnitOption {
  value: number
  /** The unit's name. */
  label: string
  /** Where it sits: its parent's name, so 永前社区 of 德胜街道 is told from a namesake. */
  context: string
  code: string
}

export function matchesFilter(unit: OrgUnit, filter: UnitFilter): boolean {
  return (
    unit.active &&
    (!filter.levels || filter.levels.includes(unit.level)) &&
    (!filter.kinds || filter.kinds.includes(unit.kind))
  )
}

/**
 * The options for the units that pass the filter, in the order given (tree order), each once.
 * The parent comes from `units` when it is there, else from the unit's own parentName.
 */
export function unitOptions(units: readonly OrgUnit[], filter: UnitFilter): UnitOption[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]))
  const seen = new Set<number>()
  return units
    .filter((unit) => matchesFilter(unit, filter) && !seen.has(unit.id) && seen.add(unit.id))
    .map((unit) => {
      const parent = unit.parentId === null ? undefined : byId.get(unit.parentId)
      return { value: unit.id, label: unit.name, context: parent?.name ?? unit.parentName ?? '', code: unit.code }
    })
}

/** Whether `text` holds anything the server can search for (a letter or digit). */
export function searchable(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text)
}

/** The single level or kind the server can filter on, or undefined to filter here. */
export function single<T>(values: readonly T[] | undefined): T | undefined {
  return values?.length === 1 ? values[0] : undefined
}
