import type { Activity } from '../activity';
import type { FocusArea } from '../focusArea';
import type { Issue } from '../result';
import type { SafetyFeature } from '../safetyFeature';
import type { StatusEntry } from '../statusEntry';
import { text } from '../text';
import { ruleError, type RecordLookup } from './lookup';

/** Every link points at a record that exists: focus area → document, activity → focus area, place → activity. */
export function focusAreaReferenceIssues(area: FocusArea, lookup: RecordLookup): Issue[] {
  return lookup.document(area.documentId) ? [] : [ruleError('missing-document', area.id, text(`dokumentet ${area.documentId} finns inte`, `the document ${area.documentId} does not exist`))];
}

export function activityReferenceIssues(activity: Activity, lookup: RecordLookup): Issue[] {
  const issues: Issue[] = [];
  if (!lookup.document(activity.documentId)) issues.push(ruleError('missing-document', activity.id, text(`dokumentet ${activity.documentId} finns inte`, `the document ${activity.documentId} does not exist`)));
  const area = lookup.focusArea(activity.focusAreaId);
  if (!area) issues.push(ruleError('missing-focus-area', activity.id, text(`fokusområdet ${activity.focusAreaId} finns inte`, `the focus area ${activity.focusAreaId} does not exist`)));
  else if (area.documentId !== activity.documentId) issues.push(ruleError('focus-area-in-other-document', activity.id, text('fokusområdet hör till ett annat dokument', 'the focus area belongs to another document')));
  if (area?.sensitive && !activity.sensitive)
    issues.push(
      ruleError(
        'sensitivity-not-inherited',
        activity.id,
        text('aktiviteten ligger i ett känsligt fokusområde men är inte markerad som känslig', 'the activity lies in a sensitive focus area but is not marked sensitive'),
      ),
    );
  return issues;
}

export function featureReferenceIssues(feature: SafetyFeature, lookup: RecordLookup): Issue[] {
  return feature.activityIds
    .filter((id) => !lookup.activity(id))
    .map((id) => ruleError('missing-activity', feature.id, text(`aktiviteten ${id} finns inte`, `the activity ${id} does not exist`)));
}

/** A status entry follows an activity that exists, and names that activity's document (its scope). */
export function statusEntryReferenceIssues(entry: StatusEntry, lookup: RecordLookup): Issue[] {
  const activity = lookup.activity(entry.activityId);
  if (!activity) return [ruleError('missing-activity', entry.id, text(`aktiviteten ${entry.activityId} finns inte`, `the activity ${entry.activityId} does not exist`))];
  if (activity.documentId !== entry.documentId) return [ruleError('entry-in-other-document', entry.id, text('statusposten anger ett annat dokument än aktivitetens', 'the status entry names another document than its activity’s'))];
  return [];
}
