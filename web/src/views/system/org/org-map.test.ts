import { describe, expect, it } from 'vitest'
import type { OrgUnit } from '@/api/org'
import { boundsOf, labelPoint, mapShapes, toLatLngPolygons } from './org-map'

const ring = [
  [126.5, 43.8],
  [126.52, 43.8],
  [126.52, 43.82],
  [126.5, 43.82],
  [126.5, 43.8],
]

function unit(id: number, boundary: OrgUnit['boundary']): OrgUnit {
  return {
    id,
    code: String(id),
    name: `网格${id}`,
    shortName: '',
    kind: 'division',
    level: 'grid',
    unitType: '',
    parentId: 1,
    active: true,
    boundary,
    leaderInCharge: '',
    responsibleSection: '',
    hotline: '',
    handlers: [],
    answerApproval: true,
    updatedAt: '',
  }
}

describe('org map', () => {
  it('swaps GeoJSON [lng, lat] into [lat, lng]', () => {
    expect(toLatLngPolygons({ type: 'Polygon', coordinates: [ring] })[0]?.[0]?.[1]).toEqual([43.8, 126.52])
  })

  it('puts the label at the mean of the corners, not counting the closing point twice', () => {
    const [lat, lng] = labelPoint(toLatLngPolygons({ type: 'Polygon', coordinates: [ring] })) ?? [0, 0]
    expect(lat).toBeCloseTo(43.81)
    expect(lng).toBeCloseTo(126.51)
    expect(labelPoint([])).toBeNull()
  })

  it('draws only units with a boundary, each once', () => {
    const a = unit(1, { type: 'Polygon', coordinates: [ring] })
    const shapes = mapShapes([a, unit(2, null), a])
    expect(shapes.map((s) => s.id)).toEqual([1])
  })

  it('fits every polygon of a MultiPolygon', () => {
    const far = ring.map(([lng, lat]) => [(lng ?? 0) + 1, (lat ?? 0) + 1])
    const shapes = mapShapes([unit(1, { type: 'MultiPolygon', coordinates: [[ring], [far]] })])
    expect(boundsOf(shapes)).toEqual({ south: 43.8, west: 126.5, north: 44.82, east: 127.52 })
    expect(boundsOf([])).toBeNull()
  })
})
