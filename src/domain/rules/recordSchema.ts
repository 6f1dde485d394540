import type { z } from 'zod';
import { activitySchema } from '../activity';
import { contactSchema } from '../contact';
import type { RecordTable } from '../changes';
import { focusAreaSchema } from '../focusArea';
import { promiseDocumentSchema } from '../promiseDocument';
import type { Issue } from '../result';
import { safetyFeatureSchema } from '../safetyFeature';
import { statusEntrySchema } from '../statusEntry';
import { schemaMessageText } from '../schemaMessages';
import { joinText, text } from '../text';
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
  const fields = parsed.error.issues.map((i) => {
    const message = schemaMessageText(i.message);
    const path = i.path.join('.');
    return text(`${path || 'posten'}: ${message.sv}`, `${path || 'the record'}: ${message.en}`);
  });
  return ruleError('schema', typeof id === 'string' ? id : '?', joinText(fields, '; '));
}
