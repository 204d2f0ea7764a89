// The dispatch catalogue (派单目录) as people read it: unit codes resolved to names, and
// "{district}" patterns (the routing district's own unit, "U{district}-02" → 船营区住建局 for
// 船营区) said as "each district's corresponding unit". Pure.
import type { CatalogueLevel, DispatchRule } from '@/api/admin-reference'
import type { OrgUnit } from '@/api/org'

export const CATALOGUE_LEVELS: readonly CatalogueLevel[] = ['city', 'district']

export const DISTRICT_PLACEHOLDER = '{district}'

export function isDistrictPattern(code: string): boolean {
  return code.includes(DISTRICT_PLACEHOLDER)
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The units a pattern stands for across districts: "U{district}-02" matches "U220204-02". */
export function patternMatcher(pattern: string): RegExp {
  const [before, ...after] = pattern.split(DISTRICT_PLACEHOLDER)
  return new RegExp(`^${escape(before ?? '')}\\d+${escape(after.join(DISTRICT_PLACEHOLDER))}$`)
}

export type UnitLabel =
  | { kind: 'unit'; name: string }
  | { kind: 'pattern'; example: string; count: number }
  | { kind: 'unknown'; code: string }

/** How to name a catalogue unit code; district patterns are matched against district units only. */
export function unitLabel(code: string, units: readonly OrgUnit[]): UnitLabel {
  if (isDistrictPattern(code)) {
    const matcher = patternMatcher(code)
    const matching = units.filter((unit) => unit.level !== 'city' && matcher.test(unit.code))
    return matching.length > 0
      ? { kind: 'pattern', example: matching[0]?.name ?? '', count: matching.length }
      : { kind: 'unknown', code }
  }
  const unit = units.find((u) => u.code === code)
  return unit ? { kind: 'unit', name: unit.name } : { kind: 'unknown', code }
}

export interface UnitOption {
  code: string
  /** The unit's name, or for a pattern an example district unit's. */
  name: string
  pattern: boolean
}

/**
 * What a catalogue row may name: every active member unit, and for each kind of district unit
 * ("U…-02" in several districts) its "{district}" pattern, listed first.
 */
export function unitOptions(units: readonly OrgUnit[]): UnitOption[] {
  const patterns = new Map<string, UnitOption>()
  const districtsOf = new Map<string, Set<string>>()
  for (const unit of units) {
    const match = /^(U)(\d+)(-\d+)$/.exec(unit.code)
    if (!match || unit.level === 'city' || !unit.active) {
      continue
    }
    const pattern = `${match[1]}${DISTRICT_PLACEHOLDER}${match[3]}`
    const districts = districtsOf.get(pattern) ?? new Set<string>()
    districts.add(match[2] ?? '')
    districtsOf.set(pattern, districts)
    if (!patterns.has(pattern)) {
      patterns.set(pattern, { code: pattern, name: unit.name, pattern: true })
    }
  }
  const shared = [...patterns.values()].filter((option) => (districtsOf.get(option.code)?.size ?? 0) > 1)
  shared.sort((a, b) => a.code.localeCompare(b.code))
  const concrete = units
    .filter((unit) => unit.active)
    .map((unit) => ({ code: unit.code, name: unit.name, pattern: false }))
  return [...shared, ...concrete]
}

/** A category's catalogue rows by level. */
export function rowsFor(items: readonly DispatchRule[], categoryCode: string): Record<CatalogueLevel, DispatchRule | null> {
  const find = (level: CatalogueLevel) =>
    items.find((item) => item.categoryCode === categoryCode && item.level === level) ?? null
  return { city: find('city'), district: find('district') }
}

export type RowProblem = 'lead_required' | 'lead_in_assisting'

export function rowProblem(leadUnit: string, assistingUnits: readonly string[]): RowProblem | null {
  if (leadUnit.trim() === '') {
    return 'lead_required'
  }
  return assistingUnits.includes(leadUnit) ? 'lead_in_assisting' : null
}

/** Replaces or adds a row in the list as the server now has it. */
export function withRow(items: readonly DispatchRule[], row: DispatchRule): DispatchRule[] {
  const rest = items.filter((item) => !(item.categoryCode === row.categoryCode && item.level === row.level))
  return [...rest, row]
}

export function withoutRow(items: readonly DispatchRule[], categoryCode: string, level: CatalogueLevel): DispatchRule[] {
  return items.filter((item) => !(item.categoryCode === categoryCode && item.level === level))
}
