import proj4 from 'proj4';
import { crsDefinition, type CrsDefinition } from './crsRegistry';
import { text } from '../domain/text';
import type { CrsDetection, SourceCrs } from './importTypes';

export type PositionConverter = (position: number[]) => number[];

/**
 * A converter built once per file: proj4(from, to, point) re-parses both definitions on every call,
 * which is what makes naive imports of a 10 000-vertex file slow.
 */
export function makeToWgs84(crs: SourceCrs): PositionConverter {
  if (crs === 'EPSG:4326') return (p) => p;
  const converter = proj4(crsDefinition(crs).proj4, crsDefinition('EPSG:4326').proj4);
  return (p) => {
    const [x, y, ...rest] = p;
    // Leave non-numbers alone: validation reports them with the original values.
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) return p;
    const [lon, lat] = converter.forward([x, y]);
    return [lon!, lat!, ...rest];
  };
}

/**
 * Applies a converter to every position of any GeoJSON-like coordinate nesting, without assuming
 * the structure is valid (it is validated after reprojection).
 */
export function mapCoordinates(coordinates: unknown, convert: PositionConverter): unknown {
  if (!Array.isArray(coordinates)) return coordinates;
  if (coordinates.length > 0 && typeof coordinates[0] === 'number') return convert(coordinates as number[]);
  return coordinates.map((c) => mapCoordinates(c, convert));
}

/** A copy of a (not yet validated) geometry with its coordinates converted; other members are kept. */
export function reprojectGeometry(geometry: unknown, convert: PositionConverter): unknown {
  if (!geometry || typeof geometry !== 'object' || !('coordinates' in geometry)) return geometry;
  return { ...geometry, coordinates: mapCoordinates((geometry as { coordinates: unknown }).coordinates, convert) };
}

/** Calls visit(x, y) for every position in a coordinate nesting; used to guess a CRS from ranges. */
export function forEachPosition(coordinates: unknown, visit: (x: number, y: number) => void): void {
  if (!Array.isArray(coordinates)) return;
  if (coordinates.length >= 2 && typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') {
    visit(coordinates[0], coordinates[1]);
    return;
  }
  for (const c of coordinates) forEachPosition(c, visit);
}

/** Collects position samples for range detection; stops counting beyond a cap so huge files stay fast. */
export class PositionSampler {
  readonly samples: [number, number][] = [];
  constructor(private readonly cap = 50_000) {}
  add = (x: number, y: number): void => {
    if (this.samples.length < this.cap && Number.isFinite(x) && Number.isFinite(y)) this.samples.push([x, y]);
  };
}

const within = (def: CrsDefinition, x: number, y: number) => x >= def.x[0] && x <= def.x[1] && y >= def.y[0] && y <= def.y[1];
const looksLikeDegrees = (x: number, y: number) => Math.abs(x) <= 180 && Math.abs(y) <= 90;
const LOCAL_ZONE = crsDefinition('EPSG:3008');

/** The metric systems the numbers alone can tell apart: their Swedish eastings do not overlap. */
const GUESSABLE: readonly { crs: SourceCrs; reason: CrsDetection['reason'] }[] = [
  { crs: 'EPSG:3006', reason: text('koordinaterna ser ut som SWEREF 99 TM (meter); kontrollera', 'the coordinates look like SWEREF 99 TM (metres); check') },
  {
    crs: 'EPSG:3021',
    reason: text('koordinaterna ser ut som RT 90 2.5 gon V (meter, sju siffror i E); kontrollera', 'the coordinates look like RT 90 2.5 gon V (metres, seven digits in E); check'),
  },
];

/**
 * Guesses from number ranges by majority, so one stray row (a point in Germany, a typo) does not
 * flip the whole file. Only for files that declare nothing; never confident about metres.
 */
export function crsFromRanges(samples: readonly (readonly [number, number])[]): CrsDetection {
  const counts = GUESSABLE.map(() => 0);
  let localZone = 0;
  let degrees = 0;
  for (const [x, y] of samples) {
    const i = GUESSABLE.findIndex((g) => within(crsDefinition(g.crs), x, y));
    if (i >= 0) counts[i]!++;
    else if (within(LOCAL_ZONE, x, y)) localZone++;
    else if (looksLikeDegrees(x, y)) degrees++;
  }
  const best = counts.indexOf(Math.max(...counts));
  if (counts[best]! > 0 && counts[best]! >= degrees && counts[best]! >= localZone) {
    return { crs: GUESSABLE[best]!.crs, reason: GUESSABLE[best]!.reason, confident: false };
  }
  if (localZone > 0 && localZone >= degrees) {
    // Twelve zones share these numbers; which one only the file's author knows.
    return {
      crs: 'EPSG:3006',
      reason: text('koordinaterna ser ut som en lokal SWEREF 99-zon (E under 200 000); välj rätt zon', 'the coordinates look like a local SWEREF 99 zone (E below 200,000); choose the right zone'),
      confident: false,
    };
  }
  if (degrees > 0) {
    return { crs: 'EPSG:4326', reason: text('koordinaterna ser ut som longitud/latitud i grader (WGS 84)', 'the coordinates look like longitude/latitude in degrees (WGS 84)'), confident: true };
  }
  return { crs: 'EPSG:4326', reason: text('koordinatsystemet kunde inte avgöras; antar WGS 84', 'the coordinate system could not be told; assuming WGS 84'), confident: false };
}

export function userChosenCrs(crs: SourceCrs): CrsDetection {
  return { crs, reason: text(`valt av användaren: ${crs}`, `chosen by the user: ${crs}`), confident: true };
}
