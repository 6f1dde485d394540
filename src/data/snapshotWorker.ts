/// <reference lib="webworker" />
// Checks the start-up snapshot against the record tables, off the main thread (startupSnapshot.ts):
// reads both (a slice at a time, so edits meanwhile need not wait), posts the verdict, then writes a new snapshot if they differ.
// Plain IndexedDB, not Dexie: two reads and a put do not need it, and the worker stays small.
import { RECORD_TABLES, type RecordTable } from '../domain/changes';
import { readSnapshotAndTables } from './snapshotRead';
import { SNAPSHOT_KEY, snapshotDiff, type SnapshotRecord, type SnapshotRequest, type SnapshotVerdict } from './startupSnapshot';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<SnapshotRequest>) => {
  void check(event.data.database, event.data.stamp).finally(() => self.close());
};

async function check(name: string, stamp: string | null): Promise<void> {
  let db: IDBDatabase | null = null;
  try {
    db = await open(name);
    const { tables, snapshot } = await readSnapshotAndTables(db);
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
