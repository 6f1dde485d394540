import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { RECORD_TABLES } from '../../../src/domain/changes';
import { readSnapshotAndTables } from '../../../src/data/snapshotRead';

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      for (const table of RECORD_TABLES) request.result.createObjectStore(table, { keyPath: 'id' });
      request.result.createObjectStore('snapshot', { keyPath: 'key' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function put(db: IDBDatabase, store: string, records: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, 'readwrite');
    for (const record of records) tx.objectStore(store).put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

describe('the snapshot worker\'s read of every table', () => {
  it('reads every record a slice at a time, and an edit made meanwhile is written before the read ends, not held back by it', async () => {
    const db = await openRaw(`snapshot-read-${Math.random()}`);
    const features = Array.from({ length: 1050 }, (_, i) => ({ id: `p${String(i).padStart(5, '0')}`, name: `Plats ${i}` }));
    await put(db, 'features', features);
    await put(db, 'snapshot', [{ key: 'records', stamp: 's1', writtenAt: '2026-12-01T00:00:00Z', tables: {} }]);

    const order: string[] = [];
    const reading = readSnapshotAndTables(db, 100).then((read) => (order.push('read'), read));
    // A user's edit right after the read started: with one transaction over the tables it waited for all of it.
    const editing = put(db, 'features', [{ id: 'p00001', name: 'Ändrad' }]).then(() => order.push('edit'));
    const [read] = await Promise.all([reading, editing]);
    expect(order).toEqual(['edit', 'read']);
    expect(read.snapshot?.stamp).toBe('s1');
    expect(read.tables.features.map((f) => (f as { id: string }).id)).toEqual(features.map((f) => f.id));
    expect(RECORD_TABLES.every((t) => Array.isArray(read.tables[t]))).toBe(true);
    db.close();
  });
});
