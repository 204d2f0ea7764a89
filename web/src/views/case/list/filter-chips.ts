// The list's filters that the search form has no control for (a dashboard figure's area,
// origin, lead unit, "mine", or a range open at one end): each shown as a removable chip, so
// that a list opened from a figure says what it is showing and the filter can be dropped.
import type { CaseFilters } from './case-filters'

export type ChipKey = 'area' | 'origin' | 'leadUnit' | 'mine' | 'from' | 'to'

export interface FilterChip {
  key: ChipKey
  /** The unit the chip names (area, origin, lead unit); null for `leadUnit=none` and the rest. */
  unit: number | null
  /** The day it names (from, to: the last day wanted), else ''. */
  day: string
}

/** The chips of these filters, in a fixed order. A complete date range has its picker. */
export function filterChips(f: CaseFilters): FilterChip[] {
  const chips: FilterChip[] = []
  const unitChip = (key: ChipKey, unit: number | null): FilterChip => ({ key, unit, day: '' })
  if (f.area !== null) chips.push(unitChip('area', f.area))
  if (f.origin !== null) chips.push(unitChip('origin', f.origin))
  if (f.leadUnit !== null) chips.push(unitChip('leadUnit', f.leadUnit === 'none' ? null : f.leadUnit))
  if (f.mine) chips.push(unitChip('mine', null))
  if (f.from && !f.to) chips.push({ key: 'from', unit: null, day: f.from })
  if (f.to && !f.from) chips.push({ key: 'to', unit: null, day: f.to })
  return chips
}

/** The filters without the chip's. */
export function withoutChip(f: CaseFilters, key: ChipKey): CaseFilters {
  switch (key) {
    case 'area':
      return { ...f, area: null }
    case 'origin':
      return { ...f, origin: null }
    case 'leadUnit':
      return { ...f, leadUnit: null }
    case 'mine':
      return { ...f, mine: false }
    case 'from':
      return { ...f, from: '' }
    case 'to':
      return { ...f, to: '' }
  }
}
