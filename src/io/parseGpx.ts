import { gpx } from '@tmcw/togeojson';
import { err, ok, type Result } from '../domain/result';
import { text, type Text } from '../domain/text';
import { buildCandidates, type RawFeature } from './buildCandidates';
import type { DecodedText } from './decodeText';
import type { ImportCandidate, ImportFailure, ImportOptions, ParsedImport } from './importTypes';
import { ImportNotes } from './sanitize';
import { parseXml } from './xml';

type GpxKind = NonNullable<ImportCandidate['gpxKind']>;
const KIND_LABEL: Record<GpxKind, Text> = { track: text('spår', 'track'), route: text('rutt', 'route'), waypoint: text('vägpunkt', 'waypoint') };

function kindOf(feature: RawFeature): GpxKind {
  const type = (feature.properties as { _gpxType?: unknown } | null)?._gpxType;
  if (type === 'trk') return 'track';
  if (type === 'rte') return 'route';
  return 'waypoint';
}

/**
 * Tracks (recorded walks) and routes (planned ones, what route planners and OSM export) both become
 * lines; waypoints become points. GPX is WGS 84 by definition.
 */
export function parseGpx(input: DecodedText, fileName: string, options: ImportOptions = {}): Result<ParsedImport, ImportFailure> {
  const notes = new ImportNotes();
  if (input.note) notes.add(input.note);
  const xml = parseXml(input.text, 'gpx', 'GPX');
  if (!xml.ok) return xml;
  if (xml.value.note) notes.add(xml.value.note);
  options.onProgress?.(0.3);

  const features: RawFeature[] = gpx(xml.value.doc).features.map((f) => {
    // Per-point times and heart rates are arrays as long as the track: not useful as properties.
    const { coordinateProperties: _drop, ...properties } = (f.properties ?? {}) as Record<string, unknown>;
    return { geometry: f.geometry, properties, id: f.id };
  });
  if (features.length === 0) {
    return err({ code: 'no-features', message: text('GPX-filen innehåller inga spår, rutter eller vägpunkter.', 'The GPX file contains no tracks, routes or waypoints.') });
  }

  // Labels count per kind ("spår 1", "rutt 1", "vägpunkt 2") as the user sees them in a GPS app.
  const perKind: Record<GpxKind, number> = { track: 0, route: 0, waypoint: 0 };
  const labels = features.map((f) => {
    const kind = kindOf(f);
    const n = ++perKind[kind];
    return text(`${KIND_LABEL[kind].sv} ${n}`, `${KIND_LABEL[kind].en} ${n}`);
  });
  if (options.crs && options.crs !== 'EPSG:4326') notes.add(text(`GPX är alltid WGS 84; valet ${options.crs} användes inte`, `GPX is always WGS 84; the choice ${options.crs} was not used`));
  const { candidates, rejected } = buildCandidates(features, {
    convert: (p) => p,
    notes,
    label: (n) => labels[n - 1]!,
    gpxKind: kindOf,
    progress: (f) => options.onProgress?.(0.3 + 0.7 * f),
  });
  return ok({
    format: 'gpx',
    fileName,
    crs: { crs: 'EPSG:4326', reason: text('GPX anger alltid WGS 84', 'GPX is always WGS 84'), confident: true },
    candidates,
    rejected,
    notes: notes.list(),
  });
}
