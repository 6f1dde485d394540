import { err, ok, type Result } from '../domain/result';
import { text } from '../domain/text';
import { readAppExport } from './appExport';
import { buildCandidates, reprojectionNote, type RawFeature } from './buildCandidates';
import { forEachPosition, makeToWgs84, PositionSampler } from './crs';
import { detectCrs } from './declaredCrs';
import type { DecodedText } from './decodeText';
import { EMPTY_FILE, featureLabel } from './importText';
import type { ImportFailure, ImportOptions, ParsedImport } from './importTypes';
import { ImportNotes } from './sanitize';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

export function parseGeoJson(input: DecodedText | string, fileName: string, options: ImportOptions = {}): Result<ParsedImport, ImportFailure> {
  const source = typeof input === 'string' ? input : input.text;
  const notes = new ImportNotes();
  if (typeof input !== 'string' && input.note) notes.add(input.note);

  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (e) {
    return err(jsonFailure(source, e));
  }
  options.onProgress?.(0.3);

  const features = toFeatures(doc);
  if (!features) {
    return err({
      code: 'unknown-format',
      message: text('Filen är JSON men inte GeoJSON: den saknar FeatureCollection, Feature eller geometri.', 'The file is JSON but not GeoJSON: it has no FeatureCollection, Feature or geometry.'),
    });
  }
  if (features.length === 0) return err({ code: 'no-features', message: text('GeoJSON-filen innehåller inga objekt.', 'The GeoJSON file contains no features.') });

  // What the file declares wins over the user's choice; a system we cannot convert from is refused.
  const choice = detectCrs({ geoJsonCrs: (doc as { crs?: unknown }).crs, samples: samplePositions(features) }, options.crs);
  if (!choice.ok) return choice;
  const { crs, declared } = choice.value;
  choice.value.notes.forEach((n) => notes.add(n));
  const note = reprojectionNote(crs.crs);
  if (note) notes.add(note);

  const { candidates, rejected } = buildCandidates(features, {
    convert: makeToWgs84(crs.crs),
    notes,
    label: featureLabel,
    progress: (f) => options.onProgress?.(0.3 + 0.7 * f),
  });
  // Our own export comes back whole: each record keeps its layer, activities and id.
  const appExport = readAppExport(features, makeToWgs84(crs.crs));
  return ok({ format: 'geojson', fileName, crs, crsDeclared: declared, candidates, rejected, notes: notes.list(), ...(appExport ? { appExport } : {}) });
}

function toFeatures(doc: unknown): RawFeature[] | null {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return null;
  const d = doc as { type?: unknown; features?: unknown; geometry?: unknown; properties?: unknown; id?: unknown };
  if (d.type === 'FeatureCollection' && Array.isArray(d.features)) {
    return d.features.map((f: unknown) => {
      const feature = (f && typeof f === 'object' ? f : {}) as RawFeature;
      return { geometry: feature.geometry ?? null, properties: feature.properties, id: feature.id };
    });
  }
  if (d.type === 'Feature') return [{ geometry: d.geometry ?? null, properties: d.properties, id: d.id }];
  if (typeof d.type === 'string' && GEOMETRY_TYPES.has(d.type)) return [{ geometry: doc, properties: {} }];
  return null;
}

function samplePositions(features: readonly RawFeature[]): [number, number][] {
  const sampler = new PositionSampler();
  for (const f of features) {
    const g = f.geometry as { coordinates?: unknown; geometries?: { coordinates?: unknown }[] } | null;
    if (!g || typeof g !== 'object') continue;
    forEachPosition(g.coordinates, sampler.add);
    if (Array.isArray(g.geometries)) for (const part of g.geometries) forEachPosition(part?.coordinates, sampler.add);
  }
  return sampler.samples;
}

/**
 * A download cut short is the common case, so it gets its own code and a message saying where the
 * file ends; other syntax errors name the engine's position when it gives one.
 */
function jsonFailure(json: string, error: unknown): ImportFailure {
  if (json.trim() === '') return { code: 'empty', message: EMPTY_FILE };
  if (endsInsideValue(json)) {
    const end = json.trimEnd().length;
    const { line, column } = lineColumn(json, end);
    return {
      code: 'truncated',
      message: text(
        `GeoJSON-filen tar slut mitt i datat vid tecken ${end.toLocaleString('sv-SE')} (rad ${line}, kolumn ${column}). Den är troligen avkortad: hämta eller exportera filen igen.`,
        `The GeoJSON file ends in the middle of its data at character ${end.toLocaleString('en-GB')} (line ${line}, column ${column}). It is probably cut short: download or export the file again.`,
      ),
    };
  }
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!match) return { code: 'unreadable', message: text('Filen är inte giltig JSON: syntaxfel.', 'The file is not valid JSON: syntax error.') };
  const at = Number(match[1]);
  const { line, column } = lineColumn(json, at);
  return {
    code: 'unreadable',
    message: text(
      `Filen är inte giltig JSON: syntaxfel vid tecken ${at.toLocaleString('sv-SE')} (rad ${line}, kolumn ${column}).`,
      `The file is not valid JSON: syntax error at character ${at.toLocaleString('en-GB')} (line ${line}, column ${column}).`,
    ),
  };
}

/** True when the text ends inside a string or with an unclosed object or array. */
export function endsInsideValue(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return inString || depth > 0;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
