import { RECORD_TABLES, type ChangeSet, type RecordOf, type RecordTable } from '../changes';
import { sameRecord } from '../sameRecord';

/**
 * The records an edit was made on, as the person editing saw them (null: it did not exist). A
 * change carries this so the write door can tell whether someone else (another tab, or another
 * user whose change was pulled meanwhile) changed a record since: the record's content is its
 * version here, so two tabs compare what they saw, not a counter they would have to share.
 */
export type RecordsSeen = { [T in RecordTable]?: Record<string, RecordOf[T] | null> };

/** A record that moved on since it was seen: what the editor saw and what is stored now. */
export interface StaleRecord {
  table: RecordTable;
  id: string;
  seen: unknown;
  current: unknown;
}

/** The records in `seen` that are no longer as seen; `current` gives each as stored now (undefined: absent). */
export function staleRecords(seen: RecordsSeen, current: (table: RecordTable, id: string) => unknown): StaleRecord[] {
  const stale: StaleRecord[] = [];
  for (const table of RECORD_TABLES) {
    for (const [id, record] of Object.entries(seen[table] ?? {})) {
      const now = current(table, id) ?? null;
      if (!sameRecord(record ?? null, now)) stale.push({ table, id, seen: record ?? null, current: now });
    }
  }
  return stale;
}

/**
 * What a change left behind, as records seen: its puts as written, its deletes gone. Undoing a
 * change expects to find exactly this; anything else means someone changed the records since.
 */
export function leftBehind(change: ChangeSet): RecordsSeen {
  const seen: RecordsSeen = {};
  for (const table of RECORD_TABLES) {
    const entries: Record<string, unknown> = {};
    for (const id of change.delete[table] ?? []) entries[id] = null;
    for (const record of change.put[table] ?? []) entries[record.id] = record;
    if (Object.keys(entries).length) (seen as Record<string, unknown>)[table] = entries;
  }
  return seen;
}

/** The records of one table as seen by an editor. */
export function seenRecords<T extends RecordTable>(table: T, records: Record<string, RecordOf[T] | null>): RecordsSeen {
  return { [table]: records } as RecordsSeen;
}
