import { text, type Text } from '../domain/text';
import { REJECT_TEXTS, type ImportCandidate, type RejectedItem } from './importTypes';
import { reprojectedNote } from './importText';
import { reprojectGeometry, type PositionConverter } from './crs';
import { ImportNotes, pickName, sanitizeProperties } from './sanitize';
import { splitGeometry, validateGeometry } from './validateCandidate';

/** A feature as GeoJSON, KML, GPX and shapefile parsers all produce it, not yet trusted. */
export interface RawFeature {
  geometry: unknown;
  properties: unknown;
  id?: unknown;
}

export interface BuildOptions {
  convert: PositionConverter;
  notes: ImportNotes;
  /** The label of feature number n (1-based): "objekt 3" / "feature 3", "vägpunkt 2" / "waypoint 2". */
  label: (n: number, feature: RawFeature) => Text;
  /** A name when none of the usual keys has one (KML <title>, for example). */
  fallbackName?: (n: number, feature: RawFeature) => string | null;
  gpxKind?: (feature: RawFeature) => ImportCandidate['gpxKind'];
  /** Called every chunk of features with the share done, 0..1. */
  progress?: (fraction: number) => void;
}

const PROGRESS_EVERY = 2000;

/** Reprojects, validates and sanitises features one by one; a bad feature is rejected, never fatal. */
export function buildCandidates(features: readonly RawFeature[], options: BuildOptions) {
  const candidates: ImportCandidate[] = [];
  const rejected: RejectedItem[] = [];
  const { notes } = options;
  features.forEach((feature, i) => {
    const n = i + 1;
    const label = options.label(n, feature);
    if (n % PROGRESS_EVERY === 0) options.progress?.(n / features.length);
    const properties = sanitizeProperties(feature.properties, notes);
    // A feature id (KML Placemark id, GeoJSON id) is often the only key back to the source system.
    if ((typeof feature.id === 'string' || typeof feature.id === 'number') && !Object.hasOwn(properties, 'id')) {
      properties.id = typeof feature.id === 'string' ? feature.id.slice(0, 200) : feature.id;
    }
    const name = pickName(properties, notes) ?? options.fallbackName?.(n, feature) ?? null;
    const { parts, split } = splitGeometry(feature.geometry);
    if (split) notes.add(text('flerpunktsgeometrier (MultiPoint) delades upp i enskilda punkter', 'multi-point geometries (MultiPoint) were split into single points'));
    parts.forEach((part, p) => {
      const partLabel = parts.length > 1 ? text(`${label.sv}, punkt ${p + 1}`, `${label.en}, point ${p + 1}`) : label;
      const check = validateGeometry(reprojectGeometry(part, options.convert));
      if (!check.ok) {
        rejected.push({ index: n, label: partLabel, reason: check.reason, detail: check.detail.sv ? check.detail : REJECT_TEXTS[check.reason] });
        return;
      }
      const candidate: ImportCandidate = { index: n, label: partLabel, geometry: check.geometry, name, properties };
      const kind = options.gpxKind?.(feature);
      if (kind) candidate.gpxKind = kind;
      candidates.push(candidate);
    });
  });
  options.progress?.(1);
  return { candidates, rejected };
}

/** The note the preview shows when coordinates were converted. */
export function reprojectionNote(crs: string): Text | null {
  return crs === 'EPSG:4326' ? null : reprojectedNote(crs);
}
