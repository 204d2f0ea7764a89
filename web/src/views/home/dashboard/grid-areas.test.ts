import { describe, expect, it } from 'vitest'
import type { StatsCell } from '@/api/stats'
import { areaRows, gridShapes, isWithin, levelsBelow, type MapUnit } from './area-map'
import { areaAtLevel, gridAreas, type UnitNode } from './grid-areas'

const square = { type: 'Polygon' as const, coordinates: [[[126.5, 43.8], [126.51, 43.8], [126.51, 43.81], [126.5, 43.8]]] }

// 1 city › 2 船营区 › 3 德胜街道 › 4 永前社区 › 5, 6 grids; 2 › 7 另一街道 › 8 社区 › 9 grid; 1 › 10 丰满区 (no grids)
const units: MapUnit[] = [
  { id: 2, parentId: 1, level: 'district', name: '船营区', boundary: null },
  { id: 10, parentId: 1, level: 'district', name: '丰满区', boundary: null },
  { id: 3, parentId: 2, level: 'street', name: '德胜街道', boundary: null },
  { id: 7, parentId: 2, level: 'street', name: '另一街道', boundary: null },
  { id: 4, parentId: 3, level: 'community', name: '永前社区', boundary: null },
  { id: 8, parentId: 7, level: 'community', name: '社区八', boundary: null },
  { id: 5, parentId: 4, level: 'grid', name: '网格五', boundary: square },
  { id: 6, parentId: 4, level: 'grid', name: '网格六', boundary: square },
  { id: 9, parentId: 8, level: 'grid', name: '网格九', boundary: square },
  { id: 11, parentId: 8, level: 'grid', name: '无边界网格', boundary: null },
]
const byId = new Map<number, UnitNode>(units.map((u) => [u.id, u]))

describe('the area a grid lies in', () => {
  it.each([
    ['district', 2],
    ['street', 3],
    ['community', 4],
    ['grid', 5],
  ] as const)('at the %s level', (level, area) => {
    expect(areaAtLevel(5, level, byId)).toBe(area)
  })

  it('is null when the chain has no unit at the level', () => {
    expect(areaAtLevel(3, 'grid', byId)).toBeNull()
    expect(areaAtLevel(99, 'district', byId)).toBeNull()
  })

  it('survives a loop in the parents', () => {
    const loop = new Map<number, UnitNode>([
      [1, { id: 1, parentId: 2, level: 'grid' }],
      [2, { id: 2, parentId: 1, level: 'community' }],
    ])
    expect(areaAtLevel(1, 'district', loop)).toBeNull()
  })

  it('maps every grid to its street', () => {
    expect(gridAreas([5, 6, 9], 'street', units)).toEqual(new Map([[5, 3], [6, 3], [9, 7]]))
  })
})

describe('the map’s shapes and table', () => {
  it('draws the grids with a boundary, inside the viewer’s scope', () => {
    expect(gridShapes(units, 'street', []).map((s) => [s.gridId, s.areaId])).toEqual([[5, 3], [6, 3], [9, 7]])
    expect(gridShapes(units, 'street', [7]).map((s) => s.gridId)).toEqual([9])
    expect(gridShapes(units, 'district', [10])).toEqual([])
  })

  it('knows what lies within what', () => {
    expect(isWithin(5, 2, byId)).toBe(true)
    expect(isWithin(5, 1, byId)).toBe(true)
    expect(isWithin(5, 7, byId)).toBe(false)
  })

  it('lists every counted area, most first, saying which are not on the map', () => {
    const cell = (value: number, label: string, count: number, own = false): StatsCell => ({
      keys: [{ value, label, own }],
      count,
      cases: `/api/v1/cases?count=true&area=${value}`,
    })
    const shapes = gridShapes(units, 'district', [])
    const rows = areaRows([cell(2, '船营区', 4), cell(10, '丰满区', 9), cell(1, '吉林市', 2, true), cell(12, '空', 0)], shapes)
    expect(rows.map((r) => [r.name, r.cell.count, r.onMap, r.own])).toEqual([
      ['丰满区', 9, false, false],
      ['船营区', 4, true, false],
      ['吉林市', 2, false, true],
    ])
  })

  it('offers the levels below the viewer’s own', () => {
    expect(levelsBelow(null)).toEqual(['district', 'street', 'community', 'grid'])
    expect(levelsBelow('city')).toEqual(['district', 'street', 'community', 'grid'])
    expect(levelsBelow('district')).toEqual(['street', 'community', 'grid'])
  })
})
