import { describe, expect, it } from 'vitest'
import type { DispatchRule } from '@/api/admin-reference'
import { unitOfRef, type OrgUnit } from '@/api/org'
import { patternMatcher, rowProblem, rowsFor, unitLabel, unitOptions, withRow, withoutRow } from './catalogue'

function unit(code: string, name: string, level: 'city' | 'district'): OrgUnit {
  return unitOfRef({ id: code.length, code, name, kind: 'unit', level })
}

const UNITS: OrgUnit[] = [
  unit('U220200-02', '吉林市发展和改革委员会', 'city'),
  unit('U220200-13', '吉林市住房和城乡建设局', 'city'),
  unit('U220204-02', '船营区住房和城乡建设局', 'district'),
  unit('U220202-02', '昌邑区住房和城乡建设局', 'district'),
  unit('U220204-03', '船营区城市管理行政执法局', 'district'),
]

describe('patternMatcher', () => {
  it('stands {district} for any district code', () => {
    const matcher = patternMatcher('U{district}-02')
    expect(matcher.test('U220204-02')).toBe(true)
    expect(matcher.test('U220204-03')).toBe(false)
    expect(matcher.test('U220204-021')).toBe(false)
  })
})

describe('unitLabel', () => {
  it('names a unit by its code', () => {
    expect(unitLabel('U220200-13', UNITS)).toEqual({ kind: 'unit', name: '吉林市住房和城乡建设局' })
  })

  it('says a district pattern with an example and never a city unit', () => {
    expect(unitLabel('U{district}-02', UNITS)).toEqual({ kind: 'pattern', example: '船营区住房和城乡建设局', count: 2 })
  })

  it('keeps a code it cannot resolve', () => {
    expect(unitLabel('U999999-01', UNITS)).toEqual({ kind: 'unknown', code: 'U999999-01' })
    expect(unitLabel('U{district}-77', UNITS)).toEqual({ kind: 'unknown', code: 'U{district}-77' })
  })
})

describe('unitOptions', () => {
  it('offers a pattern for a unit kind several districts have, then every unit', () => {
    const options = unitOptions(UNITS)
    expect(options[0]).toEqual({ code: 'U{district}-02', name: '船营区住房和城乡建设局', pattern: true })
    // -03 exists in one district only: no pattern for it.
    expect(options.filter((o) => o.pattern)).toHaveLength(1)
    expect(options.filter((o) => !o.pattern).map((o) => o.code)).toEqual(UNITS.map((u) => u.code))
  })

  it('leaves out inactive units', () => {
    const options = unitOptions([{ ...unit('U220200-02', '旧', 'city'), active: false }])
    expect(options).toEqual([])
  })
})

describe('rows', () => {
  const items: DispatchRule[] = [
    { categoryCode: '0101', level: 'city', leadUnit: 'U220200-13', assistingUnits: [] },
    { categoryCode: '0101', level: 'district', leadUnit: 'U{district}-02', assistingUnits: [] },
    { categoryCode: '0102', level: 'city', leadUnit: 'U220200-13', assistingUnits: ['U220200-02'] },
  ]

  it('picks a category rows by level', () => {
    expect(rowsFor(items, '0102')).toEqual({ city: items[2], district: null })
  })

  it('replaces and removes a row', () => {
    const changed = { ...items[0]!, leadUnit: 'U220200-02' }
    expect(rowsFor(withRow(items, changed), '0101').city?.leadUnit).toBe('U220200-02')
    expect(withRow(items, changed)).toHaveLength(3)
    expect(rowsFor(withoutRow(items, '0101', 'district'), '0101').district).toBeNull()
  })

  it('needs a lead that does not also assist', () => {
    expect(rowProblem('', [])).toBe('lead_required')
    expect(rowProblem('U220200-13', ['U220200-13'])).toBe('lead_in_assisting')
    expect(rowProblem('U220200-13', ['U220200-02'])).toBeNull()
  })
})
