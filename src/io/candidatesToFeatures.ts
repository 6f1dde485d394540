import type { DatasetIndex } from '../domain/dataset';
import { LAYER_GEOMETRY, TIMES_OF_DAY, type LayerKind, type TimeOfDay } from '../domain/layers';
import { safetyFeatureSchema, type SafetyFeature } from '../domain/safetyFeature';
import type { ImportCandidate, RejectedItem } from './importTypes';

export interface ImportPlan {
  features: SafetyFeature[];
  /** Candidates the chosen layer cannot take (a point for a walk), and any that fail the schema. */
  skipped: RejectedItem[];
}

/**
 * Turns previewed candidates into places of one layer, linked to the chosen activities. GPX
 * waypoints become findings on the walk instead of places of their own. Pure: nothing is stored.
 */
export function candidatesToFeatures(
  candidates: readonly ImportCandidate[],
  layer: LayerKind,
  activityIds: string[],
  fileName: string,
  index: DatasetIndex,
  newId: () => string,
): ImportPlan {
  // Before the user has picked an activity the preview still counts what is valid: validate with
  // stand-ins, which never reach the database (importing requires a real activity).
  const linked = activityIds.length ? activityIds : ['?'];
  const municipalityCode = municipalityOf(activityIds, index) || '0000';
  const waypoints = layer === 'safety-walk' ? candidates.filter((c) => c.gpxKind === 'waypoint') : [];
  const findings = waypoints.map((w) => w.name ?? w.label).slice(0, 500);
  const routes = candidates.filter((c) => !waypoints.includes(c));
  const features: SafetyFeature[] = [];
  const skipped: RejectedItem[] = [];
  for (const candidate of routes) {
    if (!LAYER_GEOMETRY[layer].includes(candidate.geometry.type)) {
      skipped.push({ index: candidate.index, label: candidate.label, reason: 'unsupported-geometry', detail: `${candidate.geometry.type} passar inte lagret` });
      continue;
    }
    const parsed = safetyFeatureSchema.safeParse({
      id: newId(),
      layer,
      name: candidate.name?.trim() || `${fileName}, ${candidate.label}`,
      municipalityCode,
      activityIds: linked,
      provenance: 'imported',
      provenanceNote: `Importerad från ${fileName} (${candidate.label}).`,
      geometry: candidate.geometry,
      details: detailsFor(layer, candidate, findings),
    });
    if (parsed.success) features.push(parsed.data);
    else skipped.push({ index: candidate.index, label: candidate.label, reason: 'invalid-geometry', detail: parsed.error.issues[0]?.message ?? '' });
  }
  return { features: activityIds.length ? features : features.map((f) => ({ ...f, activityIds: [] })), skipped };
}

function municipalityOf(activityIds: string[], index: DatasetIndex): string {
  const activity = activityIds.map((id) => index.activities.get(id)).find((a) => a !== undefined);
  return (activity && index.documents.get(activity.documentId)?.municipality.code) || '';
}

function detailsFor(layer: LayerKind, candidate: ImportCandidate, findings: string[]): Record<string, unknown> {
  const text = (key: string) => {
    const value = candidate.properties[key];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  };
  switch (layer) {
    case 'unsafe-place': {
      const time = candidate.mapped?.timeOfDay;
      return {
        survey: null,
        year: null,
        timeOfDay: time && (TIMES_OF_DAY as readonly string[]).includes(time) ? [time as TimeOfDay] : [],
        reasons: candidate.mapped?.reason ? [candidate.mapped.reason] : [],
        responses: candidate.mapped?.count ?? null,
      };
    }
    case 'safety-walk':
      return { plannedDate: null, organisers: [], status: 'unknown', findings };
    case 'watch-area':
      return { households: null, startYear: null, contactRole: null };
    case 'speed-control':
      return {
        streetName: text('gatunamn') ?? text('streetName') ?? candidate.name ?? 'okänd gata',
        speedLimit: null,
        meanSpeedBefore: null,
        meanSpeedAfter: null,
        controlDates: [],
      };
    case 'focus-place':
      return { placeKind: 'annan', description: null };
  }
}
