import { pointOnFeature } from '@turf/turf';
import type { SupportedGeometry } from '../domain/geometry';
import type { SafetyFeature } from '../domain/safetyFeature';

export type LonLat = [lon: number, lat: number];

/**
 * One [lon, lat] that stands for a geometry: a point is itself; anything else gets turf's
 * pointOnFeature, which always lies on the geometry. A centroid would not: the centroid of a
 * C-shaped area or a curved route can fall outside it, and a place would then be counted in a
 * hexagon or a distance it does not touch.
 */
export function representativePointOf(geometry: SupportedGeometry): LonLat {
  if (geometry.type === 'Point') return [geometry.coordinates[0]!, geometry.coordinates[1]!];
  const [lon, lat] = pointOnFeature(geometry).geometry.coordinates;
  return [lon!, lat!];
}

export function representativePoint(feature: SafetyFeature): LonLat {
  return representativePointOf(feature.geometry);
}
