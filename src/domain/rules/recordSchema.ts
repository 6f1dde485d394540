import type { z } from 'zod';
import { activitySchema } from '../activity';
import { contactSchema } from '../contact';
import type { RecordTable } from '../changes';
import { focusAreaSchema } from '../focusArea';
import { promiseDocumentSchema } from '../promiseDocument';
import type { Issue } from '../result';
import { safetyFeatureSchema } from '../safetyFeature';
import { statusEntrySchema } from '../statusEntry';
import { ruleError } from './lookup';

export const RECORD_SCHEMAS: Record<RecordTable, z.ZodType> = {
  documents: promiseDocumentSchema,
  focusAreas: focusAreaSchema,
  activities: activitySchema,
  features: safetyFeatureSchema,
  statusEntries: statusEntrySchema,
  contacts: contactSchema,
};

/** Each record matches its table's schema; the message names the fields. */
export function recordSchemaIssue(table: RecordTable, record: unknown): Issue | null {
  const parsed = RECORD_SCHEMAS[table].safeParse(record);
  if (parsed.success) return null;
  const id = (record as { id?: unknown } | null)?.id;
  return ruleError('schema', typeof id === 'string' ? id : '?', parsed.error.issues.map((i) => `${i.path.join('.') || 'posten'}: ${i.message}`).join('; '));
}
