import proj4, { type Converter } from 'proj4';
import type { PoliceAreaRegister } from '../domain/policeAreas';
import { crsDefinition } from '../io/crsRegistry';
import { haversineMetres } from './geo';

/**
 * The pure parts of the printed patrol sheet (issue 14, point 4): which places an area choice
 * keeps, each place's coordinates as a patrol car's map or GPS wants them, the locality it lies
 * near, and where its number goes on the sheet's map so that no two numbers cover each other.
 */

/** What the patrol list is limited to, besides the app's filters. */
export type PatrolArea = { kind: 'all' } | { kind: 'municipality'; code: string } | { kind: 'police-area'; id: string };

/** The select's value for an area: one string, so the choice can live in a plain <select>. */
export function encodeArea(area: PatrolArea): string {
  return area.kind === 'all' ? 'all' : area.kind === 'municipality' ? `kommun:${area.code}` : `polis:${area.id}`;
}

export function decodeArea(value: string): PatrolArea {
  if (value.startsWith('kommun:')) return { kind: 'municipality', code: value.slice('kommun:'.length) };
  if (value.startsWith('polis:')) return { kind: 'police-area', id: value.slice('polis:'.length) };
  return { kind: 'all' };
}

/**
 * The municipality codes an area covers, or null for no limit. A police area the register does
 * not know covers nothing, rather than everything: a stale choice must not widen the list.
 */
export function areaMunicipalityCodes(area: PatrolArea, register: PoliceAreaRegister): ReadonlySet<string> | null {
  if (area.kind === 'all') return null;
  if (area.kind === 'municipality') return new Set([area.code]);
  const found = register.areas.find((a) => a.id === area.id);
  return new Set(found?.municipalities.map((m) => m.code) ?? []);
}

/** Whether a place lies in the area: by the municipality it is recorded under, as the register is kept. */
export function inArea(place: { municipalityCode: string }, codes: ReadonlySet<string> | null): boolean {
  return codes === null || codes.has(place.municipalityCode);
}

// Built once: proj4(from, to, point) parses both definitions on every call.
let toSweref: Converter | null = null;

/** SWEREF 99 TM (EPSG:3006) easting and northing in metres, unrounded: what the sheet's map is drawn in. */
export function projectSweref99Tm(lon: number, lat: number): [east: number, north: number] {
  toSweref ??= proj4(crsDefinition('EPSG:4326').proj4, crsDefinition('EPSG:3006').proj4);
  const [e, n] = toSweref.forward([lon, lat]);
  return [e!, n!];
}

/** SWEREF 99 TM easting and northing in whole metres (the system's own precision on a map), from WGS 84. */
export function toSweref99Tm([lon, lat]: readonly [number, number]): [east: number, north: number] {
  const [e, n] = projectSweref99Tm(lon, lat);
  return [Math.round(e), Math.round(n)];
}

/**
 * "N 6580822, E 674032": northing first, as Lantmäteriet writes SWEREF 99 TM, in whole metres and
 * without thousands separators, so the numbers can be typed or pasted into a GPS as they stand.
 */
export function formatSweref99Tm([east, north]: readonly [number, number]): string {
  return `N ${north}, E ${east}`;
}

/**
 * "59.31040° N, 18.16100° E": latitude first with five decimals (about a metre), a decimal point in
 * every language, since a decimal comma inside a comma-separated pair would be ambiguous.
 */
export function formatWgs84([lon, lat]: readonly [number, number]): string {
  return `${Math.abs(lat).toFixed(5)}° ${lat < 0 ? 'S' : 'N'}, ${Math.abs(lon).toFixed(5)}° ${lon < 0 ? 'W' : 'E'}`;
}

export interface Locality {
  name: string;
  point: readonly [number, number];
}

/** The nearest named locality within maxMetres, or null: far from any, "near X" would mislead. */
export function nearestLocality(point: readonly [number, number], localities: readonly Locality[], maxMetres: number): { name: string; distanceMetres: number } | null {
  let best: { name: string; distanceMetres: number } | null = null;
  for (const locality of localities) {
    const d = haversineMetres(point[0], point[1], locality.point[0], locality.point[1]);
    if (d <= maxMetres && (!best || d < best.distanceMetres)) best = { name: locality.name, distanceMetres: d };
  }
  return best;
}

export interface ScreenPoint {
  x: number;
  y: number;
}

export interface MarkerPlacement extends ScreenPoint {
  /** Placed away from its place: the sheet draws a leader line from the place to the number. */
  moved: boolean;
}

export interface SpreadOptions {
  /** The side of a marker's square box, in the map's units. */
  size: number;
  /** The map's width and height: markers stay wholly inside. */
  width: number;
  height: number;
  /** Space kept between two markers' boxes. */
  gap?: number;
}

/**
 * Where each numbered marker goes so that no two boxes overlap: in list order (number 1 keeps its
 * place whenever it can), each at its place if free, else at the nearest free spot on rings
 * round it, preferring spots that do not hide another place's own point. Greedy and exact about
 * overlap: a spot is taken only if it is free. If the map is too full for that (far more markers
 * than fit), the marker falls back to its place and overlaps; the sheet's sizes leave room for 20.
 */
export function spreadMarkers(anchors: readonly ScreenPoint[], { size, width, height, gap = 2 }: SpreadOptions): MarkerPlacement[] {
  const half = size / 2;
  const step = size + gap;
  const clampX = (x: number) => Math.min(width - half, Math.max(half, x));
  const clampY = (y: number) => Math.min(height - half, Math.max(half, y));
  const placed: ScreenPoint[] = [];
  const free = (c: ScreenPoint) => placed.every((p) => Math.abs(p.x - c.x) >= step || Math.abs(p.y - c.y) >= step);
  const inside = (c: ScreenPoint) => c.x >= half && c.x <= width - half && c.y >= half && c.y <= height - half;
  // A marker over another place's point would hide where that place is; its own point is fine.
  const hidesOther = (c: ScreenPoint, own: number) =>
    anchors.some((a, j) => j !== own && Math.abs(a.x - c.x) < half + 1 && Math.abs(a.y - c.y) < half + 1);
  const maxRings = Math.ceil(Math.max(width, height) / step);

  return anchors.map((anchor, i) => {
    const home = { x: clampX(anchor.x), y: clampY(anchor.y) };
    let chosen: ScreenPoint | null = free(home) ? home : null;
    for (const strict of [true, false]) {
      for (let ring = 1; !chosen && ring <= (strict ? 6 : maxRings); ring++) {
        const count = 8 * ring;
        for (let k = 0; k < count; k++) {
          // Start above-right and go round: labels up and to the right read most naturally.
          const angle = -Math.PI / 4 + (2 * Math.PI * k) / count;
          const c = { x: anchor.x + Math.cos(angle) * ring * step, y: anchor.y + Math.sin(angle) * ring * step };
          if (inside(c) && free(c) && !(strict && hidesOther(c, i))) {
            chosen = c;
            break;
          }
        }
      }
      if (chosen) break;
    }
    const at = chosen ?? home;
    placed.push(at);
    return { x: at.x, y: at.y, moved: Math.hypot(at.x - anchor.x, at.y - anchor.y) > 0.5 };
  });
}

/** Whether two square boxes of this size, centred on a and b, overlap (used by tests and the sheet's labels). */
export function boxesOverlap(a: ScreenPoint, b: ScreenPoint, size: number): boolean {
  return Math.abs(a.x - b.x) < size && Math.abs(a.y - b.y) < size;
}

export interface SheetFrame {
  /** From WGS 84 to the map's units, north up, in SWEREF 99 TM so that distances and shapes are true. */
  project(lon: number, lat: number): ScreenPoint;
  /** Metres on the ground per unit on the map. */
  metresPerUnit: number;
  /** What the frame shows, in WGS 84, a little widened: for choosing which outlines to draw. */
  bounds: [west: number, south: number, east: number, north: number];
}

/**
 * The sheet's map shows only the area of the listed places: their extent in SWEREF 99 TM, at least
 * minSpanMetres across (one place alone still shows its surroundings), centred, with pad units
 * kept free at the edges so numbers near the edge stay on the map.
 */
export function fitFrame(points: readonly (readonly [number, number])[], { width, height, pad, minSpanMetres }: { width: number; height: number; pad: number; minSpanMetres: number }): SheetFrame {
  const projected = points.map(([lon, lat]) => projectSweref99Tm(lon, lat));
  const es = projected.map((p) => p[0]);
  const ns = projected.map((p) => p[1]);
  const [minE, maxE, minN, maxN] = [Math.min(...es), Math.max(...es), Math.min(...ns), Math.max(...ns)];
  const spanE = Math.max(maxE - minE, minSpanMetres);
  const spanN = Math.max(maxN - minN, minSpanMetres);
  const metresPerUnit = Math.max(spanE / (width - 2 * pad), spanN / (height - 2 * pad));
  const [centreE, centreN] = [(minE + maxE) / 2, (minN + maxN) / 2];
  const project = (lon: number, lat: number): ScreenPoint => {
    const [e, n] = projectSweref99Tm(lon, lat);
    return { x: width / 2 + (e - centreE) / metresPerUnit, y: height / 2 - (n - centreN) / metresPerUnit };
  };
  // Degrees the frame spans, generously: 1° of latitude is 111 km, a degree of longitude at least 40 km in Sweden.
  const halfN = ((height / 2) * metresPerUnit) / 111_000 + 0.01;
  const halfE = ((width / 2) * metresPerUnit) / 40_000 + 0.01;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [midLon, midLat] = [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
  return { project, metresPerUnit, bounds: [midLon - halfE, midLat - halfN, midLon + halfE, midLat + halfN] };
}

/** A scale bar of a round length (1, 2 or 5 × a power of ten metres) at most maxUnits long. */
export function scaleBar(metresPerUnit: number, maxUnits: number): { metres: number; units: number } {
  const most = metresPerUnit * maxUnits;
  let metres = 1;
  for (let power = 1; power <= 1_000_000; power *= 10) for (const m of [1, 2, 5]) if (m * power <= most) metres = m * power;
  return { metres, units: metres / metresPerUnit };
}
