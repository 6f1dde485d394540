import { z } from 'zod';
import { activitySchema } from '../domain/activity';
import type { ChangeSet } from '../domain/changes';
import type { Dataset } from '../domain/dataset';
import { upgradeFeatureFindings } from '../domain/findings';
import { focusAreaSchema } from '../domain/focusArea';
import { promiseDocumentSchema } from '../domain/promiseDocument';
import { err, ok, type Result } from '../domain/result';
import { safetyFeatureSchema } from '../domain/safetyFeature';
import { schemaMessageText } from '../domain/schemaMessages';
import { text, type Text } from '../domain/text';
import { statusEntrySchema } from '../domain/statusEntry';
import { contactSchema } from '../domain/contact';
import { backupAnswerSetSchema, decodeAnswerSet, encodeAnswerSet, type BackupAnswerSet } from './backupAnswers';

export const BACKUP_TYPE = 'trygghetskartan-backup';
/**
 * 2: status entries (2026-12-02); 3: the survey answers' sets (2026-12-02); 4: the municipalities'
 * contacts (2026-12-02). An older file has none of them and restores as before.
 */
export const BACKUP_VERSION = 4;

/** One recorded edit as a backup holds it (the database's history entry without its key). */
export interface BackupHistoryEntry {
  label: string;
  at: string;
  forward: ChangeSet;
  inverse: ChangeSet;
  undone: 0 | 1;
}

export interface BackupContent extends Dataset {
  history: BackupHistoryEntry[];
  /** Survey answers, a set per import, as columns (absent: none). */
  answerSets?: BackupAnswerSet[];
}

const changeSetSchema = z.object({
  label: z.string(),
  put: z.record(z.string(), z.array(z.looseObject({ id: z.string() }))),
  delete: z.record(z.string(), z.array(z.string())),
});
const historySchema = z.object({
  label: z.string(),
  at: z.string(),
  forward: changeSetSchema,
  inverse: changeSetSchema,
  undone: z.union([z.literal(0), z.literal(1)]),
});
const backupSchemaV1 = z.object({
  type: z.literal(BACKUP_TYPE),
  version: z.literal(1),
  exportedAt: z.string(),
  documents: z.array(promiseDocumentSchema),
  focusAreas: z.array(focusAreaSchema),
  activities: z.array(activitySchema),
  features: z.array(safetyFeatureSchema),
  history: z.array(historySchema),
});
// Version 2 only adds the status entries; a version-1 file reads as one without any.
const backupSchema = backupSchemaV1.extend({
  version: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  statusEntries: z.array(statusEntrySchema).default([]),
  answerSets: z.array(backupAnswerSetSchema).default([]),
  // Version 4 adds whom citizens contact; older files have none.
  contacts: z.array(contactSchema).default([]),
});

/** The envelope says what the file is and which version wrote it, so later versions can migrate it. */
export function serializeBackup(content: BackupContent, exportedAt = new Date().toISOString()): string {
  return JSON.stringify({ type: BACKUP_TYPE, version: BACKUP_VERSION, exportedAt, ...content, answerSets: (content.answerSets ?? []).map(encodeAnswerSet) });
}

/**
 * Reads a backup: checks the envelope, migrates older versions step by step (1 → 2 adds no
 * status entries), and
 * validates every record. A file with any invalid record is refused whole, so a restore never
 * replaces good data with half of a file.
 */
export function parseBackup(json: string): Result<BackupContent, Text> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return err(text('Filen är inte giltig JSON: den kan vara ofullständig.', 'The file is not valid JSON: it may be incomplete.'));
  }
  const envelope = z.object({ type: z.string(), version: z.number() }).safeParse(raw);
  if (!envelope.success || envelope.data.type !== BACKUP_TYPE) return err(text('Filen är ingen säkerhetskopia från Trygghetskartan.', 'The file is not a Trygghetskartan backup.'));
  if (envelope.data.version > BACKUP_VERSION) {
    const v = envelope.data.version;
    return err(text(`Säkerhetskopian är från en nyare version (${v}) av Trygghetskartan. Uppdatera appen först.`, `The backup is from a newer version (${v}) of Trygghetskartan. Update the app first.`));
  }
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = `${recordName(raw, issue.path)} (${issue.path.join('.')})`;
    const why = schemaMessageText(issue.message);
    return err(text(`Säkerhetskopian innehåller en ogiltig post${where}: ${why.sv}. Inget återställdes.`, `The backup holds an invalid record${where}: ${why.en}. Nothing was restored.`));
  }
  const { documents, focusAreas, activities, features, statusEntries, contacts, history } = parsed.data;
  let answerSets: BackupAnswerSet[];
  try {
    answerSets = parsed.data.answerSets.map(decodeAnswerSet);
  } catch (error) {
    // The decoder's own words are a developer's detail (counts, ids), shown as they are.
    const detail = error instanceof Error ? error.message : String(error);
    return err(text(`Säkerhetskopians enkätsvar är skadade (${detail}). Inget återställdes.`, `The backup’s survey answers are damaged (${detail}). Nothing was restored.`));
  }
  // The schema reads old string findings in the records; the history's change sets are not
  // parsed deeply, so they get the same conversion as database v3 (undo would write them back).
  return ok({ documents, focusAreas, activities, features, statusEntries, contacts, answerSets, history: (history as BackupHistoryEntry[]).map(upgradeHistoryFindings) });
}

/** Names the record a schema issue lies in by its id, so the planner can find it: ` "nacka-f-3"`. */
function recordName(raw: unknown, path: readonly PropertyKey[]): string {
  const [table, index] = path;
  if (typeof table !== 'string' || typeof index !== 'number' || !raw || typeof raw !== 'object') return '';
  const records = (raw as Record<string, unknown>)[table];
  const id = Array.isArray(records) ? (records[index] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'string' ? ` "${id.slice(0, 80)}"` : '';
}

function upgradeHistoryFindings(entry: BackupHistoryEntry): BackupHistoryEntry {
  const upgrade = (change: ChangeSet): ChangeSet =>
    change.put.features ? { ...change, put: { ...change.put, features: change.put.features.map(upgradeFeatureFindings) } } : change;
  return { ...entry, forward: upgrade(entry.forward), inverse: upgrade(entry.inverse) };
}
