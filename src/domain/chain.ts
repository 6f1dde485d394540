import type { Activity } from './activity';
import type { DatasetIndex } from './dataset';
import type { FocusArea } from './focusArea';
import type { PromiseDocument } from './promiseDocument';
import type { SafetyFeature } from './safetyFeature';

/** One link of the chain place → activity → focus area → promise document. */
export interface ActivityLink {
  activity: Activity;
  focusArea: FocusArea | null;
  document: PromiseDocument | null;
}

export interface FeatureChain {
  feature: SafetyFeature;
  links: ActivityLink[];
  /** Activity ids the feature names that no longer exist (shown, not hidden). */
  missingActivityIds: string[];
}

export function resolveChain(index: DatasetIndex, featureId: string): FeatureChain | null {
  const feature = index.features.get(featureId);
  if (!feature) return null;
  const links: ActivityLink[] = [];
  const missingActivityIds: string[] = [];
  for (const activityId of feature.activityIds) {
    const activity = index.activities.get(activityId);
    if (!activity) {
      missingActivityIds.push(activityId);
      continue;
    }
    links.push({
      activity,
      focusArea: index.focusAreas.get(activity.focusAreaId) ?? null,
      document: index.documents.get(activity.documentId) ?? null,
    });
  }
  return { feature, links, missingActivityIds };
}

/** All places that serve any activity of a promise document. */
export function featuresOfDocument(index: DatasetIndex, documentId: string): SafetyFeature[] {
  return (index.featureIdsByDocument.get(documentId) ?? [])
    .map((id) => index.features.get(id))
    .filter((f): f is SafetyFeature => f !== undefined);
}
