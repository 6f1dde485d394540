import type { ChangeSet, RecordTable } from '../changes';
import { recordDifferences } from './differences';
import type { LoggedChange } from './push';

export type RecordChangeKind = 'created' | 'changed' | 'deleted';

/** One line of a record's history: who changed it, when, under which label, and which fields. */
export interface RecordHistoryEntry {
  seq: number;
  author: string;
  at: string;
  label: string;
  kind: RecordChangeKind;
  /** The top-level fields that differ before and after (all of them for a created or deleted record), sorted. */
  fields: string[];
}

/** The log entries a record's history is made of; only what this function reads. */
export type HistorySource = Pick<LoggedChange, 'seq' | 'author' | 'at' | 'label' | 'forward' | 'inverse'>;

/** What one change set leaves of a record: the record, null (deleted or absent), or undefined (not touched). */
function recordIn(change: ChangeSet, table: RecordTable, id: string): unknown {
  // The write door applies deletes before puts (server/store/records.ts), so a put of the same id wins.
  const put = (change.put[table] as { id: string }[] | undefined)?.find((record) => record.id === id);
  if (put) return put;
  return change.delete[table]?.includes(id) ? null : undefined;
}

/**
 * The history of one record, newest first, from change-log entries (any subset, any order:
 * entries that do not touch the record are skipped). Before and after come from the entry
 * itself, not from replaying the log, so a page of the log is enough: the forward change holds
 * the record after (or its deletion), the inverse puts the old record back, or deletes the id
 * when the record did not exist before. A delete of a record that did not exist (allowed with
 * base version null) is listed as a deletion with no fields: it is in the log, and says so.
 */
export function recordHistory(entries: readonly HistorySource[], table: RecordTable, id: string): RecordHistoryEntry[] {
  const history: RecordHistoryEntry[] = [];
  for (const entry of entries) {
    const after = recordIn(entry.forward, table, id);
    if (after === undefined) continue;
    // Not in the inverse at all: the forward change deleted an id that did not exist.
    const before = recordIn(entry.inverse, table, id) ?? null;
    const kind: RecordChangeKind = after === null ? 'deleted' : before === null ? 'created' : 'changed';
    history.push({ seq: entry.seq, author: entry.author, at: entry.at, label: entry.label, kind, fields: changedFields(before, after) });
  }
  return history.sort((a, b) => b.seq - a.seq);
}

/**
 * The fields in which two versions differ, sorted; null is a record that is not there. A
 * place's details are named field by field (`details.year`), as the conflict panel names them,
 * so a history line says what a person changed, not just "details".
 */
function changedFields(before: unknown, after: unknown): string[] {
  return recordDifferences(before, after)
    .map((d) => d.field)
    .sort();
}
