import type { Activity } from '../activity';
import type { FocusArea } from '../focusArea';
import type { Issue } from '../result';
import type { SafetyFeature } from '../safetyFeature';
import type { StatusEntry } from '../statusEntry';
import { ruleError, type RecordLookup } from './lookup';

/** Every link points at a record that exists: focus area → document, activity → focus area, place → activity. */
export function focusAreaReferenceIssues(area: FocusArea, lookup: RecordLookup): Issue[] {
  return lookup.document(area.documentId) ? [] : [ruleError('missing-document', area.id, `dokumentet ${area.documentId} finns inte`)];
}

export function activityReferenceIssues(activity: Activity, lookup: RecordLookup): Issue[] {
  const issues: Issue[] = [];
  if (!lookup.document(activity.documentId)) issues.push(ruleError('missing-document', activity.id, `dokumentet ${activity.documentId} finns inte`));
  const area = lookup.focusArea(activity.focusAreaId);
  if (!area) issues.push(ruleError('missing-focus-area', activity.id, `fokusområdet ${activity.focusAreaId} finns inte`));
  else if (area.documentId !== activity.documentId) issues.push(ruleError('focus-area-in-other-document', activity.id, 'fokusområdet hör till ett annat dokument'));
  if (area?.sensitive && !activity.sensitive)
    issues.push(ruleError('sensitivity-not-inherited', activity.id, 'aktiviteten ligger i ett känsligt fokusområde men är inte markerad som känslig'));
  return issues;
}

export function featureReferenceIssues(feature: SafetyFeature, lookup: RecordLookup): Issue[] {
  return feature.activityIds
    .filter((id) => !lookup.activity(id))
    .map((id) => ruleError('missing-activity', feature.id, `aktiviteten ${id} finns inte`));
}

/** A status entry follows an activity that exists, and names that activity's document (its scope). */
export function statusEntryReferenceIssues(entry: StatusEntry, lookup: RecordLookup): Issue[] {
  const activity = lookup.activity(entry.activityId);
  if (!activity) return [ruleError('missing-activity', entry.id, `aktiviteten ${entry.activityId} finns inte`)];
  if (activity.documentId !== entry.documentId) return [ruleError('entry-in-other-document', entry.id, 'statusposten anger ett annat dokument än aktivitetens')];
  return [];
}
