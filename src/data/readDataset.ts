import type { z } from 'zod';
import { activitySchema } from '../domain/activity';
import type { Dataset } from '../domain/dataset';
import { focusAreaSchema } from '../domain/focusArea';
import { promiseDocumentSchema } from '../domain/promiseDocument';
import type { Issue } from '../domain/result';
import { safetyFeatureSchema } from '../domain/safetyFeature';
import { statusEntrySchema } from '../domain/statusEntry';
import { contactSchema } from '../domain/contact';
import type { TrygghetsDatabase } from './db';
import type { ViewSnapshot } from './liveView';

export interface StoredDataset {
  dataset: Dataset;
  /** Records that no longer match the schema: kept in the database, left out of the view, reported. */
  issues: Issue[];
  /** The live view's state (index, rows, version) when the data came through it (liveView.ts). */
  snapshot?: ViewSnapshot;
}

/** Reads every table through its schema: a damaged record is reported, never allowed to crash the view. */
export async function readDataset(db: TrygghetsDatabase): Promise<StoredDataset> {
  const [documents, focusAreas, activities, features, statusEntries, contacts] = await Promise.all([
    db.documents.toArray(),
    db.focusAreas.toArray(),
    db.activities.toArray(),
    db.features.toArray(),
    db.statusEntries.toArray(),
    db.contacts.toArray(),
  ]);
  const issues: Issue[] = [];
  return {
    dataset: {
      documents: keepValid(documents, promiseDocumentSchema, issues),
      focusAreas: keepValid(focusAreas, focusAreaSchema, issues),
      activities: keepValid(activities, activitySchema, issues),
      features: keepValid(features, safetyFeatureSchema, issues),
      statusEntries: keepValid(statusEntries, statusEntrySchema, issues),
      contacts: keepValid(contacts, contactSchema, issues),
    },
    issues,
  };
}

function keepValid<S extends z.ZodType>(records: unknown[], schema: S, issues: Issue[]): z.infer<S>[] {
  const valid: z.infer<S>[] = [];
  for (const record of records) {
    const parsed = schema.safeParse(record);
    if (parsed.success) valid.push(parsed.data);
    else
      issues.push({
        code: 'stored-record-invalid',
        severity: 'warning',
        subject: String((record as { id?: unknown })?.id ?? '?'),
        message: parsed.error.issues.map((i) => i.message).join('; '),
      });
  }
  return valid;
}
