import { describe, expect, it } from 'vitest'
import { unitOfRef, type OrgUnit } from '@/api/org'
import { searchable, single, unitOptions } from './unit-options'

function unit(id: number, name: string, parentId: number | null, extra: Partial<OrgUnit> = {}): OrgUnit {
  return unitOfRef({ id, code: `C${id}`, name, kind: 'division', level: 'community' }, { parentId, ...extra })
}

const UNITS: OrgUnit[] = [
  unit(1, '吉林市', null, { level: 'city' }),
  unit(2, '德胜街道', 1, { level: 'street' }),
  unit(3, '永前社区', 2),
  unit(4, '旧社区', 2, { active: false }),
  unit(5, '吉林市住房和城乡建设局', 1, { kind: 'unit', level: 'city' }),
]

describe('unitOptions', () => {
  it('offers the active units of the levels and kinds asked for, labelled with their parent', () => {
    expect(unitOptions(UNITS, { levels: ['community'] })).toEqual([
      { value: 3, label: '永前社区', context: '德胜街道', code: 'C3' },
    ])
    expect(unitOptions(UNITS, { kinds: ['unit'] }).map((o) => o.value)).toEqual([5])
  })

  it('offers every active unit without a filter', () => {
    expect(unitOptions(UNITS, {}).map((o) => o.value)).toEqual([1, 2, 3, 5])
  })
})

describe('search results', () => {
  it('labels a unit by the parent name the server sent when the parent is not loaded', () => {
    const found = unit(9, '永前社区', 77, { parentName: '德胜街道' })
    expect(unitOptions([found], {})).toEqual([{ value: 9, label: '永前社区', context: '德胜街道', code: 'C9' }])
  })

  it('offers a unit once when it is both selected and found', () => {
    const yongqian = unit(3, '永前社区', 2)
    expect(unitOptions([yongqian, yongqian], {}).map((o) => o.value)).toEqual([3])
  })

  it('searches only text with letters or digits', () => {
    expect(searchable('住建')).toBe(true)
    expect(searchable('u2202')).toBe(true)
    expect(searchable(' ！!')).toBe(false)
  })

  it('lets the server filter on one level or kind, not on several', () => {
    expect(single(['community'])).toBe('community')
    expect(single(['unit', 'section'])).toBeUndefined()
    expect(single(undefined)).toBeUndefined()
  })
})
