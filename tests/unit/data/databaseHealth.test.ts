// Before Dexie loads: it looks for IndexedDB when imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { classifyStorageError, NewerDatabaseError, watchDatabase, type StorageFailure } from '../../../src/data/databaseHealth';
import { TrygghetsDatabase } from '../../../src/data/db';
import { seedIfEmpty } from '../../../src/data/seed';
import { shippedDataset } from '../../../src/data/shipped';
import { freshDatabaseName, track } from './testDatabases';

if (!shippedDataset.ok) throw new Error('shipped dataset invalid');
const shipped = shippedDataset.value;

/** A plain IndexedDB connection, as another tab (or an older app without a versionchange handler) would hold. */
function rawOpen(name: string, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function seededDatabase(name: string): Promise<void> {
  const db = new TrygghetsDatabase(name);
  await seedIfEmpty(db, shipped, 'test');
  db.close();
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  return check();
};

describe('a database the app cannot use is named, never a crash', () => {
  it('refuses a database a newer app version made, and leaves it untouched', async () => {
    const name = freshDatabaseName();
    await seededDatabase(name);
    (await rawOpen(name, 999)).close();

    const db = track(new TrygghetsDatabase(name));
    const failure = await watchDatabase(db).open();
    expect(failure).toEqual({ problem: 'newer-version', detail: expect.stringContaining('version 99') });
    // Every later query fails the same way, Dexie's automatic open included: nothing reads or writes it.
    const later = await db.features.count().catch((error: unknown) => classifyStorageError(error));
    expect(later).toMatchObject({ problem: 'newer-version' });

    const raw = await rawOpen(name);
    expect(raw.version).toBe(999);
    const count = await new Promise<number>((resolve) => {
      const request = raw.transaction('features').objectStore('features').count();
      request.onsuccess = () => resolve(request.result);
    });
    raw.close();
    expect(count).toBe(shipped.features.length);
  });

  it('opens a database of its own version as usual', async () => {
    const name = freshDatabaseName();
    await seededDatabase(name);
    const db = track(new TrygghetsDatabase(name));
    expect(await watchDatabase(db).open()).toBeNull();
    expect(await db.features.count()).toBe(shipped.features.length);
  });

  it('says an upgrade is blocked by another tab, and goes on once that tab lets go', async () => {
    const name = freshDatabaseName();
    // An older version (v1, native 10) open elsewhere, which does not close when asked.
    const older = await rawOpen(name, 10);
    const db = track(new TrygghetsDatabase(name));
    const health = watchDatabase(db);
    const told: StorageFailure[] = [];
    health.subscribe((f) => told.push(f));
    const opening = health.open();
    expect(await until(() => told.length > 0)).toBe(true);
    expect(told[0]).toMatchObject({ problem: 'blocked' });

    older.close();
    expect(await opening).toBeNull();
    expect(await seedIfEmpty(db, shipped, 'test')).toBe('seeded');
  });

  it('lets go when another tab upgrades, and says so', async () => {
    const name = freshDatabaseName();
    await seededDatabase(name);
    const db = track(new TrygghetsDatabase(name));
    const health = watchDatabase(db);
    const told: StorageFailure[] = [];
    health.subscribe((f) => told.push(f));
    expect(await health.open()).toBeNull();

    // The newer tab is not blocked: this one closes (db.ts) after telling.
    (await rawOpen(name, 990)).close();
    expect(told).toEqual([{ problem: 'upgraded-elsewhere', detail: expect.stringContaining('99') }]);
    const later = await db.features.count().catch((error: unknown) => classifyStorageError(error));
    expect(later).toMatchObject({ problem: 'upgraded-elsewhere' });
  });

  it('says when the browser offers no IndexedDB (private mode, storage turned off)', async () => {
    const saved = Dexie.dependencies.indexedDB;
    Dexie.dependencies.indexedDB = undefined as unknown as IDBFactory;
    try {
      const db = new TrygghetsDatabase(freshDatabaseName());
      expect(await watchDatabase(db).open()).toEqual({ problem: 'no-indexeddb', detail: '' });
    } finally {
      Dexie.dependencies.indexedDB = saved;
    }
  });

  it('names the problem behind the errors browsers and Dexie give', () => {
    const error = (name: string, message = name, inner?: unknown) => Object.assign(new Error(message), { name, inner });
    expect(classifyStorageError(error('VersionError')).problem).toBe('newer-version');
    expect(classifyStorageError(error('DatabaseClosedError', 'closed', new NewerDatabaseError(99, 2))).problem).toBe('newer-version');
    // Firefox in private mode before version 115.
    expect(classifyStorageError(error('InvalidStateError', 'A mutation operation was attempted on a database that did not allow mutations.')).problem).toBe('no-indexeddb');
    expect(classifyStorageError(error('OpenFailedError', 'open failed', error('SecurityError'))).problem).toBe('no-indexeddb');
    expect(classifyStorageError(error('DatabaseClosedError', 'Database has been closed')).problem).toBe('upgraded-elsewhere');
    expect(classifyStorageError(error('OpenFailedError', 'QuotaExceededError Disken är full', error('QuotaExceededError', 'Disken är full')))).toEqual({
      problem: 'open-failed',
      detail: 'QuotaExceededError Disken är full',
    });
    expect(classifyStorageError('något annat')).toEqual({ problem: 'open-failed', detail: 'något annat' });
  });
});
