import type { Activity } from '../activity';
import type { Issue } from '../result';
import type { SafetyFeature } from '../safetyFeature';
import { text } from '../text';
import { ruleError, type RecordLookup } from './lookup';

/**
 * Brott i nära relation, särskilt utsatta brottsoffer, Huskurage: an activity that is sensitive,
 * or lies in a sensitive focus area, never gets a place on the map. The one definition of the
 * rule: seeding, edits, imports, restores, undo and (later) the server all call this.
 */
export function isSensitiveActivity(activity: Activity, lookup: RecordLookup): boolean {
  return activity.sensitive || lookup.focusArea(activity.focusAreaId)?.sensitive === true;
}

export function sensitivePlaceIssues(feature: SafetyFeature, lookup: RecordLookup): Issue[] {
  const issues: Issue[] = [];
  for (const id of feature.activityIds) {
    const activity = lookup.activity(id);
    if (activity && isSensitiveActivity(activity, lookup))
      issues.push(
        ruleError('sensitive-geometry', feature.id, text(`känslig aktivitet (${activity.title}) får ingen plats på kartan`, `a sensitive activity (${activity.title}) gets no place on the map`)),
      );
  }
  return issues;
}
