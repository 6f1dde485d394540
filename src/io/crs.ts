import proj4 from 'proj4';
import type { CrsDetection, SourceCrs } from './importTypes';

/** SWEREF 99 TM: Lantmäteriet's national grid, what municipal GIS files are usually in. */
export const EPSG_3006_DEF = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
proj4.defs('EPSG:3006', EPSG_3006_DEF);

export type PositionConverter = (position: number[]) => number[];

/**
 * A converter built once per file: proj4(from, to, point) re-parses both definitions on every call,
 * which is what makes naive imports of a 10 000-vertex file slow.
 */
export function makeToWgs84(crs: SourceCrs): PositionConverter {
  if (crs === 'EPSG:4326') return (p) => p;
  const converter = proj4('EPSG:3006', 'EPSG:4326');
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

/** Reads EPSG codes from a legacy GeoJSON `crs` member (GDAL, QGIS and ArcGIS still write it). */
export function crsFromGeoJsonMember(member: unknown): SourceCrs | 'unsupported' | null {
  if (!member || typeof member !== 'object') return null;
  const props = (member as { properties?: unknown }).properties;
  if (!props || typeof props !== 'object') return 'unsupported';
  const { name, code } = props as { name?: unknown; code?: unknown };
  // Old (2008) spec: {"type": "EPSG", "properties": {"code": 3006}}.
  if (typeof code === 'number' || typeof code === 'string') return epsgToSource(String(code));
  if (typeof name !== 'string') return 'unsupported';
  if (/CRS:?84$/i.test(name)) return 'EPSG:4326';
  // EPSG:3006, urn:ogc:def:crs:EPSG::3006, urn:ogc:def:crs:EPSG:6.3:3006, http://www.opengis.net/def/crs/EPSG/0/3006
  const match = /EPSG(?::[\d.]*)?:{1,2}(\d+)$/i.exec(name) ?? /\/EPSG\/[\d.]+\/(\d+)$/i.exec(name);
  return match ? epsgToSource(match[1]!) : 'unsupported';
}

function epsgToSource(code: string): SourceCrs | 'unsupported' {
  if (code === '3006') return 'EPSG:3006';
  if (code === '4326') return 'EPSG:4326';
  return 'unsupported';
}

/** Recognises the WKT that QGIS/ArcGIS write into a shapefile's .prj. */
export function crsFromPrj(prj: string): SourceCrs | 'unsupported' {
  if (/SWEREF[\s_]?99[\s_]?TM/i.test(prj) || /AUTHORITY\s*\[\s*"EPSG"\s*,\s*"3006"\s*\]\s*\]\s*$/i.test(prj)) return 'EPSG:3006';
  if (/^\s*GEOGCS\s*\[\s*"(GCS_)?WGS[\s_]?(19)?84"/i.test(prj)) return 'EPSG:4326';
  return 'unsupported';
}

const looksLikeSweref = (x: number, y: number) => x >= 200_000 && x <= 1_000_000 && y >= 6_100_000 && y <= 7_700_000;
const looksLikeDegrees = (x: number, y: number) => Math.abs(x) <= 180 && Math.abs(y) <= 90;

/**
 * Guesses from number ranges by majority, so one stray row (a point in Germany, a typo) does not
 * flip the whole file.
 */
export function crsFromRanges(samples: readonly (readonly [number, number])[]): CrsDetection {
  let sweref = 0;
  let degrees = 0;
  for (const [x, y] of samples) {
    if (looksLikeSweref(x, y)) sweref++;
    else if (looksLikeDegrees(x, y)) degrees++;
  }
  if (sweref > 0 && sweref >= degrees) {
    return { crs: 'EPSG:3006', reason: 'koordinaterna ser ut som SWEREF 99 TM (meter); kontrollera', confident: false };
  }
  if (degrees > 0) {
    return { crs: 'EPSG:4326', reason: 'koordinaterna ser ut som longitud/latitud i grader (WGS 84)', confident: true };
  }
  return { crs: 'EPSG:4326', reason: 'koordinatsystemet kunde inte avgöras; antar WGS 84', confident: false };
}

export interface CrsEvidence {
  /** The GeoJSON `crs` member, when the file has one. */
  geoJsonCrs?: unknown;
  /** The text of a .prj file. */
  prj?: string | null;
  samples?: readonly (readonly [number, number])[];
}

/** Evidence in order of trust: what the file says, then what the numbers look like. */
export function detectCrs(evidence: CrsEvidence): CrsDetection {
  const fromMember = crsFromGeoJsonMember(evidence.geoJsonCrs);
  if (fromMember && fromMember !== 'unsupported') {
    return { crs: fromMember, reason: `filen anger ${fromMember} (crs)`, confident: true };
  }
  const fromPrj = evidence.prj ? crsFromPrj(evidence.prj) : null;
  if (fromPrj && fromPrj !== 'unsupported') {
    return { crs: fromPrj, reason: `filen anger ${fromPrj} (.prj)`, confident: true };
  }
  const guess = crsFromRanges(evidence.samples ?? []);
  if (fromMember === 'unsupported' || fromPrj === 'unsupported') {
    // The file names a system we do not convert from; the user must check the guess.
    return { ...guess, reason: `${guess.reason} (filens angivna koordinatsystem stöds inte)`, confident: false };
  }
  return guess;
}

export function userChosenCrs(crs: SourceCrs): CrsDetection {
  return { crs, reason: `valt av användaren: ${crs}`, confident: true };
}
