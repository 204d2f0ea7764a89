import { describe, expect, it } from 'vitest'
import { defaultPeriod, figureText, lastFullMonth, lastFullQuarter, lastFullWeek, movedFigures } from './bulletin-period'

describe('bulletin periods', () => {
  it('proposes the last full month, quarter and ISO week', () => {
    const today = new Date(2026, 11, 8) // 8 December 2026
    expect(lastFullMonth(today)).toBe('2026-11')
    expect(lastFullQuarter(today)).toBe('2026-Q3')
    expect(lastFullWeek(today)).toBe('2026-W49')
    expect(defaultPeriod('monthly', today)).toBe('2026-11')
  })

  it('goes back into the year before in January', () => {
    const today = new Date(2027, 0, 3)
    expect(lastFullMonth(today)).toBe('2026-12')
    expect(lastFullQuarter(today)).toBe('2026-Q4')
    expect(lastFullWeek(today)).toBe('2026-W52')
  })

  it('states figures with their unit', () => {
    expect(figureText(1286, '件')).toBe('1286 件')
    expect(figureText(7.2, '%')).toBe('7.2%')
    expect(figureText(null, '件')).toBe('—')
  })

  it('keeps only the figures that moved', () => {
    expect(
      movedFigures([
        { section: 'overview', key: 'a', label: 'A', old: 1, new: 2 },
        { section: 'overview', key: 'b', label: 'B', old: 3, new: 3 },
      ]).map((change) => change.key),
    ).toEqual(['a'])
  })
})
