import { describe, expect, it } from 'vitest'
import type { Category } from '@/api/categories'
import { buildCategoryTree, categoryMatches, categoryPath, suggestCategories } from './category-tree'

// A slice of data/seed/categories.csv.
const ITEMS: Category[] = [
  { code: '02', name: '城市管理与市容', parentCode: null, keywords: [], active: true },
  { code: '0206', name: '市政设施（道路/井盖/路灯/排水）', parentCode: '02', keywords: ['井盖', '路灯不亮', '积水'], active: true },
  { code: '0207', name: '冬季清雪除冰', parentCode: '02', keywords: ['清雪', '积雪', '路面结冰', '路滑'], active: true },
  { code: '03', name: '公用事业', parentCode: null, keywords: [], active: true },
  { code: '0301', name: '供暖供热', parentCode: '03', keywords: ['暖气', '供暖', '供热', '不热', '温度低'], active: true },
  { code: '0302', name: '供水', parentCode: '03', keywords: ['停水', '水压低', '自来水'], active: true },
  { code: '09', name: '空的大类', parentCode: null, keywords: [], active: true },
]

describe('buildCategoryTree', () => {
  it('groups second-level categories under their parents and drops empty groups', () => {
    const tree = buildCategoryTree(ITEMS)
    expect(tree.map((node) => node.category.code)).toEqual(['02', '03'])
    expect(tree[1]?.children.map((child) => child.name)).toEqual(['供暖供热', '供水'])
  })
})

describe('categoryPath', () => {
  it('names the parent and the child', () => {
    expect(categoryPath(ITEMS, '0301')).toBe('公用事业 / 供暖供热')
    expect(categoryPath(ITEMS, '03')).toBe('公用事业')
    expect(categoryPath(ITEMS, '9999')).toBe('9999')
  })
})

describe('categoryMatches', () => {
  const heating = ITEMS[4] as Category
  it.each([
    ['', true],
    ['供暖', true], // name
    ['公用', true], // parent name
    ['温度', true], // part of a keyword
    ['暖气不热', true], // the query contains a keyword
    ['井盖', false],
  ])('%s → %s', (query, expected) => {
    expect(categoryMatches(heating, '公用事业', query)).toBe(expected)
  })
})

describe('suggestCategories', () => {
  it('suggests the categories whose keywords occur in the text, most hits first', () => {
    const found = suggestCategories(ITEMS, '楼里暖气不热，室内温度低；门口路面结冰')
    expect(found.map((category) => category.code)).toEqual(['0301', '0207'])
  })

  it('suggests nothing for an empty or unrelated text, and never a top-level category', () => {
    expect(suggestCategories(ITEMS, '')).toEqual([])
    expect(suggestCategories(ITEMS, '表扬社区工作人员')).toEqual([])
  })

  it('keeps at most max', () => {
    expect(suggestCategories(ITEMS, '暖气 停水 井盖 清雪', 2)).toHaveLength(2)
  })
})
