import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { positionsOf, type SupportedGeometry } from '../domain/geometry';
import type { SafetyFeature } from '../domain/safetyFeature';
import { distanceToGeometryMetres, haversineMetres } from './geo';
import { representativePoint } from './representativePoint';
import type { NearbyItem } from './types';

/**
 * Places indexed for "near me", built once per data change. Points and shapes (lines, areas) are
 * kept apart: a point's distance is exact from the index alone, while a shape needs the search
 * widened by its size and an exact test. With one index, a single large area (a whole
 * municipality as focus place) would widen the search for every one of 100 000 survey points.
 */
export interface PlaceIndex {
  readonly size: number;
  readonly points: KDBush | null;
  readonly pointIds: readonly string[];
  /** [lon, lat] pairs in the order added (KDBush keeps its own copy sorted for the tree). */
  readonly pointCoords: Float64Array;
  /** Shapes indexed at their representative point. */
  readonly shapes: KDBush | null;
  readonly shapeIds: readonly string[];
  readonly shapeGeometries: readonly SupportedGeometry[];
  /**
   * The furthest any vertex of a shape lies from its representative point, in metres (the brief's
   * "half-diagonal", measured from the point actually indexed). No part of a shape is further
   * away, so a shape whose point is more than radius + this away cannot be within the radius.
   */
  readonly shapeReachMetres: number;
}

function kdIndex(coords: Float64Array): KDBush | null {
  if (coords.length === 0) return null;
  const index = new KDBush(coords.length / 2);
  for (let i = 0; i < coords.length; i += 2) index.add(coords[i]!, coords[i + 1]!);
  return index.finish();
}

export function buildPlaceIndex(features: readonly SafetyFeature[]): PlaceIndex {
  const pointCoords: number[] = [];
  const pointIds: string[] = [];
  const shapeCoords: number[] = [];
  const shapeIds: string[] = [];
  const shapeGeometries: SupportedGeometry[] = [];
  let shapeReachMetres = 0;
  for (const feature of features) {
    const [lon, lat] = representativePoint(feature);
    if (feature.geometry.type === 'Point') {
      pointCoords.push(lon, lat);
      pointIds.push(feature.id);
      continue;
    }
    shapeCoords.push(lon, lat);
    shapeIds.push(feature.id);
    shapeGeometries.push(feature.geometry);
    for (const [vLon, vLat] of positionsOf(feature.geometry)) {
      shapeReachMetres = Math.max(shapeReachMetres, haversineMetres(lon, lat, vLon!, vLat!));
    }
  }
  const points = Float64Array.from(pointCoords);
  return {
    size: features.length,
    points: kdIndex(points),
    pointIds,
    pointCoords: points,
    shapes: kdIndex(Float64Array.from(shapeCoords)),
    shapeIds,
    shapeGeometries,
    // A little slack for turf's geodesic edge distance versus our haversine; it only adds candidates.
    shapeReachMetres: shapeGeometries.length ? shapeReachMetres * 1.001 + 1 : 0,
  };
}

/**
 * Places within radiusMetres of [lon, lat], nearest first (ties by id). Distances are
 * great-circle metres to the geometry itself: 0 inside an area, to the nearest edge or route
 * segment otherwise, so a large area whose middle is far away but whose edge is near is found.
 */
export function nearby(index: PlaceIndex, lon: number, lat: number, radiusMetres: number): NearbyItem[] {
  if (!(radiusMetres >= 0)) return [];
  const result: NearbyItem[] = [];
  if (index.points) {
    const coords = index.pointCoords;
    for (const i of around(index.points, lon, lat, Infinity, radiusMetres / 1000)) {
      const distanceMetres = haversineMetres(lon, lat, coords[2 * i]!, coords[2 * i + 1]!);
      // around() uses a 6371 km earth, we 6371.0088 km: re-check so the boundary is the same everywhere.
      if (distanceMetres <= radiusMetres) result.push({ featureId: index.pointIds[i]!, distanceMetres });
    }
  }
  if (index.shapes) {
    for (const i of around(index.shapes, lon, lat, Infinity, (radiusMetres + index.shapeReachMetres) / 1000)) {
      const distanceMetres = distanceToGeometryMetres(lon, lat, index.shapeGeometries[i]!);
      if (distanceMetres <= radiusMetres) result.push({ featureId: index.shapeIds[i]!, distanceMetres });
    }
  }
  return result.sort(
    (a, b) => a.distanceMetres - b.distanceMetres || (a.featureId < b.featureId ? -1 : a.featureId > b.featureId ? 1 : 0),
  );
}
