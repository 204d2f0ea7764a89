import { describe, expect, it } from 'vitest'
import type { Category } from '@/api/categories'
import { buildCategoryTree } from '@/utils/category-tree'
import {
  codeProblem,
  filterTree,
  keywordsProblem,
  nameProblem,
  normalizeKeywords,
  suggestCode,
} from './category-tree'

function category(code: string, name: string, keywords: string[] = []): Category {
  return { code, name, parentCode: code.length === 4 ? code.slice(0, 2) : null, keywords, active: true }
}

const CATEGORIES: Category[] = [
  category('02', '城市管理与市容'),
  category('0102', '老旧小区改造与加装电梯', ['加装电梯', '楼道灯']),
  category('01', '城乡建设与住房'),
  category('0101', '物业管理', ['物业', '物业费']),
  category('0201', '环境卫生与垃圾清运', ['垃圾']),
]

describe('buildCategoryTree, complete', () => {
  it('nests subcategories under their parent, in code order', () => {
    const tree = buildCategoryTree(CATEGORIES, { complete: true })
    expect(tree.map((n) => n.category.code)).toEqual(['01', '02'])
    expect(tree[0]?.children.map((c) => c.code)).toEqual(['0101', '0102'])
    expect(tree[1]?.children.map((c) => c.code)).toEqual(['0201'])
  })

  it('keeps a subcategory whose parent is missing at the top', () => {
    const tree = buildCategoryTree([category('0301', '供暖供热')], { complete: true })
    expect(tree.map((n) => n.category.code)).toEqual(['0301'])
  })
})

describe('filterTree', () => {
  const tree = buildCategoryTree(CATEGORIES, { complete: true })

  it('finds a subcategory by keyword and keeps its parent', () => {
    const found = filterTree(tree, '楼道灯')
    expect(found.map((n) => n.category.code)).toEqual(['01'])
    expect(found[0]?.children.map((c) => c.code)).toEqual(['0102'])
  })

  it('keeps every subcategory of a matching top level', () => {
    expect(filterTree(tree, '城乡建设')[0]?.children).toHaveLength(2)
  })

  it('matches a code prefix and ignores blanks', () => {
    expect(filterTree(tree, '02').map((n) => n.category.code)).toEqual(['02'])
    expect(filterTree(tree, '  ')).toHaveLength(2)
    expect(filterTree(tree, '没有这个')).toEqual([])
  })
})

describe('codeProblem', () => {
  it.each([
    ['', null, 'required'],
    ['03', null, null],
    ['3', null, 'top_format'],
    ['0301', null, 'top_format'],
    ['0301', '03', null],
    ['0401', '03', 'child_format'],
    ['031', '03', 'child_format'],
    ['03a1', '03', 'child_format'],
  ])('%j under %j → %j', (code, parent, problem) => {
    expect(codeProblem(code, parent)).toBe(problem)
  })
})

describe('nameProblem and normalizeKeywords', () => {
  it('needs a name of at most 40 characters', () => {
    expect(nameProblem(' ')).toBe('required')
    expect(nameProblem('供暖供热')).toBeNull()
    expect(nameProblem('字'.repeat(41))).toBe('too_long')
  })

  it('trims keywords and drops blanks and repeats', () => {
    expect(normalizeKeywords([' 暖气 ', '', '暖气', '供暖'])).toEqual(['暖气', '供暖'])
  })
})

describe('keywordsProblem', () => {
  it('allows 50 keywords of at most 20 characters each', () => {
    expect(keywordsProblem(['暖气', '供暖'])).toBeNull()
    expect(keywordsProblem(Array.from({ length: 51 }, (_, i) => `词${i}`))).toBe('too_many')
    expect(keywordsProblem(['字'.repeat(21)])).toBe('too_long')
  })
})

describe('suggestCode', () => {
  it('takes the next number after the last sibling', () => {
    expect(suggestCode(CATEGORIES, null)).toBe('03')
    expect(suggestCode(CATEGORIES, '01')).toBe('0103')
    expect(suggestCode(CATEGORIES, '05')).toBe('0501')
  })
})
