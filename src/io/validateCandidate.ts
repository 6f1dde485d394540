import { formatPosition, geometrySchema, type SupportedGeometry } from '../domain/geometry';
import type { RejectReason } from './importTypes';

export { formatPosition } from '../domain/geometry';

export type GeometryCheck =
  | { ok: true; geometry: SupportedGeometry }
  | { ok: false; reason: RejectReason; detail: string };

const reject = (reason: RejectReason, detail: string): GeometryCheck => ({ ok: false, reason, detail });

/**
 * GeoJSON types we cannot store become parts we can: a MultiPoint becomes Points (the caller says
 * so in a note). KML's MultiGeometry arrives as a GeometryCollection; we only merge it when every
 * part has the same kind, since mixed collections have no single place on the map.
 */
export function splitGeometry(geometry: unknown): { parts: unknown[]; split: boolean } {
  if (!geometry || typeof geometry !== 'object') return { parts: [geometry], split: false };
  const g = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  if (g.type === 'MultiPoint' && Array.isArray(g.coordinates) && g.coordinates.length > 0) {
    return { parts: g.coordinates.map((c) => ({ type: 'Point', coordinates: c })), split: true };
  }
  if (g.type === 'GeometryCollection' && Array.isArray(g.geometries) && g.geometries.length > 0) {
    const parts = g.geometries as { type?: unknown; coordinates?: unknown }[];
    const types = new Set(parts.map((p) => p?.type));
    if (types.size === 1 && types.has('Point')) return { parts, split: true };
    if ([...types].every((t) => t === 'LineString' || t === 'MultiLineString')) {
      const lines = parts.flatMap((p) => (p.type === 'LineString' ? [p.coordinates] : (p.coordinates as unknown[])));
      return { parts: [{ type: 'MultiLineString', coordinates: lines }], split: false };
    }
    if ([...types].every((t) => t === 'Polygon' || t === 'MultiPolygon')) {
      const polys = parts.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : (p.coordinates as unknown[])));
      return { parts: [{ type: 'MultiPolygon', coordinates: polys }], split: false };
    }
  }
  return { parts: [geometry], split: false };
}

/**
 * Checks one geometry that is already in WGS 84. Structural faults are reported with the reason a
 * planner can act on (an unclosed ring is never closed silently: the file is wrong and they should know).
 * Whether it lies in Sweden is not decided here: that is the municipality-polygon rule
 * (src/domain/rules/insideSweden.ts), applied to the whole file by rejectOutsideSweden.
 */
export function validateGeometry(geometry: unknown): GeometryCheck {
  if (geometry === null || geometry === undefined) return reject('empty-geometry', 'objektet saknar geometri');
  if (typeof geometry !== 'object') return reject('invalid-geometry', 'geometrin är inte ett objekt');
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string') return reject('invalid-geometry', 'geometrin saknar typ');
  if (!['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'].includes(type)) {
    return reject('unsupported-geometry', `typen ${type.slice(0, 40)} stöds inte`);
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) return reject('empty-geometry', `${type} utan koordinater`);

  const structural = checkStructure(type, coordinates);
  if (structural) return structural;

  // Numbers beyond the earth's lon/lat range (metres read as degrees) are certainly not in Sweden.
  const offEarth = firstOffEarth(coordinates);
  if (offEarth) return reject('outside-sweden', formatPosition(offEarth));

  const parsed = geometrySchema.safeParse(geometry);
  if (!parsed.success) return reject('invalid-geometry', parsed.error.issues[0]?.message ?? 'ogiltig geometri');
  return { ok: true, geometry: stripForeignMembers(parsed.data) };
}

/** zod keeps only known keys; this also drops a `bbox` or other members from the file. */
function stripForeignMembers(g: SupportedGeometry): SupportedGeometry {
  return { type: g.type, coordinates: g.coordinates } as SupportedGeometry;
}

function isPosition(p: unknown): p is number[] {
  return Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
}

function checkLine(line: unknown, where: string): GeometryCheck | null {
  if (!Array.isArray(line) || line.length === 0) return reject('empty-geometry', `${where} är tom`);
  if (!line.every(isPosition)) return reject('non-numeric-coordinates', `${where} har koordinater som inte är tal`);
  if (line.length < 2) return reject('invalid-geometry', `${where} har bara en punkt`);
  return null;
}

function checkRing(ring: unknown, where: string): GeometryCheck | null {
  const lineFault = checkLine(ring, where);
  if (lineFault) return lineFault;
  const r = ring as number[][];
  const first = r[0]!;
  const last = r[r.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return reject('unclosed-ring', `${where}: första punkten (${formatPosition(first)}) är inte samma som sista (${formatPosition(last)})`);
  }
  if (r.length < 4) return reject('invalid-geometry', `${where} har ${r.length} punkter, minst 4 behövs`);
  return null;
}

function checkPolygon(rings: unknown, where: string): GeometryCheck | null {
  if (!Array.isArray(rings) || rings.length === 0) return reject('empty-geometry', `${where} saknar ringar`);
  for (let i = 0; i < rings.length; i++) {
    const fault = checkRing(rings[i], `${where}, ring ${i + 1}`);
    if (fault) return fault;
  }
  return null;
}

function checkStructure(type: string, coordinates: unknown[]): GeometryCheck | null {
  switch (type) {
    case 'Point':
      return isPosition(coordinates) ? null : reject('non-numeric-coordinates', 'punktens koordinater är inte tal');
    case 'LineString':
      return checkLine(coordinates, 'linjen');
    case 'MultiLineString':
      for (let i = 0; i < coordinates.length; i++) {
        const fault = checkLine(coordinates[i], `linje ${i + 1}`);
        if (fault) return fault;
      }
      return null;
    case 'Polygon':
      return checkPolygon(coordinates, 'polygonen');
    case 'MultiPolygon':
      for (let i = 0; i < coordinates.length; i++) {
        const fault = checkPolygon(coordinates[i], `polygon ${i + 1}`);
        if (fault) return fault;
      }
      return null;
    default:
      return reject('unsupported-geometry', `typen ${type} stöds inte`);
  }
}

function firstOffEarth(coordinates: unknown): number[] | null {
  if (!Array.isArray(coordinates)) return null;
  if (typeof coordinates[0] === 'number') {
    const [lon, lat] = coordinates as number[];
    return Math.abs(lon!) > 180 || Math.abs(lat!) > 90 ? (coordinates as number[]) : null;
  }
  for (const c of coordinates) {
    const found = firstOffEarth(c);
    if (found) return found;
  }
  return null;
}
