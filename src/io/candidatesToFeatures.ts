import type { DatasetIndex } from '../domain/dataset';
import type { Finding } from '../domain/findings';
import { positionsOf } from '../domain/geometry';
import type { MunicipalityLocator } from '../domain/places/municipalityLocator';
import { whereOutsideSweden } from '../domain/rules/insideSweden';
import { LAYER_GEOMETRY, TIMES_OF_DAY, type LayerKind, type TimeOfDay } from '../domain/layers';
import { safetyFeatureSchema, type SafetyFeature } from '../domain/safetyFeature';
import { schemaMessageText } from '../domain/schemaMessages';
import { text, type Text } from '../domain/text';
import { toAttributes } from './featureAttributes';
import type { ImportCandidate, RejectedItem } from './importTypes';
import { positionText } from './validateCandidate';
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
  /** The candidate's label in Swedish: one key whatever the UI language, so a switch keeps the choices. */
  key: string;
  label: Text;
  /** The name from the file; null when it has none (the preview then shows the label). */
  name: string | null;
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
  const skip = (c: ImportCandidate, reason: RejectedItem['reason'], detail: Text) => plan.skipped.push({ index: c.index, label: c.label, reason, detail });

  const lonelyWaypoint = text('en vägpunkt utan rutt eller spår: en trygghetsvandring behöver en linje', 'a waypoint without a route or track: a safety walk needs a line');
  if (!fitting.length) for (const w of waypoints) skip(w, 'wrong-layer', lonelyWaypoint);
  for (const candidate of others) {
    if (!fitting.includes(candidate)) {
      skip(candidate, 'wrong-layer', text(`${candidate.geometry.type} passar inte lagret`, `${candidate.geometry.type} does not fit the layer`));
      continue;
    }
    let municipalityCode = fallbackCode;
    if (locator) {
      // The write door's own rule, so the preview refuses exactly what the door would.
      const outside = whereOutsideSweden(candidate.geometry, locator);
      const hit = outside ? null : locator.locate(candidate.geometry);
      if (!hit) {
        const position = positionText(outside?.position ?? positionsOf(candidate.geometry)[0] ?? []);
        if (outside?.swapped) skip(candidate, 'lat-lon-swapped', text(`${position.sv}: latitud och longitud verkar omkastade`, `${position.en}: latitude and longitude seem swapped`));
        else skip(candidate, 'outside-sweden', position);
        continue;
      }
      municipalityCode = hit.code;
      if (activityIds.length && !activityMunicipalities.has(hit.code)) {
        const key = candidate.label.sv;
        const excluded = options.exclude?.has(key) ?? false;
        plan.flagged.push({ key, label: candidate.label, name: candidate.name?.trim() || null, municipality: { code: hit.code, name: hit.name }, excluded });
        if (excluded) {
          plan.excluded++;
          continue;
        }
      }
    }
    const { attributes, trimmed } = toAttributes(candidate.properties, omit);
    if (trimmed) plan.attributesTrimmed = true;
    // The record is the team's shared data, in its one language (Swedish, as the promises are),
    // not a message: it does not change with the UI language of whoever imported it.
    const parsed = safetyFeatureSchema.safeParse({
      id: newId(),
      layer,
      name: candidate.name?.trim() || `${fileName}, ${candidate.label.sv}`,
      municipalityCode,
      activityIds: linked,
      provenance: 'imported',
      provenanceNote: `Importerad från ${fileName} (${candidate.label.sv}).`,
      geometry: candidate.geometry,
      details: detailsFor(layer, candidate, findings.get(candidate) ?? []),
      ...(attributes ? { attributes } : {}),
    });
    if (parsed.success) plan.features.push(activityIds.length ? parsed.data : { ...parsed.data, activityIds: [] });
    else {
      const message = parsed.error.issues[0]?.message;
      skip(candidate, 'invalid-geometry', message ? schemaMessageText(message) : text('', ''));
    }
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
