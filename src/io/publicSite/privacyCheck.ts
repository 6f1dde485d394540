import { cellToBoundary, getResolution, isValidCell } from 'h3-js';
import type { Activity } from '../../domain/activity';
import type { FocusArea } from '../../domain/focusArea';
import { lookupOf } from '../../domain/rules/lookup';
import { isSensitiveActivity } from '../../domain/rules/sensitivePlace';
import type { PublicFile } from './buildSite';

/** What must never be readable from the public site, as the team's data holds it. */
export interface PrivateFacts {
  /** Least answers a published count may stand for. */
  k: number;
  /** Strings that must not appear anywhere: authors' addresses, planted test markers. */
  markers: readonly string[];
  /** Every individual survey answer's position. */
  answers: readonly { count: number; lon: ArrayLike<number>; lat: ArrayLike<number> }[];
  /** Every vertex of places that serve a sensitive activity (never mapped). */
  sensitivePoints: readonly (readonly [number, number])[];
}

/**
 * Reads every file of a built site the way a curious visitor could, and says what it gives away:
 * a marker string, an answer's (or a sensitive place's) position to about 10 m, a published count
 * under k or not a multiple of k, cells at more than one resolution (a parent minus its children).
 * An empty list: nothing found. The build refuses to publish otherwise.
 *
 * A position is a pair of coordinates as published: in text, two numbers of 4 or more decimals
 * side by side (either order: "18.1234, 59.3456", [lon, lat]); in a decoded tile, a point feature.
 * Both are compared with every answer and every sensitive place. The vertices of lines and areas
 * in tiles (at zooms where a tile unit is about 10 m or finer, z ≥ 10) are compared with the
 * sensitive places only: they are the team's public places, and walk routes pass where answers
 * cluster, so some vertex lies within 10 m of some of thousands of answers by chance, while an
 * answer is published as a point or not at all. The outline of a published H3 cell is the
 * grid's, not the data's: its vertices must lie on its cell and are not compared.
 */
export function privacyProblems(files: readonly PublicFile[], facts: PrivateFacts, decoders: readonly BinaryDecoder[] = []): string[] {
  const problems: string[] = [];
  const positions = new Set<number>();
  // Vertices of lines and areas: compared with sensitive places only (see above).
  const vertices = new Set<number>();
  const resolutions = new Set<number>();
  const checkCell = (path: string, cell: string, count: number) => {
    if (!isValidCell(cell)) return problems.push(`${path}: ${cell} är ingen H3-cell`);
    resolutions.add(getResolution(cell));
    if (count < facts.k) problems.push(`${path}: cellen ${cell} har ${count} svar, färre än k = ${facts.k}`);
    else if (count % facts.k !== 0) problems.push(`${path}: cellen ${cell} har ${count} svar, inte en multipel av k = ${facts.k}`);
  };
  for (const file of readable(files, decoders, problems)) {
    for (const marker of facts.markers) if (marker && file.content.includes(marker)) problems.push(`${file.path}: innehåller ${JSON.stringify(marker)}`);
    let previous: number | null = null;
    // Numbers, and any other mark but separators and words: two numbers with only those between them are side by side.
    for (const match of file.content.matchAll(/-?\d+(?:\.\d+)?|[^\s,;:[\]()"'=a-z0-9.-]+/gi)) {
      const n = /^-?\d+\.\d{4,}$/.test(match[0]) ? Number(match[0]) : null;
      if (n !== null && previous !== null) {
        positions.add(positionKey(previous, n));
        positions.add(positionKey(n, previous));
      }
      previous = n;
    }
    if (file.features) {
      for (const feature of file.features) {
        if (feature.layer === 'cells') {
          const { cell, count } = feature.properties;
          if (typeof cell !== 'string' || typeof count !== 'number') problems.push(`${file.path}: en cell utan cell-id eller antal`);
          else {
            checkCell(file.path, cell, count);
            if (isValidCell(cell) && !onCell(cell, feature)) problems.push(`${file.path}: cellen ${cell} ritas utanför sin cell`);
            else continue;
          }
        }
        if (feature.kind === 'Point') for (const [lon, lat] of feature.vertices) positions.add(positionKey(lon, lat));
        else if (feature.zoom >= PRECISE_ZOOM) for (const [lon, lat] of feature.vertices) vertices.add(positionKey(lon, lat));
      }
      continue;
    }
    if (!file.path.endsWith('.json')) continue;
    let data: unknown;
    try {
      data = JSON.parse(file.content);
    } catch {
      problems.push(`${file.path}: är inte giltig JSON`);
      continue;
    }
    visitCells(data, (cell, count) => checkCell(file.path, cell, count));
  }
  if (resolutions.size > 1) problems.push(`celler i ${resolutions.size} upplösningar: en förälder minus dess barn kan peka ut enskilda svar`);
  // Within one step of 0.0001° either way: about 10 m.
  const at = (lon: number, lat: number, sets: readonly Set<number>[]) => {
    const key = positionKey(lon, lat);
    for (const dLat of [-LAT_STEP, 0, LAT_STEP]) for (const dLon of [-1, 0, 1]) if (sets.some((set) => set.has(key + dLat + dLon))) return true;
    return false;
  };
  let leaked = 0;
  for (const set of facts.answers) for (let i = 0; i < set.count; i++) if (at(set.lon[i]!, set.lat[i]!, [positions])) leaked++;
  if (leaked) problems.push(`${leaked} enkätsvars läge står i sajtens filer`);
  for (const [lon, lat] of facts.sensitivePoints) if (at(lon, lat, [positions, vertices])) problems.push(`en känslig plats läge (${lon}, ${lat}) står i sajtens filer`);
  return problems;
}

/** Tiles from this zoom have units of about 10 m or finer (4096 per tile); coarser ones cannot place a point to 10 m. */
const PRECISE_ZOOM = 10;
const LAT_STEP = 4_000_000;
/** A position on a grid of 0.0001° (about 10 m), as one number. */
function positionKey(lon: number, lat: number): number {
  return Math.round(lat * 1e4) * LAT_STEP + Math.round(lon * 1e4);
}

/** Every vertex of a decoded cell lies within its cell's bounding box, give or take two tile units (clipping and rounding). */
function onCell(cell: string, feature: DecodedFeature): boolean {
  const ring = cellToBoundary(cell, true);
  const margin = (2 * 360) / 2 ** feature.zoom / 4096;
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...lons) - margin, Math.max(...lons) + margin, Math.min(...lats) - margin, Math.max(...lats) + margin];
  return feature.vertices.every(([lon, lat]) => lon >= w && lon <= e && lat >= s && lat <= n);
}

/** A feature of a decoded tile: its layer, properties and every vertex in lon/lat. */
export interface DecodedFeature {
  layer: string;
  kind: 'Point' | 'LineString' | 'Polygon';
  properties: Record<string, unknown>;
  vertices: [number, number][];
  zoom: number;
}

/**
 * Reads a binary file (e.g. a tile archive) into what a visitor's tools would see: text, and for
 * tiles the decoded features, each named by where it came from. Decoders run before the check, so
 * they are synchronous over bytes already in memory.
 */
export interface BinaryDecoder {
  accepts(path: string): boolean;
  decode(path: string, bytes: Uint8Array): DecodedFile[];
}

export interface DecodedFile {
  path: string;
  content: string;
  features?: DecodedFeature[];
}

/** Text files as they are, binary files through their decoder; one without a decoder cannot be checked, so it is refused. */
function readable(files: readonly PublicFile[], decoders: readonly BinaryDecoder[], problems: string[]): DecodedFile[] {
  const out: DecodedFile[] = [];
  for (const file of files) {
    if (typeof file.content === 'string') {
      out.push({ path: file.path, content: file.content });
      continue;
    }
    const decoder = decoders.find((d) => d.accepts(file.path));
    if (!decoder) {
      problems.push(`${file.path}: binär fil som kontrollen inte kan läsa`);
      continue;
    }
    try {
      out.push(...decoder.decode(file.path, file.content));
    } catch (error) {
      problems.push(`${file.path}: kunde inte läsas (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return out;
}

/** Every [cell, count] pair under a `cells` key, wherever it sits in the data. */
function visitCells(data: unknown, visit: (cell: string, count: number) => void): void {
  if (Array.isArray(data)) return data.forEach((item) => visitCells(item, visit));
  if (!data || typeof data !== 'object') return;
  for (const [key, value] of Object.entries(data)) {
    if (key === 'cells' && Array.isArray(value)) {
      for (const pair of value) if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'number') visit(pair[0], pair[1]);
    } else visitCells(value, visit);
  }
}

/** The private facts of a backup's data: its authors, its answers, its sensitive places' positions. */
export function privateFactsOf(
  data: {
    statusEntries: readonly { author: string | null }[];
    activities: readonly Activity[];
    focusAreas?: readonly FocusArea[];
    features: readonly { activityIds: readonly string[]; geometry: { coordinates: unknown } }[];
    answerSets?: readonly { columns: { count: number; lon: ArrayBuffer; lat: ArrayBuffer } }[];
    contacts?: readonly { email: string | null }[];
  },
  k: number,
  extraMarkers: readonly string[] = [],
): PrivateFacts {
  // The one rule (sensitivePlace.ts): an activity is sensitive itself or through its focus area.
  const lookup = lookupOf({ documents: new Map(), focusAreas: new Map((data.focusAreas ?? []).map((a) => [a.id, a])), activities: new Map(data.activities.map((a) => [a.id, a])) });
  const sensitive = new Set(data.activities.filter((a) => isSensitiveActivity(a, lookup)).map((a) => a.id));
  const published = new Set((data.contacts ?? []).map((c) => c.email).filter((m): m is string => m !== null));
  const sensitivePoints: [number, number][] = [];
  for (const feature of data.features)
    if (feature.activityIds.some((id) => sensitive.has(id))) positionsOf(feature.geometry.coordinates, sensitivePoints);
  return {
    k,
    // An address a planner published as the municipality's contact is public on purpose, even when they also wrote status entries.
    markers: [...new Set([...data.statusEntries.map((e) => e.author).filter((a): a is string => a !== null && !published.has(a)), ...extraMarkers])],
    answers: (data.answerSets ?? []).map((set) => ({ count: set.columns.count, lon: new Float64Array(set.columns.lon), lat: new Float64Array(set.columns.lat) })),
    sensitivePoints,
  };
}

function positionsOf(coordinates: unknown, out: [number, number][]): void {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') out.push([coordinates[0], coordinates[1]]);
  else for (const inner of coordinates) positionsOf(inner, out);
}
