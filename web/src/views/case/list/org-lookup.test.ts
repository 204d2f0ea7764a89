import { describe, expect, it } from 'vitest'
import { categoryTree } from './org-lookup'

describe('categoryTree', () => {
  it('nests the second level under its parent and keeps orphans at the top', () => {
    const tree = categoryTree([
      { code: '01', name: '城乡建设与住房', parentCode: null },
      { code: '0101', name: '物业管理', parentCode: '01' },
      { code: '02', name: '社会保障', parentCode: null },
      { code: '0102', name: '加装电梯', parentCode: '01' },
      { code: '0901', name: '无上级', parentCode: '09' },
    ])
    expect(tree.map((o) => o.value)).toEqual(['01', '02', '0901'])
    expect(tree[0]!.children!.map((o) => o.label)).toEqual(['0101 物业管理', '0102 加装电梯'])
    expect(tree[1]!.children).toBeUndefined()
  })
})
