// The snapshot worker's read (snapshotWorker.ts), apart so a unit test can run it against an IndexedDB.
import { RECORD_TABLES, type RecordTable } from '../domain/changes';
import { SNAPSHOT_KEY, type SnapshotRecord } from './startupSnapshot';

const SLICE = 5000;

/**
 * The snapshot, then every table a slice at a time, each slice in a transaction of its own: one
 * transaction over 100 000 records held the tables for a second and more, and every edit the user
 * made meanwhile waited for it (a read-only transaction holds back writes to its stores). A write
 * that lands between two slices is in the page's change feed, which is newer than this read: the
 * page leaves what the feed touched out of the verdict (useStoredData.ts newerThanFeed), and the
 * next snapshot, written after that edit, has it.
 */
export async function readSnapshotAndTables(db: IDBDatabase, slice = SLICE): Promise<{ tables: Record<RecordTable, unknown[]>; snapshot: SnapshotRecord | undefined }> {
  const snapshot = (await inTransaction(db, 'snapshot', (store) => store.get(SNAPSHOT_KEY))) as SnapshotRecord | undefined;
  const tables = {} as Record<RecordTable, unknown[]>;
  for (const table of RECORD_TABLES) {
    const records: unknown[] = (tables[table] = []);
    let after: IDBValidKey | undefined;
    for (;;) {
      const part = (await inTransaction(db, table, (store) => store.getAll(after === undefined ? null : IDBKeyRange.lowerBound(after, true), slice))) as { id: string }[];
      for (const record of part) records.push(record);
      if (part.length < slice) break;
      after = part[part.length - 1]!.id;
    }
  }
  return { tables, snapshot };
}

/** One request in a read-only transaction of its own; resolves once the transaction has completed. */
function inTransaction(db: IDBDatabase, store: string, request: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readonly');
    const req = request(tx.objectStore(store));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
}
