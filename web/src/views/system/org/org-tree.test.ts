import { describe, expect, it } from 'vitest'
import type { OrgTreeNode } from '@/api/org'
import { childItems, childKinds, childLevel, searchTree, subtreeIds } from './org-tree'

const node = (id: number, name: string, level: OrgTreeNode['level'], children: OrgTreeNode[] = []): OrgTreeNode => ({
  id,
  code: `C${id}`,
  name,
  kind: 'division',
  level,
  active: true,
  children,
})

const city = node(1, '吉林市', 'city', [
  node(2, '船营区', 'district', [
    node(3, '德胜街道', 'street', [node(4, '永前社区', 'community', [node(5, '永前社区第一网格', 'grid')])]),
  ]),
  node(6, '昌邑区', 'district'),
])

describe('childItems', () => {
  it('knows leaves from the second level the server sent', () => {
    const items = childItems([city])
    expect(items.map((i) => [i.name, i.leaf])).toEqual([
      ['船营区', false],
      ['昌邑区', true],
    ])
  })

  it('is empty for an empty answer', () => {
    expect(childItems([])).toEqual([])
  })
})

describe('searchTree', () => {
  it('finds by name with the path down to the parent', () => {
    const hits = searchTree([city], '永前', 10)
    expect(hits.map((h) => h.item.name)).toEqual(['永前社区', '永前社区第一网格'])
    expect(hits[0]?.path).toEqual(['吉林市', '船营区', '德胜街道'])
  })

  it('finds by code, case-insensitively, and stops at the limit', () => {
    expect(searchTree([city], 'c6', 10).map((h) => h.item.id)).toEqual([6])
    expect(searchTree([city], '区', 1)).toHaveLength(1)
  })

  it('finds nothing for blank keywords', () => {
    expect(searchTree([city], '  ', 10)).toEqual([])
  })
})

describe('subtreeIds', () => {
  it('lists the root and everything below', () => {
    expect([...subtreeIds([city])].sort()).toEqual([1, 2, 3, 4, 5, 6])
  })
})

describe('placement', () => {
  it('follows the server: divisions one down, member units under city and districts, sections under units', () => {
    expect(childKinds({ kind: 'division', level: 'city' })).toEqual(['division', 'unit'])
    expect(childKinds({ kind: 'division', level: 'street' })).toEqual(['division'])
    expect(childKinds({ kind: 'division', level: 'grid' })).toEqual([])
    expect(childKinds({ kind: 'unit', level: 'city' })).toEqual(['section'])
    expect(childKinds({ kind: 'section', level: 'city' })).toEqual([])
  })

  it('gives a new division the level below and the others their parent level', () => {
    expect(childLevel({ kind: 'division', level: 'community' }, 'division')).toBe('grid')
    expect(childLevel({ kind: 'division', level: 'district' }, 'unit')).toBe('district')
    expect(childLevel({ kind: 'unit', level: 'city' }, 'section')).toBe('city')
  })
})
