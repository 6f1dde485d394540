import { positionsOf } from '../geometry';
import type { MunicipalityLocator } from '../places/municipalityLocator';
import type { Issue } from '../result';
import type { SafetyFeature } from '../safetyFeature';
import { ruleError, ruleWarning, type RecordLookup } from './lookup';
import { text } from '../text';

/**
 * A place's municipality is the one its geometry lies in (a Trelleborg road is never stored as
 * Nacka). Near a border the coarse polygons may give two: either is accepted.
 */
export function placeMunicipalityIssue(feature: SafetyFeature, locator: MunicipalityLocator | null): Issue | null {
  if (!locator) return null;
  const near = new Set<string>();
  for (const [lon, lat] of positionsOf(feature.geometry).slice(0, 2000)) for (const hit of locator.municipalitiesNear(lon!, lat!)) near.add(hit.code);
  if (!near.size || near.has(feature.municipalityCode)) return null;
  const located = locator.locate(feature.geometry);
  return ruleError(
    'wrong-municipality',
    feature.id,
    text(
      `platsen anges ligga i kommun ${feature.municipalityCode} men ligger i ${located ? `${located.name} (${located.code})` : 'en annan kommun'}`,
      `the place is said to lie in municipality ${feature.municipalityCode} but lies in ${located ? `${located.name} (${located.code})` : 'another municipality'}`,
    ),
  );
}

/**
 * A place may serve a promise of another municipality (a road across a border), but the planner
 * should see it: a warning, not a refusal. The import preview lets them leave such places out.
 */
export function otherMunicipalityWarnings(feature: SafetyFeature, lookup: RecordLookup): Issue[] {
  const issues: Issue[] = [];
  for (const id of feature.activityIds) {
    const activity = lookup.activity(id);
    const document = activity && lookup.document(activity.documentId);
    if (document && document.municipality.code !== feature.municipalityCode)
      issues.push(
        ruleWarning(
          'municipality-mismatch',
          feature.id,
          text(`platsen ligger i ${feature.municipalityCode} men aktiviteten hör till ${document.municipality.code}`, `the place lies in ${feature.municipalityCode} but the activity belongs to ${document.municipality.code}`),
        ),
      );
  }
  return issues;
}
