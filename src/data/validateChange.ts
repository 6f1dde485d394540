import { activitySchema } from '../domain/activity';
import type { ChangeSet } from '../domain/changes';
import { focusAreaSchema } from '../domain/focusArea';
import { promiseDocumentSchema } from '../domain/promiseDocument';
import type { Issue } from '../domain/result';
import { safetyFeatureSchema } from '../domain/safetyFeature';
import type { TrygghetsDatabase } from './db';

const SCHEMAS = {
  documents: promiseDocumentSchema,
  focusAreas: focusAreaSchema,
  activities: activitySchema,
  features: safetyFeatureSchema,
} as const;

/**
 * The door every edit passes: each record must match its schema, and a place may only link to
 * activities that exist and are not sensitive. Runs inside the writing transaction.
 */
export async function validateChange(db: TrygghetsDatabase, change: ChangeSet): Promise<Issue[]> {
  const issues: Issue[] = [];
  for (const [table, schema] of Object.entries(SCHEMAS) as [keyof typeof SCHEMAS, (typeof SCHEMAS)[keyof typeof SCHEMAS]][]) {
    for (const record of change.put[table] ?? []) {
      const parsed = schema.safeParse(record);
      if (!parsed.success)
        issues.push({ code: 'schema', severity: 'error', subject: record.id, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    }
  }
  const features = change.put.features ?? [];
  const activityIds = [...new Set(features.flatMap((f) => f.activityIds))];
  if (!activityIds.length) return issues;
  const pendingActivities = new Map((change.put.activities ?? []).map((a) => [a.id, a]));
  const stored = await db.activities.bulkGet(activityIds);
  const activities = new Map(activityIds.map((id, i) => [id, pendingActivities.get(id) ?? stored[i]]));
  const areaIds = [...new Set([...activities.values()].filter((a) => a !== undefined).map((a) => a.focusAreaId))];
  const areas = new Map((await db.focusAreas.bulkGet(areaIds)).filter((a) => a !== undefined).map((a) => [a.id, a]));
  for (const feature of features) {
    for (const id of feature.activityIds) {
      const activity = activities.get(id);
      if (!activity) issues.push({ code: 'missing-activity', severity: 'error', subject: feature.id, message: `aktiviteten ${id} finns inte` });
      else if (activity.sensitive || areas.get(activity.focusAreaId)?.sensitive)
        issues.push({ code: 'sensitive-geometry', severity: 'error', subject: feature.id, message: `känslig aktivitet (${activity.title}) får ingen plats på kartan` });
    }
  }
  return issues;
}
