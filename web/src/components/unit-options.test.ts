import { describe, expect, it } from 'vitest'
import type { OrgUnit } from '@/api/org'
import { optionMatches, unitOptions } from './unit-options'

function unit(id: number, name: string, parentId: number | null, extra: Partial<OrgUnit> = {}): OrgUnit {
  return { id, code: `C${id}`, name, shortName: name, unitType: '', kind: 'division', level: 'community', parentId, active: true, ...extra }
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

describe('optionMatches', () => {
  const option = { value: 3, label: '永前社区', context: '德胜街道', code: '220204001001' }
  it('matches on the name, the parent or the code, ignoring case and spaces around', () => {
    expect(optionMatches(option, '永前')).toBe(true)
    expect(optionMatches(option, ' 德胜 ')).toBe(true)
    expect(optionMatches({ ...option, code: 'ab12' }, 'AB')).toBe(true)
    expect(optionMatches(option, '船营')).toBe(false)
    expect(optionMatches(option, '')).toBe(true)
  })
})
