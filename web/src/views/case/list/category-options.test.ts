import { describe, expect, it } from 'vitest'
import { categoryOptions } from './category-options'

describe('categoryOptions', () => {
  it('nests the second level under its parent, codes before names', () => {
    const tree = categoryOptions([
      { code: '01', name: '城乡建设与住房', parentCode: null, keywords: [], active: true },
      { code: '0101', name: '物业管理', parentCode: '01', keywords: [], active: true },
      { code: '02', name: '社会保障', parentCode: null, keywords: [], active: true },
      { code: '0201', name: '养老保险', parentCode: '02', keywords: ['养老金'], active: true },
      { code: '0102', name: '加装电梯', parentCode: '01', keywords: [], active: true },
    ])
    expect(tree.map((o) => o.value)).toEqual(['01', '02'])
    expect(tree[0]!.children!.map((o) => o.label)).toEqual(['0101 物业管理', '0102 加装电梯'])
    expect(tree[1]!.children!.map((o) => o.value)).toEqual(['0201'])
  })
})
