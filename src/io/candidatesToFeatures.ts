import type { DatasetIndex } from '../domain/dataset';
import type { Finding } from '../domain/findings';
import { positionsOf } from '../domain/geometry';
import type { MunicipalityLocator } from '../domain/places/municipalityLocator';
import { whereOutsideSweden } from '../domain/rules/insideSweden';
import { LAYER_GEOMETRY, TIMES_OF_DAY, type LayerKind, type TimeOfDay } from '../domain/layers';
import { safetyFeatureSchema, type SafetyFeature } from '../domain/safetyFeature';
import { toAttributes } from './featureAttributes';
import type { ImportCandidate, RejectedItem } from './importTypes';
import { formatPosition } from './validateCandidate';
import { findingsByWalk } from './walkFindings';

/** What the plan needs of the municipality polygons (src/domain/places/municipalityLocator.ts). */
export type MunicipalityLookup = Pick<MunicipalityLocator, 'locate' | 'firstOutside' | 'locatePosition'>;

export interface PlanOptions {
  /** Finds each place's municipality from its own geometry. Absent: the preview still counts, but nothing may be stored. */
  locator?: MunicipalityLookup | null;
  /** Properties the place holds elsewhere (the name, CSV coordinate columns): not copied into attributes. */
  omitKeys?: readonly string[];
  /** Keys of flagged places the user chose to leave out. */
  exclude?: ReadonlySet<string>;
}

/** A place outside the municipalities of the chosen activities: shown in the preview, can be left out. */
export interface FlaggedPlace {
  key: string;
  label: string;
  name: string;
  municipality: { code: string; name: string };
  excluded: boolean;
}

export interface ImportPlan {
  features: SafetyFeature[];
  /** Candidates the chosen layer cannot take, outside Sweden, or failing the schema. */
  skipped: RejectedItem[];
  flagged: FlaggedPlace[];
  /** How many flagged places are left out. */
  excluded: number;
  /** GPX waypoints that became findings of a walk instead of places. */
  findings: number;
  /** Some attributes were dropped or cut to the limits. */
  attributesTrimmed: boolean;
  /** True when every place's municipality came from its geometry; false without the polygons. */
  located: boolean;
}

/**
 * Turns previewed candidates into places of one layer, linked to the chosen activities, each in
 * the municipality its own geometry lies in. GPX waypoints become findings on the walk instead of
 * places of their own. Pure: nothing is stored.
 */
export function candidatesToFeatures(
  candidates: readonly ImportCandidate[],
  layer: LayerKind,
  activityIds: string[],
  fileName: string,
  index: DatasetIndex,
  newId: () => string,
  options: PlanOptions = {},
): ImportPlan {
  // Before the user has picked an activity the preview still counts what is valid: validate with
  // stand-ins, which never reach the database (importing requires a real activity).
  const linked = activityIds.length ? activityIds : ['?'];
  const activityMunicipalities = municipalitiesOf(activityIds, index);
  const fallbackCode = [...activityMunicipalities][0] ?? '0000';
  const locator = options.locator ?? null;
  const omit = new Set(options.omitKeys ?? []);
  const isWalk = layer === 'safety-walk';
  const waypoints = isWalk ? candidates.filter((c) => c.gpxKind === 'waypoint') : [];
  const others = isWalk ? candidates.filter((c) => c.gpxKind !== 'waypoint') : [...candidates];
  const fitting = others.filter((c) => LAYER_GEOMETRY[layer].includes(c.geometry.type));
  const findings = findingsByWalk(fitting, waypoints);
  const plan: ImportPlan = { features: [], skipped: [], flagged: [], excluded: 0, findings: fitting.length ? waypoints.length : 0, attributesTrimmed: false, located: locator !== null };
  const skip = (c: ImportCandidate, reason: RejectedItem['reason'], detail: string) => plan.skipped.push({ index: c.index, label: c.label, reason, detail });

  if (!fitting.length) for (const w of waypoints) skip(w, 'wrong-layer', 'en vägpunkt utan rutt eller spår: en trygghetsvandring behöver en linje');
  for (const candidate of others) {
    if (!fitting.includes(candidate)) {
      skip(candidate, 'wrong-layer', `${candidate.geometry.type} passar inte lagret`);
      continue;
    }
    let municipalityCode = fallbackCode;
    if (locator) {
      // The write door's own rule, so the preview refuses exactly what the door would.
      const outside = whereOutsideSweden(candidate.geometry, locator);
      const hit = outside ? null : locator.locate(candidate.geometry);
      if (!hit) {
        const position = formatPosition(outside?.position ?? positionsOf(candidate.geometry)[0] ?? []);
        if (outside?.swapped) skip(candidate, 'lat-lon-swapped', `${position}: latitud och longitud verkar omkastade`);
        else skip(candidate, 'outside-sweden', position);
        continue;
      }
      municipalityCode = hit.code;
      if (activityIds.length && !activityMunicipalities.has(hit.code)) {
        const excluded = options.exclude?.has(candidate.label) ?? false;
        plan.flagged.push({ key: candidate.label, label: candidate.label, name: candidate.name?.trim() || candidate.label, municipality: { code: hit.code, name: hit.name }, excluded });
        if (excluded) {
          plan.excluded++;
          continue;
        }
      }
    }
    const { attributes, trimmed } = toAttributes(candidate.properties, omit);
    if (trimmed) plan.attributesTrimmed = true;
    const parsed = safetyFeatureSchema.safeParse({
      id: newId(),
      layer,
      name: candidate.name?.trim() || `${fileName}, ${candidate.label}`,
      municipalityCode,
      activityIds: linked,
      provenance: 'imported',
      provenanceNote: `Importerad från ${fileName} (${candidate.label}).`,
      geometry: candidate.geometry,
      details: detailsFor(layer, candidate, findings.get(candidate) ?? []),
      ...(attributes ? { attributes } : {}),
    });
    if (parsed.success) plan.features.push(activityIds.length ? parsed.data : { ...parsed.data, activityIds: [] });
    else skip(candidate, 'invalid-geometry', parsed.error.issues[0]?.message ?? '');
  }
  return plan;
}

/** The municipalities of the chosen activities' documents. */
export function municipalitiesOf(activityIds: readonly string[], index: DatasetIndex): Set<string> {
  const codes = new Set<string>();
  for (const id of activityIds) {
    const activity = index.activities.get(id);
    const code = activity && index.documents.get(activity.documentId)?.municipality.code;
    if (code) codes.add(code);
  }
  return codes;
}

function detailsFor(layer: LayerKind, candidate: ImportCandidate, findings: Finding[]): Record<string, unknown> {
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
