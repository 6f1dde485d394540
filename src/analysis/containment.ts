import { booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import { positionsOf, type SupportedGeometry } from '../domain/geometry';

export type Boundary = GeoJSON.Polygon | GeoJSON.MultiPolygon;

export interface OutsideVertex {
  position: number[];
  /** How far outside the boundary, in metres. */
  distanceMetres: number;
}

/**
 * Vertices of a geometry that lie outside a boundary by more than a tolerance. Municipality
 * outlines we have are strongly simplified, so a place near the border may fall just outside.
 */
export function verticesOutside(geometry: SupportedGeometry, boundary: Boundary, toleranceMetres: number): OutsideVertex[] {
  const outside: OutsideVertex[] = [];
  for (const position of positionsOf(geometry)) {
    const vertex = point(position.slice(0, 2));
    if (booleanPointInPolygon(vertex, boundary)) continue;
    const distanceMetres = Math.abs(pointToPolygonDistance(vertex, boundary, { units: 'meters' }));
    if (distanceMetres > toleranceMetres) outside.push({ position, distanceMetres });
  }
  return outside;
}
