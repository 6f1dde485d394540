// Before Dexie loads: it looks for IndexedDB when imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ChangeRejected, perform, undo } from '../../../src/data/history';
import { readDataset } from '../../../src/data/readDataset';
import { schemaV4 } from '../../../src/data/schemas';
import { seedIfEmpty } from '../../../src/data/seed';
import { readBackupContent, restoreBackup } from '../../../src/data/backupStore';
import { indexDataset } from '../../../src/domain/dataset';
import { parseBackup, serializeBackup } from '../../../src/io/backup';
import type { ChangeSet } from '../../../src/domain/changes';
import { activity, dataset, statusEntry } from '../fixtures';
import { freshDatabaseName, openTestDatabase, track } from './testDatabases';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';

const L = testMunicipalityLocator();
const add = (...entries: ReturnType<typeof statusEntry>[]): ChangeSet => ({ label: 'Ny status', put: { statusEntries: entries }, delete: {} });

async function seeded() {
  const db = openTestDatabase();
  await seedIfEmpty(db, dataset(), 'test');
  return db;
}

async function rejection(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChangeRejected) return error.issues.map((i) => i.code);
    throw error;
  }
  return [];
}

describe('status entries through the write door', () => {
  it('adds dated entries, the latest is the current status, and undo removes just that entry', async () => {
    const db = await seeded();
    await perform(db, add(statusEntry({ id: 'e1', date: '2026-03-14', status: 'ongoing' })), L);
    await perform(db, add(statusEntry({ id: 'e2', date: '2026-10-02', status: 'done', note: 'Alla tre vandringar gjorda' })), L);
    const view = indexDataset((await readDataset(db)).dataset);
    expect(view.statusEntriesByActivity.get('act')?.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(view.activities.get('act')?.status).toBe('done');
    // The stored activity keeps the status it was written with: the entries say what happened since.
    expect((await db.activities.get('act'))?.status).toBe('planned');

    await undo(db, L);
    const after = indexDataset((await readDataset(db)).dataset);
    expect(after.activities.get('act')?.status).toBe('ongoing');
    expect(await db.statusEntries.count()).toBe(1);
  });

  it('two people adding entries to the same activity never touch the same record', async () => {
    const db = await seeded();
    await perform(db, add(statusEntry({ id: 'mine', recordedAt: '2026-03-14T10:00:00.000Z' })), L, { basedOn: { statusEntries: { mine: null } } });
    await perform(db, add(statusEntry({ id: 'theirs', status: 'done', recordedAt: '2026-03-14T11:00:00.000Z' })), L, { basedOn: { statusEntries: { theirs: null } } });
    expect((await db.statusEntries.toArray()).map((e) => e.id).sort()).toEqual(['mine', 'theirs']);
    // Same day: the one written later is the current status.
    expect(indexDataset((await readDataset(db)).dataset).activities.get('act')?.status).toBe('done');
  });

  it('refuses to rewrite a stored entry, an entry of an activity that does not exist or names another document, and says why', async () => {
    const db = await seeded();
    await perform(db, add(statusEntry({ id: 'e1' })), L);
    expect(await rejection(perform(db, add(statusEntry({ id: 'e1', status: 'done' })), L))).toEqual(['append-only']);
    expect(await rejection(perform(db, add(statusEntry({ id: 'e2', activityId: 'nope' })), L))).toEqual(['missing-activity']);
    expect(await rejection(perform(db, add(statusEntry({ id: 'e3', documentId: 'other' })), L))).toEqual(['entry-in-other-document']);
    expect(await rejection(perform(db, add(statusEntry({ id: 'e4', date: '14/3/2026' })), L))).toEqual(['schema']);
    expect((await db.statusEntries.toArray()).map((e) => e.id)).toEqual(['e1']);
    // The same entry again, unchanged, is a replay and harmless.
    await perform(db, add(statusEntry({ id: 'e1' })), L);
  });

  it('an activity with entries cannot be deleted out from under them', async () => {
    const db = openTestDatabase();
    await seedIfEmpty(db, dataset({ features: [] }), 'test');
    await perform(db, add(statusEntry({ id: 'e1' })), L);
    const remove: ChangeSet = { label: 'Ta bort', put: {}, delete: { activities: ['act'] } };
    expect(await rejection(perform(db, remove, L))).toEqual(['still-referenced']);
    await perform(db, { ...remove, delete: { activities: ['act'], statusEntries: ['e1'] } }, L);
    expect(await db.activities.count()).toBe(0);
  });

  it('police add entries in their municipalities under their own name; readers and others are refused', async () => {
    const db = await seeded();
    const police = { role: 'police' as const, municipalities: ['0182'], email: 'polis@example.se' };
    await perform(db, add(statusEntry({ id: 'p1', author: 'polis@example.se' })), L, { writer: police });
    expect(await rejection(perform(db, add(statusEntry({ id: 'p2', author: 'someone@example.se' })), L, { writer: police }))).toEqual(['author-not-writer']);
    expect(await rejection(perform(db, add(statusEntry({ id: 'p3', author: 'polis@example.se' })), L, { writer: { ...police, municipalities: ['0120'] } }))).toEqual(['outside-scope']);
    expect(await rejection(perform(db, add(statusEntry({ id: 'p4' })), L, { writer: { role: 'reader', municipalities: ['0182'] } }))).toEqual(['read-only']);
    // Undo of one's own entry is a delete: allowed, judged by the entry's municipality.
    await undo(db, L, { writer: police });
    expect(await db.statusEntries.count()).toBe(0);
  });
});

describe('status entries in storage and backups', () => {
  it('database v5 adds the table to a v4 database and keeps its records', async () => {
    const name = freshDatabaseName();
    const v4 = track(new Dexie(name));
    v4.version(4).stores(schemaV4);
    await v4.table('activities').add(activity({ id: 'old' }));
    v4.close();
    const db = openTestDatabase(name);
    expect(await db.activities.get('old')).toMatchObject({ id: 'old' });
    expect(await db.statusEntries.count()).toBe(0);
    expect(db.verno).toBe(8);
  });

  it('a backup carries the entries; a version-1 backup (before entries) still restores', async () => {
    const db = await seeded();
    await perform(db, add(statusEntry({ id: 'e1' })), L);
    const text = serializeBackup(await readBackupContent(db));
    const parsed = parseBackup(text);
    expect(parsed.ok && parsed.value.statusEntries.map((e) => e.id)).toEqual(['e1']);

    const old = JSON.parse(text) as Record<string, unknown>;
    delete old.statusEntries;
    old.version = 1;
    old.history = [];
    const v1 = parseBackup(JSON.stringify(old));
    expect(v1.ok && v1.value.statusEntries).toEqual([]);
    if (!v1.ok) return;
    await restoreBackup(db, v1.value, L);
    expect(await db.statusEntries.count()).toBe(0);
    expect(await db.activities.count()).toBe(1);
  });
});
