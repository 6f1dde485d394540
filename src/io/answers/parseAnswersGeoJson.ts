import { AnswerColumnsBuilder } from '../../analysis/answers/columns';
import { err, ok, type Result } from '../../domain/result';
import { same, text, type Text } from '../../domain/text';
import { crsFromRanges, makeToWgs84, userChosenCrs } from '../crs';
import { normaliseHeader, parseNumber } from '../csvColumns';
import { decodeText } from '../decodeText';
import { crsFromGeoJsonMember } from '../declaredCrs';
import { featureLabel, NOT_JSON, reprojectedNote } from '../importText';
import {
  admitAnswer,
  CANCELLED,
  readReasons,
  readTimeOfDay,
  Rejections,
  yieldToEvents,
  type AnswersImport,
  type AnswersImportFailure,
  type AnswersImportOptions,
} from './answerRows';

/**
 * Survey answers from a GeoJSON FeatureCollection of points, properties named as the CSV's
 * columns (enkät/survey, år/year, tid/timeOfDay, skäl/reasons as a list or text). A declared
 * legacy `crs` is always used (one outside the registry is refused); without one the system is
 * told from the values, as for CSV. JSON.parse reads the whole
 * file at once (GeoJSON cannot be streamed by rows), so this suits files up to some 100 000
 * answers; larger surveys come as CSV.
 */

const KEYS = {
  survey: ['enkat', 'survey', 'undersokning', 'enkatnamn'],
  year: ['ar', 'year', 'artal', 'enkatar'],
  time: ['tid', 'timeofday', 'time of day', 'tid pa dygnet', 'time'],
  reasons: ['skal', 'reasons', 'orsak', 'orsaker', 'reason'],
} as const;

const YIELD_EVERY = 20_000;

/** A property by any of its names, compared as CSV headers are (case, å/ä/ö, spaces aside). */
function property(properties: Record<string, unknown>, names: readonly string[]): unknown {
  for (const [key, value] of Object.entries(properties)) {
    const name = normaliseHeader(key);
    if (names.includes(name) || names.includes(name.replace(/ /g, ''))) return value;
  }
  return undefined;
}

interface PointFeature {
  geometry?: { type?: unknown; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

export async function parseAnswersGeoJson(input: string | Uint8Array, options: AnswersImportOptions = {}): Promise<Result<AnswersImport, AnswersImportFailure>> {
  const source = typeof input === 'string' ? input : decodeText(input).text;
  let collection: { type?: unknown; crs?: unknown; features?: unknown };
  try {
    collection = JSON.parse(source) as typeof collection;
  } catch {
    return err({ code: 'unreadable', message: NOT_JSON });
  }
  if (!collection || !Array.isArray(collection.features)) return err({ code: 'empty', message: text('Filen har inga objekt (features).', 'The file has no features.') });
  const features = collection.features as PointFeature[];

  const declared = crsFromGeoJsonMember(collection.crs);
  if (declared && typeof declared === 'object')
    return err({ code: 'unsupported-crs', message: text(`Koordinatsystemet ${declared.unsupported} stöds inte.`, `The coordinate system ${declared.unsupported} is not supported.`) });
  const position = (f: PointFeature) => (f.geometry?.type === 'Point' && Array.isArray(f.geometry.coordinates) ? (f.geometry.coordinates as unknown[]) : null);
  const samples: [number, number][] = [];
  for (const f of features.slice(0, 500)) {
    const p = position(f);
    if (p && typeof p[0] === 'number' && typeof p[1] === 'number') samples.push([p[0], p[1]]);
  }
  const crs = options.crs
    ? userChosenCrs(options.crs)
    : declared
      ? { crs: declared, reason: text(`filen anger ${declared} (crs)`, `the file declares ${declared} (crs)`), confident: true }
      : crsFromRanges(samples);
  const toWgs84 = makeToWgs84(crs.crs);
  const notes: Text[] = crs.crs === 'EPSG:4326' ? [] : [reprojectedNote(crs.crs)];

  const rejections = new Rejections();
  const builder = new AnswerColumnsBuilder(options.onChunk ? 0 : features.length);
  let accepted = 0;
  for (let i = 0; i < features.length; i++) {
    if (i > 0 && i % YIELD_EVERY === 0) {
      options.onProgress?.({ fraction: i / features.length, accepted, rejected: rejections.total });
      await yieldToEvents();
    }
    if (options.signal?.aborted) return err(CANCELLED);
    const feature = features[i]!;
    const reject = rejections.add.bind(rejections, i + 1, featureLabel(i + 1));
    const p = position(feature);
    if (!p) {
      const type = feature.geometry?.type;
      reject(feature.geometry ? 'unsupported-geometry' : 'missing-coordinates', type === undefined || type === null ? text('ingen geometri', 'no geometry') : same(String(type)));
      continue;
    }
    const [x, y] = p;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      reject('non-numeric-coordinates', same(JSON.stringify(p).slice(0, 60)));
      continue;
    }
    const [lon, lat] = toWgs84([x, y]) as [number, number];
    const props = feature.properties ?? {};
    const surveyValue = property(props, KEYS.survey);
    const yearValue = property(props, KEYS.year);
    const timeValue = property(props, KEYS.time);
    const time = readTimeOfDay(timeValue);
    const door = admitAnswer({
      lon,
      lat,
      survey: (typeof surveyValue === 'string' ? surveyValue.trim() : '') || options.survey,
      year: yearValue === undefined || yearValue === null || yearValue === '' ? options.year : typeof yearValue === 'string' ? (parseNumber(yearValue) ?? yearValue) : yearValue,
      timeOfDay: time === undefined ? String(timeValue) : time,
      reasons: readReasons(property(props, KEYS.reasons)),
    });
    if (!door.ok) {
      reject(door.reason, door.detail);
      continue;
    }
    builder.pushAnswer(door.answer);
    accepted++;
  }
  const columns = builder.finish();
  if (options.onChunk && columns.count > 0) options.onChunk(columns);
  const rejectedNote = rejections.note();
  if (rejectedNote) notes.push(rejectedNote);
  options.onProgress?.({ fraction: 1, accepted, rejected: rejections.total });
  return ok({
    columns: options.onChunk ? null : columns,
    accepted,
    rejected: rejections.listed,
    rejectedTotal: rejections.total,
    rejectedByReason: rejections.byReason,
    crs,
    notes,
  });
}
