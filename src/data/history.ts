import { invertChange, isEmptyChange, RECORD_TABLES, touchedIds, type ChangeSet, type RecordOf, type RecordTable } from '../domain/changes';
import type { MunicipalityLocator } from '../domain/places/municipalityLocator';
import type { Issue } from '../domain/result';
import { checkChange } from '../domain/rules/checkChange';
import { HISTORY_LIMIT, historyStepIssues } from '../domain/rules/historyEntry';
import { isBlocking } from '../domain/rules/lookup';
import { writePermissionIssues, type Writer } from '../domain/rules/writePermission';
import { recordHistory, type RecordHistoryEntry } from '../domain/sync/recordHistory';
import { leftBehind, staleRecords, type RecordsSeen, type StaleRecord } from '../domain/sync/staleBase';
import { loadChangeContext } from './changeContext';
import { publishAfterCommit } from './changeFeed';
import { baseVersionsOf, enqueue } from './sync/outbox';
import type { HistoryEntry, TrygghetsDatabase } from './db';

export { HISTORY_LIMIT };

/** A change the write door refused: nothing of it was written. `issues` name each record and rule. */
export class ChangeRejected extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => `${i.subject}: ${i.message}`).join('; '));
  }
}

/**
 * Someone else changed records this change was made on (another tab, or a pulled change of
 * another user): nothing was written. `records` has what the editor saw and what is stored now,
 * so the user can choose; the door never overwrites silently.
 */
export class ChangeConflict extends Error {
  constructor(readonly records: StaleRecord[]) {
    super(`changed meanwhile: ${records.map((r) => `${r.table}/${r.id}`).join(', ')}`);
  }
}

/**
 * The one door for writes. Edits, imports, undo and redo all pass here: the change is checked by
 * the domain's rules against the stored records it touches and links to, inside the transaction
 * that writes it, so a refused change leaves the database as it was.
 */
export async function checkedApply(db: TrygghetsDatabase, change: ChangeSet, locator: MunicipalityLocator | null, options: WriteOptions = {}): Promise<ChangeSet> {
  if (options.basedOn) await refuseStale(db, options.basedOn);
  const stored = await loadChangeContext(db, change);
  // Signed in: the server's permission rule, here first, so an edit outside the user's scope is
  // refused at once with its reason instead of waiting in the outbox for the server's 403.
  const denied = options.writer ? writePermissionIssues(change, { stored }, options.writer) : [];
  if (denied.length) throw new ChangeRejected(denied);
  const blocking = checkChange(change, { stored, locator }).filter(isBlocking);
  if (blocking.length) throw new ChangeRejected(blocking);
  // Queued for the team server in the same transaction: an edit is never stored without it.
  const bases = options.outbox ? await baseVersionsOf(db, change) : null;
  const inverse = await apply(db, change);
  if (bases) await enqueue(db, change, bases, inverse);
  return inverse;
}

export interface WriteOptions {
  /** Signed in to a team server: the change also goes to the outbox. */
  outbox?: boolean;
  /** The records as the editor saw them: if any moved on since, the write is a conflict, not an overwrite. */
  basedOn?: RecordsSeen;
  /** Signed in: who writes, checked with the server's own permission rule. */
  writer?: Writer;
}

export interface StepOptions {
  outbox?: boolean;
  writer?: Writer;
  /** Undo/redo even though someone changed the records since (the user chose to, seeing the conflict). */
  force?: boolean;
}

async function refuseStale(db: TrygghetsDatabase, seen: RecordsSeen): Promise<void> {
  const current = new Map<string, unknown>();
  for (const table of RECORD_TABLES) {
    const ids = Object.keys(seen[table] ?? {});
    if (!ids.length) continue;
    const records = await tableOf(db, table).bulkGet(ids);
    ids.forEach((id, i) => current.set(`${table}/${id}`, records[i]));
  }
  const stale = staleRecords(seen, (table, id) => current.get(`${table}/${id}`));
  if (stale.length) throw new ChangeConflict(stale);
}

/** Every table a write may touch, so one transaction covers the records, the history and the outbox. */
const writeTables = (db: TrygghetsDatabase) => [...db.recordTables, db.history, db.outbox, db.versions];

/**
 * Applies a change in one transaction with the history: either all of it is stored and recorded
 * (clearing redo), or nothing is.
 */
export async function perform(db: TrygghetsDatabase, change: ChangeSet, locator: MunicipalityLocator | null, options: WriteOptions = {}): Promise<void> {
  if (isEmptyChange(change)) return;
  await db.transaction('rw', writeTables(db), async () => {
    const inverse = await checkedApply(db, change, locator, options);
    await db.history.where('undone').equals(1).delete();
    await db.history.add({ label: change.label, at: new Date().toISOString(), forward: change, inverse, undone: 0 });
    const count = await db.history.count();
    if (count > HISTORY_LIMIT) {
      const oldest = await db.history.orderBy('seq').limit(count - HISTORY_LIMIT).primaryKeys();
      await db.history.bulkDelete(oldest);
    }
  });
}

/**
 * Undoes the latest done entry; returns its label, or null when there is nothing to undo. A
 * stored entry that would break a rule (a damaged or injected history) is refused, not applied.
 */
export async function undo(db: TrygghetsDatabase, locator: MunicipalityLocator | null, options: StepOptions = {}): Promise<string | null> {
  return db.transaction('rw', writeTables(db), async () => {
    const entry = await db.history.where('undone').equals(0).last();
    if (!entry) return null;
    refuseMalformed(entry);
    // Undo expects the records as my change left them; if someone changed them since, it is a conflict.
    await checkedApply(db, entry.inverse, locator, { outbox: options.outbox, writer: options.writer, basedOn: options.force ? undefined : leftBehind(entry.forward) });
    await db.history.update(entry.seq!, { undone: 1 });
    return entry.label;
  });
}

/** Redoes the earliest undone entry; returns its label, or null. Checked like undo. */
export async function redo(db: TrygghetsDatabase, locator: MunicipalityLocator | null, options: StepOptions = {}): Promise<string | null> {
  return db.transaction('rw', writeTables(db), async () => {
    const entry = await db.history.where('undone').equals(1).first();
    if (!entry) return null;
    refuseMalformed(entry);
    await checkedApply(db, entry.forward, locator, { outbox: options.outbox, writer: options.writer, basedOn: options.force ? undefined : leftBehind(entry.inverse) });
    await db.history.update(entry.seq!, { undone: 0 });
    return entry.label;
  });
}

function refuseMalformed(entry: HistoryEntry): void {
  const issues = historyStepIssues(entry, entry.label);
  if (issues.length) throw new ChangeRejected(issues);
}

export interface HistoryState {
  undoLabel: string | null;
  redoLabel: string | null;
}

export async function readHistoryState(db: TrygghetsDatabase): Promise<HistoryState> {
  const [done, undone] = await Promise.all([db.history.where('undone').equals(0).last(), db.history.where('undone').equals(1).first()]);
  return { undoLabel: done?.label ?? null, redoLabel: undone?.label ?? null };
}

export async function readHistory(db: TrygghetsDatabase): Promise<HistoryEntry[]> {
  return db.history.orderBy('seq').toArray();
}

/** Writes a change and returns its inverse; must run inside a transaction over the tables. */
async function apply(db: TrygghetsDatabase, change: ChangeSet): Promise<ChangeSet> {
  const before: { [T in RecordTable]?: Map<string, RecordOf[T] | undefined> } = {};
  for (const table of RECORD_TABLES) {
    const ids = touchedIds(change, table);
    if (!ids.length) continue;
    const records = await tableOf(db, table).bulkGet(ids);
    (before as Record<string, Map<string, unknown>>)[table] = new Map(ids.map((id, i) => [id, records[i]]));
  }
  for (const table of RECORD_TABLES) {
    const removals = change.delete[table];
    if (removals?.length) await tableOf(db, table).bulkDelete(removals);
    const puts = change.put[table];
    if (puts?.length) await tableOf(db, table).bulkPut(puts as never[]);
  }
  publishAfterCommit({ kind: 'change', change });
  return invertChange(change, before);
}

function tableOf(db: TrygghetsDatabase, table: RecordTable) {
  return db[table] as unknown as import('dexie').Table<{ id: string }, string>;
}

/**
 * A record's history as this browser recorded it (its done steps, newest first): who is always
 * this browser's user, so `author` is empty; a team server's change log names the people.
 */
export async function readLocalRecordHistory(db: TrygghetsDatabase, table: RecordTable, id: string): Promise<RecordHistoryEntry[]> {
  const done = await db.history.where('undone').equals(0).toArray();
  return recordHistory(
    done.map((entry) => ({ seq: entry.seq ?? 0, author: '', at: entry.at, label: entry.label, forward: entry.forward, inverse: entry.inverse })),
    table,
    id,
  );
}
