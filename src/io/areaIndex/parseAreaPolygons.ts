import { areaPolygonSchema, type AreaPolygon } from '../../domain/areaIndex';
import { formatPosition } from '../../domain/geometry';
import { err, ok, type Result } from '../../domain/result';
import { forEachPosition, makeToWgs84, PositionSampler, reprojectGeometry } from '../crs';
import { crsDefinition } from '../crsRegistry';
import { normaliseHeader } from '../csvColumns';
import { crsFromGeoJsonMember, detectCrs } from '../declaredCrs';
import type { DecodedText } from '../decodeText';
import type { SourceCrs } from '../importTypes';
import { MAX_NAME } from '../sanitize';
import { splitGeometry, validateGeometry } from '../validateCandidate';
import { normaliseAreaCode, normaliseAreaName, shownCell } from './normalise';
import type { AreaIndexFailure, AreaIndexNote, AreaRejectedItem, ParsedAreaPolygons, PolygonPropertyChoice } from './types';

/** Property names, normalised as normaliseHeader does, best first. */
const NAME_KEYS = ['namn', 'name', 'omrade', 'omradesnamn', 'omrades namn', 'kommundel', 'stadsdel', 'delomrade', 'lokalomrade', 'kom namn', 'label', 'titel', 'title', 'benamning'];
const CODE_KEYS = ['omradeskod', 'omrades kod', 'kod', 'code', 'area code', 'areacode', 'omrades id', 'omradesid', 'id', 'nyckel', 'regso', 'deso', 'kommunkod'];
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Sweden's box in WGS 84 (the registry's range) with room for coastal areas: coarse, it catches a wrong coordinate system, not a border. */
const SWEDEN = crsDefinition('EPSG:4326');
const MARGIN = 0.5;

interface RawFeature {
  geometry: unknown;
  properties: Record<string, unknown>;
  id: unknown;
}

/**
 * The survey areas as GeoJSON polygons (a FeatureCollection from QGIS, ArcGIS or the municipality's
 * GIS): Polygon and MultiPolygon (a GeometryCollection of them is merged). A declared `crs` is
 * always used and reprojected from; a system outside the registry is refused; an undeclared file
 * is guessed from its numbers. The name and code properties are detected unless chosen.
 */
export function parseAreaPolygons(
  input: DecodedText | string,
  fileName: string,
  choice: PolygonPropertyChoice & { crs?: SourceCrs } = {},
): Result<ParsedAreaPolygons, AreaIndexFailure> {
  const text = typeof input === 'string' ? input : input.text;
  const notes: AreaIndexNote[] = [];
  if (typeof input !== 'string' && input.encoding === 'windows-1252') notes.push({ code: 'windows-1252' });
  if (text.trim() === '') return err({ code: 'empty' });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return err({ code: 'unreadable-json' });
  }
  const features = toFeatures(doc);
  if (!features) return err({ code: 'not-geojson' });
  if (!features.length) return err({ code: 'no-polygons' });

  const sampler = new PositionSampler();
  for (const f of features) forEachPosition((f.geometry as { coordinates?: unknown } | null)?.coordinates, sampler.add);
  const declared = crsFromGeoJsonMember((doc as { crs?: unknown }).crs);
  if (declared && typeof declared === 'object') return err({ code: 'unsupported-crs', detail: declared.unsupported });
  const detected = detectCrs({ geoJsonCrs: (doc as { crs?: unknown }).crs, samples: sampler.samples }, choice.crs);
  // Only a declared system outside the registry fails here, and that was answered just above with its name.
  if (!detected.ok) return err({ code: 'unsupported-crs' });
  const { crs, declared: crsDeclared } = detected.value;
  if (crs.crs !== 'EPSG:4326') notes.push({ code: 'reprojected', crs: crs.crs });
  if (!crsDeclared && !crs.confident) notes.push({ code: 'crs-guessed', crs: crs.crs });
  const convert = makeToWgs84(crs.crs);

  const properties = propertyNames(features);
  const nameProperty = choice.nameProperty !== undefined ? choice.nameProperty : detectKey(features, properties, NAME_KEYS, null);
  const codeProperty = choice.codeProperty !== undefined ? choice.codeProperty : detectKey(features, properties, CODE_KEYS, nameProperty);

  const rejected: AreaRejectedItem[] = [];
  const areas: AreaPolygon[] = [];
  const seen = new Set<string>();
  let merged = 0;
  features.forEach((feature, i) => {
    const reject = (reason: AreaRejectedItem['reason'], detail: string) => rejected.push({ kind: 'feature', index: i + 1, reason, detail });
    const code = valueText(codeProperty === null ? feature.id : feature.properties[codeProperty]);
    const name = nameProperty === null ? null : valueText(feature.properties[nameProperty]);
    if (!code && !name) return reject('no-area-name', [nameProperty, codeProperty].filter(Boolean).join(', '));
    const shown = name ?? code!;

    const { parts } = splitGeometry(feature.geometry);
    if (parts.length !== 1) return reject('unsupported-geometry', `${shown}: ${geometryType(feature.geometry)}`);
    if (parts[0] !== feature.geometry) merged++;
    const check = validateGeometry(reprojectGeometry(parts[0], convert));
    if (!check.ok) {
      const reason = check.reason === 'non-numeric-coordinates' ? 'invalid-geometry' : check.reason;
      const known = ['unsupported-geometry', 'invalid-geometry', 'unclosed-ring', 'empty-geometry', 'outside-sweden'] as const;
      const detail = check.reason === 'unsupported-geometry' ? geometryType(parts[0]) : check.reason === 'outside-sweden' ? check.detail : '';
      return reject((known as readonly string[]).includes(reason) ? (reason as (typeof known)[number]) : 'invalid-geometry', detail ? `${shown}: ${detail}` : shown);
    }
    const geometry = check.geometry;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return reject('unsupported-geometry', `${shown}: ${geometry.type}`);
    const outside = firstOutsideSweden(geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2));
    if (outside) return reject('outside-sweden', `${shown}: ${formatPosition(outside)}`);

    const key = code ?? name!;
    const seenKey = code ? `kod:${normaliseAreaCode(code)}` : `namn:${normaliseAreaName(name!)}`;
    if (seen.has(seenKey)) return reject('duplicate-area', shown);
    seen.add(seenKey);
    const area = areaPolygonSchema.safeParse({ key, code, name, geometry });
    if (!area.success) return reject('invalid-geometry', shown);
    areas.push(area.data);
  });
  if (merged) notes.push({ code: 'split-collections', count: merged });
  if (!areas.length && !rejected.length) return err({ code: 'no-polygons' });
  return ok({ set: { fileName, nameProperty, codeProperty, areas }, crs, crsDeclared, properties, rejected, notes });
}

function toFeatures(doc: unknown): RawFeature[] | null {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return null;
  const d = doc as { type?: unknown; features?: unknown; geometry?: unknown; properties?: unknown; id?: unknown };
  const one = (f: unknown): RawFeature => {
    const raw = (f && typeof f === 'object' ? f : {}) as { geometry?: unknown; properties?: unknown; id?: unknown };
    return { geometry: raw.geometry ?? null, properties: plainProperties(raw.properties), id: raw.id };
  };
  if (d.type === 'FeatureCollection' && Array.isArray(d.features)) return d.features.map(one);
  if (d.type === 'Feature') return [one(d)];
  return null;
}

/** A fresh object without prototype keys: nothing downstream may see __proto__ as data. */
function plainProperties(raw: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const key of Object.keys(raw)) if (!FORBIDDEN.has(key)) out[key] = (raw as Record<string, unknown>)[key];
  return out;
}

function propertyNames(features: readonly RawFeature[]): string[] {
  const names = new Set<string>();
  for (const f of features.slice(0, 1000)) for (const key of Object.keys(f.properties)) if (names.size < 200) names.add(key);
  return [...names];
}

/** The first preferred key that most features give a value for; `not` is the key already taken. */
function detectKey(features: readonly RawFeature[], properties: readonly string[], preferred: readonly string[], not: string | null): string | null {
  const byNormalised = new Map<string, string>();
  for (const p of properties) if (p !== not && !byNormalised.has(normaliseHeader(p))) byNormalised.set(normaliseHeader(p), p);
  for (const key of preferred) {
    const property = byNormalised.get(key);
    if (property && features.filter((f) => valueText(f.properties[property]) !== null).length * 2 >= features.length) return property;
  }
  return null;
}

function valueText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const text = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, MAX_NAME) : null;
}

function geometryType(geometry: unknown): string {
  const type = (geometry as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? shownCell(type) : '–';
}

function firstOutsideSweden(positions: readonly number[][]): number[] | null {
  for (const p of positions) {
    const [lon, lat] = p as [number, number];
    if (lon < SWEDEN.x[0] - MARGIN || lon > SWEDEN.x[1] + MARGIN || lat < SWEDEN.y[0] - MARGIN || lat > SWEDEN.y[1] + MARGIN) return p;
  }
  return null;
}
