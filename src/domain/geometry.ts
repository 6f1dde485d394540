import { z } from 'zod';
import { SCHEMA_MESSAGES } from './schemaMessages';
import { perLanguage, type Language, type Text } from './text';

/** Longitude, latitude in WGS 84 (RFC 7946). Extra ordinates (elevation) are allowed and ignored. */
const position = z
  .array(z.number().finite())
  .min(2)
  .refine((p) => Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90, SCHEMA_MESSAGES.offEarth.sv);

const lineCoordinates = z.array(position).min(2, SCHEMA_MESSAGES.shortLine.sv);
const ring = z
  .array(position)
  .min(4, SCHEMA_MESSAGES.shortRing.sv)
  .refine((r) => samePosition(r[0]!, r[r.length - 1]!), SCHEMA_MESSAGES.openRing.sv);

export const pointSchema = z.object({ type: z.literal('Point'), coordinates: position });
export const lineStringSchema = z.object({ type: z.literal('LineString'), coordinates: lineCoordinates });
export const multiLineStringSchema = z.object({ type: z.literal('MultiLineString'), coordinates: z.array(lineCoordinates).min(1) });
export const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) });
export const multiPolygonSchema = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) });

export const geometrySchema = z.discriminatedUnion('type', [
  pointSchema,
  lineStringSchema,
  multiLineStringSchema,
  polygonSchema,
  multiPolygonSchema,
]);
export type SupportedGeometry = z.infer<typeof geometrySchema>;
export type Position = [number, number, ...number[]];

function samePosition(a: number[], b: number[]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Every vertex of a geometry, flattened; used for bounds and containment checks. */
export function positionsOf(geometry: SupportedGeometry): number[][] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

export type Bounds = [west: number, south: number, east: number, north: number];

export function boundsOf(geometries: Iterable<SupportedGeometry>): Bounds | null {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (const g of geometries) {
    for (const [lon, lat] of positionsOf(g)) {
      if (lon! < west) west = lon!;
      if (lon! > east) east = lon!;
      if (lat! < south) south = lat!;
      if (lat! > north) north = lat!;
    }
  }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}

/** Coordinates as text for messages, numbers written as the language writes them: "lon 18,0712, lat 59,3251" (sv). */
export function formatPosition(p: readonly number[], language: Language = 'sv'): string {
  const locale = language === 'sv' ? 'sv-SE' : 'en-GB';
  const f = (n: number | undefined) => (typeof n === 'number' ? n.toLocaleString(locale, { maximumFractionDigits: 5 }) : String(n));
  return `lon ${f(p[0])}, lat ${f(p[1])}`;
}

/** The position in both languages' number formats, for messages shown in either. */
export const positionText = (p: readonly number[]): Text => perLanguage((language) => formatPosition(p, language));
