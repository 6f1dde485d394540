import { RECORD_TABLES, emptyChange, type ChangeSet, type RecordTable } from '../domain/changes';
import type { Dataset } from '../domain/dataset';
import type { TrygghetsDatabase } from './db';

/**
 * The start-up snapshot (issue 12): every record table as one stored value. Chromium reads 100 000
 * records with getAll in about 1.6 s, one value holding them in about 0.4–0.7 s, so a start
 * shows the snapshot and a worker then checks it against the tables (snapshotWorker.ts): what
 * differs (an edit since the snapshot was written, another tab's, one behind the app's back)
 * comes back as a change set the view applies, and the worker writes a new snapshot. The tables
 * stay the truth; the snapshot is never written by the write door, so it can only be behind.
 */
export interface SnapshotRecord {
  key: 'records';
  /** Tells one written snapshot from the next: the worker diffs against the one the page read. */
  stamp: string;
  writtenAt: string;
  tables: Record<RecordTable, unknown[]>;
}

export const SNAPSHOT_KEY = 'records';

/** Past this many records to put or delete, a full read is cheaper than checking and cloning the diff. */
export const MAX_SNAPSHOT_DIFF = 2000;

/** What the worker found, for the snapshot the page started from (`stamp`, or none). */
export type SnapshotVerdict =
  | { kind: 'same' }
  /** The tables differ from the snapshot by this change (a few records): apply it. */
  | { kind: 'changed'; change: ChangeSet }
  /** Too much differs, the page had no snapshot, or another snapshot was written meanwhile: read the tables. */
  | { kind: 'read-tables' }
  | { kind: 'failed'; detail: string };

export interface SnapshotRequest {
  database: string;
  stamp: string | null;
}

/**
 * The change that turns the snapshot's tables into the stored ones, or null when more than `limit`
 * records differ. Records compare by their JSON: both sides came out of IndexedDB's structured
 * clone of the same writes, so an unchanged record serialises the same.
 */
export function snapshotDiff(
  snapshot: Record<RecordTable, unknown[]>,
  stored: Record<RecordTable, unknown[]>,
  limit = MAX_SNAPSHOT_DIFF,
): ChangeSet | null {
  const change = emptyChange('snapshot');
  let count = 0;
  for (const table of RECORD_TABLES) {
    const before = new Map<string, string>();
    for (const record of snapshot[table] ?? []) before.set(idOf(record), JSON.stringify(record));
    const put: unknown[] = [];
    for (const record of stored[table] ?? []) {
      const id = idOf(record);
      const was = before.get(id);
      before.delete(id);
      if (was === JSON.stringify(record)) continue;
      put.push(record);
      if (++count > limit) return null;
    }
    const gone = [...before.keys()];
    count += gone.length;
    if (count > limit) return null;
    if (put.length) (change.put as Record<string, unknown[]>)[table] = put;
    if (gone.length) change.delete[table] = gone;
  }
  return change;
}

function idOf(record: unknown): string {
  return String((record as { id?: unknown } | null)?.id ?? '');
}

/** The snapshot's tables as the view takes them (they were records of the tables when written). */
export function snapshotDataset(record: SnapshotRecord): Dataset {
  return Object.fromEntries(RECORD_TABLES.map((table) => [table, record.tables[table] ?? []])) as unknown as Dataset;
}

/** Asks a worker to check the snapshot the page started from against the tables, and to write a new one if they differ. */
export function verifySnapshot(database: string, stamp: string | null): Promise<SnapshotVerdict> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./snapshotWorker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      return resolve({ kind: 'failed', detail: String(error) });
    }
    // The worker closes itself once it has written a new snapshot (after the verdict, so the page need not wait for the write).
    worker.onmessage = (event: MessageEvent<SnapshotVerdict>) => resolve(event.data);
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ kind: 'failed', detail: event.message || 'worker error' });
    };
    worker.postMessage({ database, stamp } satisfies SnapshotRequest);
  });
}

/** The snapshot as stored, or null (none yet, or unreadable: then the tables are read as before). */
export async function readSnapshot(db: TrygghetsDatabase): Promise<SnapshotRecord | null> {
  try {
    const record = await db.snapshot.get(SNAPSHOT_KEY);
    return record && typeof record.stamp === 'string' && record.tables && typeof record.tables === 'object' ? record : null;
  } catch {
    return null;
  }
}

/** Forgets the snapshot (after everything was replaced); the next start reads the tables. */
export async function dropSnapshot(db: TrygghetsDatabase): Promise<void> {
  try {
    await db.snapshot.delete(SNAPSHOT_KEY);
  } catch {
    // Unreadable or gone: the next start's check finds the tables differ all the same.
  }
}
