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

/** The options for the units that pass the filter, in the order given (tree order). */
export function unitOptions(units: readonly OrgUnit[], filter: UnitFilter): UnitOption[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]))
  return units
    .filter((unit) => matchesFilter(unit, filter))
    .map((unit) => {
      const parent = unit.parentId === null ? undefined : byId.get(unit.parentId)
      return { value: unit.id, label: unit.name, context: parent?.name ?? '', code: unit.code }
    })
}

/** Case- and space-insensitive match on the name, its parent's name or the code. */
export function optionMatches(option: UnitOption, text: string): boolean {
  const needle = text.trim().toLowerCase()
  if (!needle) {
    return true
  }
  return [option.label, option.context, option.code].some((field) => field.toLowerCase().includes(needle))
}
