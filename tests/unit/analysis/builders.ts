import type { SupportedGeometry } from '../../../src/domain/geometry';
import type { TimeOfDay } from '../../../src/domain/layers';
import type { SafetyFeature } from '../../../src/domain/safetyFeature';
import { unsafePlace } from '../fixtures';

/**
 * Builders for the analysis tests, and a local metre→degree offset written out by hand
 * (1° of latitude ≈ 111 195 m on turf's sphere, 1° of longitude ≈ 111 195 × cos(lat) m) so the
 * tests do not check the code with the code's own helpers.
 */
export const M_PER_DEG = 111_195.08;
export const east = (lat: number, metres: number) => metres / (M_PER_DEG * Math.cos((lat * Math.PI) / 180));
export const north = (metres: number) => metres / M_PER_DEG;

// Imported, as a planner's survey file would be: illustrative examples never count as evidence (asExample).
const common = {
  municipalityCode: '2401',
  activityIds: ['act'],
  provenance: 'imported' as const,
  provenanceNote: 'Testdata',
};

/** The same feature as a shipped example: drawn by us to show the activity, named by no document. */
export function asExample<F extends SafetyFeature>(feature: F): F {
  return { ...feature, provenance: 'illustrative', provenanceNote: 'Exempel. Testdata.' };
}

export function place(
  id: string,
  coordinates: [number, number],
  over: { name?: string; responses?: number | null; year?: number | null; timeOfDay?: TimeOfDay[]; reasons?: string[]; geometry?: SupportedGeometry } = {},
): SafetyFeature {
  return unsafePlace({
    id,
    name: over.name ?? id,
    provenance: 'imported',
    provenanceNote: 'Testdata',
    geometry: over.geometry ?? { type: 'Point', coordinates },
    details: {
      survey: 'Trygghetsundersökning',
      year: over.year === undefined ? 2024 : over.year,
      timeOfDay: over.timeOfDay ?? ['kvall'],
      reasons: over.reasons ?? ['belysning'],
      responses: over.responses === undefined ? null : over.responses,
    },
  } as Partial<SafetyFeature>);
}

export function walk(id: string, geometry: SupportedGeometry, name = id): SafetyFeature {
  return {
    ...common,
    id,
    name,
    layer: 'safety-walk',
    geometry,
    details: { plannedDate: '2024-10-01', organisers: ['Kommunen'], status: 'done', findings: [] },
  } as SafetyFeature;
}

export function watchArea(id: string, geometry: SupportedGeometry, name = id): SafetyFeature {
  return {
    ...common,
    id,
    name,
    layer: 'watch-area',
    geometry,
    details: { households: 40, startYear: 2019, contactRole: 'Kontaktombud' },
  } as SafetyFeature;
}

export function focusPlace(id: string, geometry: SupportedGeometry, name = id): SafetyFeature {
  return {
    ...common,
    id,
    name,
    layer: 'focus-place',
    geometry,
    details: { placeKind: 'centrum', description: null },
  } as SafetyFeature;
}

/** An axis-aligned rectangle, closed, counter-clockwise. */
export function rectangle(west: number, south: number, eastLon: number, northLat: number): GeoJSON.Polygon {
  return {
    type: 'Polygon',
    coordinates: [[[west, south], [eastLon, south], [eastLon, northLat], [west, northLat], [west, south]]],
  };
}
