// What the org map draws, computed apart from Leaflet: GeoJSON's [lng, lat] rings turned into
// Leaflet's [lat, lng], a label point per unit, and the bounds the map fits.
import type { Boundary, OrgUnit } from '@/api/org'
import type { OrgLevel } from '@/api/types'

export type LatLng = [number, number]

export interface MapShape {
  id: number
  name: string
  level: OrgLevel
  /** Polygons, each a list of rings (the outer first), in [lat, lng]. */
  polygons: LatLng[][][]
  /** Where the unit's point and label go. */
  center: LatLng
}

export interface Bounds {
  south: number
  west: number
  north: number
  east: number
}

function polygonsOf(boundary: Boundary): number[][][][] {
  return boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates
}

/** [lng, lat] → [lat, lng], the order Leaflet takes. */
export function toLatLngPolygons(boundary: Boundary): LatLng[][][] {
  return polygonsOf(boundary).map((rings) =>
    rings.map((ring) => ring.map((position): LatLng => [position[1] ?? 0, position[0] ?? 0])),
  )
}

/** The mean of the first outer ring's corners (the closing repeat left out). */
export function labelPoint(polygons: LatLng[][][]): LatLng | null {
  const ring = polygons[0]?.[0]
  if (!ring || ring.length === 0) {
    return null
  }
  const first = ring[0]
  const last = ring[ring.length - 1]
  const closed = ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]
  const corners = closed ? ring.slice(0, -1) : ring
  const sum = corners.reduce<LatLng>((acc, [lat, lng]) => [acc[0] + lat, acc[1] + lng], [0, 0])
  return [sum[0] / corners.length, sum[1] / corners.length]
}

/** The units that have a boundary, as shapes; each unit once, the first seen kept. */
export function mapShapes(units: readonly OrgUnit[]): MapShape[] {
  const seen = new Set<number>()
  const shapes: MapShape[] = []
  for (const unit of units) {
    if (!unit.boundary || seen.has(unit.id)) {
      continue
    }
    const polygons = toLatLngPolygons(unit.boundary)
    const center = labelPoint(polygons)
    if (!center) {
      continue
    }
    seen.add(unit.id)
    shapes.push({ id: unit.id, name: unit.name, level: unit.level, polygons, center })
  }
  return shapes
}

/** The box around every outer ring; null when there is nothing to draw. */
export function boundsOf(shapes: readonly Pick<MapShape, 'polygons'>[]): Bounds | null {
  let bounds: Bounds | null = null
  for (const shape of shapes) {
    for (const polygon of shape.polygons) {
      for (const [lat, lng] of polygon[0] ?? []) {
        bounds = bounds
          ? {
              south: Math.min(bounds.south, lat),
              west: Math.min(bounds.west, lng),
              north: Math.max(bounds.north, lat),
              east: Math.max(bounds.east, lng),
            }
          : { south: lat, west: lng, north: lat, east: lng }
      }
    }
  }
  return bounds
}
