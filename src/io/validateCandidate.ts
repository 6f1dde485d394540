import { geometrySchema, positionText, type SupportedGeometry } from '../domain/geometry';
import { schemaMessageText } from '../domain/schemaMessages';
import { text, type Text } from '../domain/text';
import type { RejectReason } from './importTypes';

export { positionText } from '../domain/geometry';

export type GeometryCheck =
  | { ok: true; geometry: SupportedGeometry }
  | { ok: false; reason: RejectReason; detail: Text };

const reject = (reason: RejectReason, detail: Text): GeometryCheck => ({ ok: false, reason, detail });

/** A part of a geometry as the details name it: "linjen" / "the line", "polygon 2, ring 1". */
type Where = Text;

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
  if (geometry === null || geometry === undefined) return reject('empty-geometry', text('objektet saknar geometri', 'the feature has no geometry'));
  if (typeof geometry !== 'object') return reject('invalid-geometry', text('geometrin är inte ett objekt', 'the geometry is not an object'));
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string') return reject('invalid-geometry', text('geometrin saknar typ', 'the geometry has no type'));
  if (!['Point', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'].includes(type)) {
    return reject('unsupported-geometry', unsupportedType(type));
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) return reject('empty-geometry', text(`${type} utan koordinater`, `${type} without coordinates`));

  const structural = checkStructure(type, coordinates);
  if (structural) return structural;

  // Numbers beyond the earth's lon/lat range (metres read as degrees) are certainly not in Sweden.
  const offEarth = firstOffEarth(coordinates);
  if (offEarth) return reject('outside-sweden', positionText(offEarth));

  const parsed = geometrySchema.safeParse(geometry);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message;
    return reject('invalid-geometry', message ? schemaMessageText(message) : text('ogiltig geometri', 'invalid geometry'));
  }
  return { ok: true, geometry: stripForeignMembers(parsed.data) };
}

/** zod keeps only known keys; this also drops a `bbox` or other members from the file. */
function stripForeignMembers(g: SupportedGeometry): SupportedGeometry {
  return { type: g.type, coordinates: g.coordinates } as SupportedGeometry;
}

function isPosition(p: unknown): p is number[] {
  return Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
}

const unsupportedType = (type: string) => text(`typen ${type.slice(0, 40)} stöds inte`, `the type ${type.slice(0, 40)} is not supported`);

function checkLine(line: unknown, where: Where): GeometryCheck | null {
  if (!Array.isArray(line) || line.length === 0) return reject('empty-geometry', text(`${where.sv} är tom`, `${where.en} is empty`));
  if (!line.every(isPosition)) return reject('non-numeric-coordinates', text(`${where.sv} har koordinater som inte är tal`, `${where.en} has coordinates that are not numbers`));
  if (line.length < 2) return reject('invalid-geometry', text(`${where.sv} har bara en punkt`, `${where.en} has only one point`));
  return null;
}

function checkRing(ring: unknown, where: Where): GeometryCheck | null {
  const lineFault = checkLine(ring, where);
  if (lineFault) return lineFault;
  const r = ring as number[][];
  const first = r[0]!;
  const last = r[r.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    const [a, b] = [positionText(first), positionText(last)];
    return reject('unclosed-ring', text(`${where.sv}: första punkten (${a.sv}) är inte samma som sista (${b.sv})`, `${where.en}: the first point (${a.en}) is not the same as the last (${b.en})`));
  }
  if (r.length < 4) return reject('invalid-geometry', text(`${where.sv} har ${r.length} punkter, minst 4 behövs`, `${where.en} has ${r.length} points; at least 4 are needed`));
  return null;
}

function checkPolygon(rings: unknown, where: Where): GeometryCheck | null {
  if (!Array.isArray(rings) || rings.length === 0) return reject('empty-geometry', text(`${where.sv} saknar ringar`, `${where.en} has no rings`));
  for (let i = 0; i < rings.length; i++) {
    const fault = checkRing(rings[i], text(`${where.sv}, ring ${i + 1}`, `${where.en}, ring ${i + 1}`));
    if (fault) return fault;
  }
  return null;
}

function checkStructure(type: string, coordinates: unknown[]): GeometryCheck | null {
  switch (type) {
    case 'Point':
      return isPosition(coordinates) ? null : reject('non-numeric-coordinates', text('punktens koordinater är inte tal', 'the point’s coordinates are not numbers'));
    case 'LineString':
      return checkLine(coordinates, text('linjen', 'the line'));
    case 'MultiLineString':
      for (let i = 0; i < coordinates.length; i++) {
        const fault = checkLine(coordinates[i], text(`linje ${i + 1}`, `line ${i + 1}`));
        if (fault) return fault;
      }
      return null;
    case 'Polygon':
      return checkPolygon(coordinates, text('polygonen', 'the polygon'));
    case 'MultiPolygon':
      for (let i = 0; i < coordinates.length; i++) {
        const fault = checkPolygon(coordinates[i], text(`polygon ${i + 1}`, `polygon ${i + 1}`));
        if (fault) return fault;
      }
      return null;
    default:
      return reject('unsupported-geometry', unsupportedType(type));
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
