/// <reference lib="webworker" />
// Checks the start-up snapshot against the record tables, off the main thread (startupSnapshot.ts):
// reads both in one transaction, posts the verdict, then writes a new snapshot if they differ.
// Plain IndexedDB, not Dexie: two reads and a put do not need it, and the worker stays small.
import { RECORD_TABLES, type RecordTable } from '../domain/changes';
import { SNAPSHOT_KEY, snapshotDiff, type SnapshotRecord, type SnapshotRequest, type SnapshotVerdict } from './startupSnapshot';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<SnapshotRequest>) => {
  void check(event.data.database, event.data.stamp).finally(() => self.close());
};

async function check(name: string, stamp: string | null): Promise<void> {
  let db: IDBDatabase | null = null;
  try {
    db = await open(name);
    const { tables, snapshot } = await readAll(db);
    const verdict = judge(stamp, snapshot, tables);
    self.postMessage(verdict);
    if (verdict.kind !== 'same') await write(db, tables);
  } catch (error) {
    self.postMessage({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) } satisfies SnapshotVerdict);
  } finally {
    db?.close();
  }
}

function judge(stamp: string | null, snapshot: SnapshotRecord | undefined, tables: Record<RecordTable, unknown[]>): SnapshotVerdict {
  // No snapshot read, or another tab wrote a new one since: the page's records are not this snapshot's.
  if (!stamp || !snapshot || snapshot.stamp !== stamp) return { kind: 'read-tables' };
  const change = snapshotDiff(snapshot.tables, tables);
  if (!change) return { kind: 'read-tables' };
  const empty = RECORD_TABLES.every((t) => !change.put[t]?.length && !change.delete[t]?.length);
  return empty ? { kind: 'same' } : { kind: 'changed', change };
}

function open(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    // No version: the page has opened (and upgraded) the database before it asks.
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      const db = request.result;
      // Never block another tab's upgrade.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('blocked'));
  });
}

/**
 * Every table and the snapshot, in one transaction (one consistent state), the tables a slice at a
 * time: a page reloaded meanwhile must not wait for this worker inside one long getAll.
 */
function readAll(db: IDBDatabase): Promise<{ tables: Record<RecordTable, unknown[]>; snapshot: SnapshotRecord | undefined }> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction([...RECORD_TABLES, 'snapshot'], 'readonly');
    const tables = {} as Record<RecordTable, unknown[]>;
    let snapshot: SnapshotRecord | undefined;
    const slices = (table: RecordTable, after?: IDBValidKey) => {
      const request = tx.objectStore(table).getAll(after === undefined ? null : IDBKeyRange.lowerBound(after, true), SLICE);
      request.onsuccess = () => {
        const records = request.result as { id: string }[];
        for (const record of records) (tables[table] ??= []).push(record);
        tables[table] ??= [];
        if (records.length === SLICE) slices(table, records[records.length - 1]!.id);
      };
    };
    for (const table of RECORD_TABLES) slices(table);
    const request = tx.objectStore('snapshot').get(SNAPSHOT_KEY);
    request.onsuccess = () => (snapshot = request.result as SnapshotRecord | undefined);
    tx.oncomplete = () => resolve({ tables, snapshot });
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
}

const SLICE = 5000;

function write(db: IDBDatabase, tables: Record<RecordTable, unknown[]>): Promise<void> {
  const record: SnapshotRecord = { key: SNAPSHOT_KEY, stamp: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`, writtenAt: new Date().toISOString(), tables };
  return new Promise((resolve, reject) => {
    const tx = db.transaction('snapshot', 'readwrite');
    tx.objectStore('snapshot').put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
}
