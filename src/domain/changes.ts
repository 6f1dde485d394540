import type { Activity } from './activity';
import type { Contact } from './contact';
import type { FocusArea } from './focusArea';
import type { PromiseDocument } from './promiseDocument';
import type { SafetyFeature } from './safetyFeature';
import type { StatusEntry } from './statusEntry';

/** The record tables a change can touch. */
export const RECORD_TABLES = ['documents', 'focusAreas', 'activities', 'features', 'statusEntries', 'contacts'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

export interface RecordOf {
  documents: PromiseDocument;
  focusAreas: FocusArea;
  activities: Activity;
  features: SafetyFeature;
  statusEntries: StatusEntry;
  contacts: Contact;
}

/**
 * One user edit as data: records to write and ids to delete, per table, under a label the undo
 * button shows. Applying a change returns its inverse, which is again a ChangeSet.
 */
export interface ChangeSet {
  label: string;
  put: { [T in RecordTable]?: RecordOf[T][] };
  delete: { [T in RecordTable]?: string[] };
}

export function emptyChange(label: string): ChangeSet {
  return { label, put: {}, delete: {} };
}

export function putFeatures(label: string, features: SafetyFeature[]): ChangeSet {
  return { label, put: { features }, delete: {} };
}

export function deleteFeatures(label: string, ids: string[]): ChangeSet {
  return { label, put: {}, delete: { features: ids } };
}

export function touchedIds(change: ChangeSet, table: RecordTable): string[] {
  return [...new Set([...(change.put[table] ?? []).map((r) => r.id), ...(change.delete[table] ?? [])])];
}

export function isEmptyChange(change: ChangeSet): boolean {
  return RECORD_TABLES.every((t) => !change.put[t]?.length && !change.delete[t]?.length);
}

/**
 * The change that undoes `change`, given every touched record as it was before (undefined = did
 * not exist): a record that existed is put back as it was, one that did not is deleted.
 */
export function invertChange(change: ChangeSet, before: { [T in RecordTable]?: Map<string, RecordOf[T] | undefined> }): ChangeSet {
  const inverse = emptyChange(change.label);
  for (const table of RECORD_TABLES) {
    const previous = before[table] ?? new Map();
    const restore: RecordOf[typeof table][] = [];
    const remove: string[] = [];
    // A Set, not a search of the put list per id: an import of 100 000 places stays linear.
    const put = new Set((change.put[table] ?? []).map((r) => r.id));
    for (const id of touchedIds(change, table)) {
      const old = previous.get(id);
      if (old) restore.push(old as never);
      else if (put.has(id)) remove.push(id);
    }
    if (restore.length) (inverse.put as Record<string, unknown[]>)[table] = restore;
    if (remove.length) inverse.delete[table] = remove;
  }
  return inverse;
}
