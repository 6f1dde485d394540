import type { Dataset } from '../dataset';
import type { Issue } from '../result';

/**
 * Referential rules over a whole dataset: every link points at something that exists, and no
 * sensitive activity (brott i nära relation, särskilt utsatta brottsoffer) is given a place.
 */
export function checkIntegrity(dataset: Dataset): Issue[] {
  const issues: Issue[] = [];
  const documents = new Map(dataset.documents.map((d) => [d.id, d]));
  const focusAreas = new Map(dataset.focusAreas.map((f) => [f.id, f]));
  const activities = new Map(dataset.activities.map((a) => [a.id, a]));

  for (const [kind, records] of Object.entries(dataset) as [string, { id: string }[]][]) {
    const seen = new Set<string>();
    for (const { id } of records) {
      if (seen.has(id)) issues.push(error('duplicate-id', id, `id förekommer mer än en gång bland ${kind}`));
      seen.add(id);
    }
  }
  for (const area of dataset.focusAreas) {
    if (!documents.has(area.documentId)) issues.push(error('missing-document', area.id, `dokumentet ${area.documentId} finns inte`));
  }
  for (const activity of dataset.activities) {
    const area = focusAreas.get(activity.focusAreaId);
    if (!area) issues.push(error('missing-focus-area', activity.id, `fokusområdet ${activity.focusAreaId} finns inte`));
    else if (area.documentId !== activity.documentId)
      issues.push(error('focus-area-in-other-document', activity.id, 'fokusområdet hör till ett annat dokument'));
    if (area?.sensitive && !activity.sensitive)
      issues.push(error('sensitivity-not-inherited', activity.id, 'aktiviteten ligger i ett känsligt fokusområde men är inte markerad som känslig'));
  }
  for (const feature of dataset.features) {
    for (const activityId of feature.activityIds) {
      const activity = activities.get(activityId);
      if (!activity) {
        issues.push(error('missing-activity', feature.id, `aktiviteten ${activityId} finns inte`));
        continue;
      }
      if (activity.sensitive || focusAreas.get(activity.focusAreaId)?.sensitive)
        issues.push(error('sensitive-geometry', feature.id, `känslig aktivitet ${activityId} får ingen plats på kartan`));
      const document = documents.get(activity.documentId);
      if (document && document.municipality.code !== feature.municipalityCode)
        issues.push(error('municipality-mismatch', feature.id, `platsen ligger i ${feature.municipalityCode} men aktiviteten hör till ${document.municipality.code}`));
    }
  }
  return issues;
}

/** An activity is sensitive if it, or the focus area it belongs to, is marked so. */
export function isSensitive(activityId: string, dataset: Pick<Dataset, 'activities' | 'focusAreas'>): boolean {
  const activity = dataset.activities.find((a) => a.id === activityId);
  if (!activity) return false;
  return activity.sensitive || dataset.focusAreas.some((f) => f.id === activity.focusAreaId && f.sensitive);
}

function error(code: string, subject: string, message: string): Issue {
  return { code, severity: 'error', subject, message };
}
