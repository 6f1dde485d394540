import { getResolution, isValidCell } from 'h3-js';
import type { PublicFile } from './buildSite';

/** What must never be readable from the public site, as the team's data holds it. */
export interface PrivateFacts {
  /** Least answers a published count may stand for. */
  k: number;
  /** Strings that must not appear anywhere: authors' addresses, planted test markers. */
  markers: readonly string[];
  /** Every individual survey answer's position. */
  answers: readonly { count: number; lon: ArrayLike<number>; lat: ArrayLike<number> }[];
  /** Points of places that serve only sensitive activities (never mapped). */
  sensitivePoints: readonly (readonly [number, number])[];
}

/**
 * Reads every file of a built site the way a curious visitor could, and says what it gives away:
 * a marker string, a number that is an answer's (or a sensitive place's) position to about 10 m,
 * a published count under k or not a multiple of k, cells at more than one resolution (a parent
 * minus its children). An empty list: nothing found. The build refuses to publish otherwise.
 */
export function privacyProblems(files: readonly PublicFile[], facts: PrivateFacts, decoders: readonly BinaryDecoder[] = []): string[] {
  const problems: string[] = [];
  const numbers = new Set<string>();
  const resolutions = new Set<number>();
  for (const file of readable(files, decoders, problems)) {
    for (const marker of facts.markers) if (marker && file.content.includes(marker)) problems.push(`${file.path}: innehåller ${JSON.stringify(marker)}`);
    for (const match of file.content.matchAll(/-?\d+\.\d{3,}/g)) numbers.add(Number(match[0]).toFixed(3));
    if (!file.path.endsWith('.json')) continue;
    let data: unknown;
    try {
      data = JSON.parse(file.content);
    } catch {
      problems.push(`${file.path}: är inte giltig JSON`);
      continue;
    }
    visitCells(data, (cell, count) => {
      if (!isValidCell(cell)) return problems.push(`${file.path}: ${cell} är ingen H3-cell`);
      resolutions.add(getResolution(cell));
      if (count < facts.k) problems.push(`${file.path}: cellen ${cell} har ${count} svar, färre än k = ${facts.k}`);
      else if (count % facts.k !== 0) problems.push(`${file.path}: cellen ${cell} har ${count} svar, inte en multipel av k = ${facts.k}`);
    });
  }
  if (resolutions.size > 1) problems.push(`celler i ${resolutions.size} upplösningar: en förälder minus dess barn kan peka ut enskilda svar`);
  // A position at three decimals is within about 100 m; both coordinates of one answer published is a leak.
  const at = (lon: number, lat: number) => numbers.has(lon.toFixed(3)) && numbers.has(lat.toFixed(3));
  let leaked = 0;
  for (const set of facts.answers) for (let i = 0; i < set.count; i++) if (at(set.lon[i]!, set.lat[i]!)) leaked++;
  if (leaked) problems.push(`${leaked} enkätsvars läge står i sajtens filer`);
  for (const [lon, lat] of facts.sensitivePoints) if (at(lon, lat)) problems.push(`en känslig plats läge (${lon}, ${lat}) står i sajtens filer`);
  return problems;
}

/**
 * Reads a binary file (e.g. a tile archive) into what a visitor's tools would see: text and JSON
 * files, each named by where it came from. Decoders run before the check, so they are synchronous
 * over bytes already in memory.
 */
export interface BinaryDecoder {
  accepts(path: string): boolean;
  decode(path: string, bytes: Uint8Array): { path: string; content: string }[];
}

/** Text files as they are, binary files through their decoder; one without a decoder cannot be checked, so it is refused. */
function readable(files: readonly PublicFile[], decoders: readonly BinaryDecoder[], problems: string[]): { path: string; content: string }[] {
  const out: { path: string; content: string }[] = [];
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
    activities: readonly { id: string; sensitive: boolean }[];
    features: readonly { activityIds: readonly string[]; geometry: { coordinates: unknown } }[];
    answerSets?: readonly { columns: { count: number; lon: ArrayBuffer; lat: ArrayBuffer } }[];
    contacts?: readonly { email: string | null }[];
  },
  k: number,
  extraMarkers: readonly string[] = [],
): PrivateFacts {
  const sensitive = new Set(data.activities.filter((a) => a.sensitive).map((a) => a.id));
  const published = new Set((data.contacts ?? []).map((c) => c.email).filter((m): m is string => m !== null));
  const sensitivePoints: [number, number][] = [];
  for (const feature of data.features)
    if (feature.activityIds.length && feature.activityIds.every((id) => sensitive.has(id))) positionsOf(feature.geometry.coordinates, sensitivePoints);
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
