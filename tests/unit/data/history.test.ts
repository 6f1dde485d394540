// Before Dexie loads: it looks for IndexedDB when imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { deleteFeatures, putFeatures } from '../../../src/domain/changes';
import type { TrygghetsDatabase } from '../../../src/data/db';
import { ChangeRejected, HISTORY_LIMIT, perform, readHistoryState, redo, undo } from '../../../src/data/history';
import { schemaV1, schemaV3 } from '../../../src/data/schemas';
import { restoreShippedData, seedIfEmpty } from '../../../src/data/seed';
import { activity, dataset, unsafePlace } from '../fixtures';
import { freshDatabaseName, openTestDatabase, track } from './testDatabases';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';

const L = testMunicipalityLocator();

const open = openTestDatabase;
const freshName = freshDatabaseName;

async function seeded() {
  const db = open();
  await seedIfEmpty(db, dataset(), 'test');
  return db;
}
const names = async (db: TrygghetsDatabase) => (await db.features.toArray()).map((f) => f.name).sort();

describe('edits as change sets with undo and redo', () => {
  it('adds, renames and deletes, and undoes and redoes each step with its label', async () => {
    const db = await seeded();
    await perform(db, putFeatures('Lägg till plats', [unsafePlace({ id: 'f2', name: 'Parken' })]), L);
    await perform(db, putFeatures('Ändra namn', [unsafePlace({ id: 'f2', name: 'Stora parken' })]), L);
    await perform(db, deleteFeatures('Ta bort plats', ['f1']), L);
    expect(await names(db)).toEqual(['Stora parken']);
    expect(await readHistoryState(db)).toEqual({ undoLabel: 'Ta bort plats', redoLabel: null });

    expect(await undo(db, L)).toBe('Ta bort plats');
    expect(await names(db)).toEqual(['Stora parken', 'Torget']);
    expect(await undo(db, L)).toBe('Ändra namn');
    expect(await names(db)).toEqual(['Parken', 'Torget']);
    expect(await undo(db, L)).toBe('Lägg till plats');
    expect(await names(db)).toEqual(['Torget']);
    expect(await undo(db, L)).toBeNull();

    expect(await redo(db, L)).toBe('Lägg till plats');
    expect(await redo(db, L)).toBe('Ändra namn');
    expect(await names(db)).toEqual(['Stora parken', 'Torget']);
    expect(await readHistoryState(db)).toEqual({ undoLabel: 'Ändra namn', redoLabel: 'Ta bort plats' });
  });

  it('clears redo when a new edit is made', async () => {
    const db = await seeded();
    await perform(db, putFeatures('A', [unsafePlace({ id: 'a', name: 'A' })]), L);
    await undo(db, L);
    await perform(db, putFeatures('B', [unsafePlace({ id: 'b', name: 'B' })]), L);
    expect(await redo(db, L)).toBeNull();
    expect(await names(db)).toEqual(['B', 'Torget']);
  });

  it('rejects an invalid or sensitive edit whole, writing nothing', async () => {
    const db = open();
    await seedIfEmpty(db, dataset({ activities: [activity(), activity({ id: 'secret', sensitive: true })] }), 'test');
    const before = await names(db);
    await expect(
      perform(db, putFeatures('Två platser', [unsafePlace({ id: 'ok', name: 'OK' }), unsafePlace({ id: 'bad', activityIds: ['secret'] })]), L),
    ).rejects.toBeInstanceOf(ChangeRejected);
    await expect(perform(db, putFeatures('Fel', [{ ...unsafePlace({ id: 'x' }), geometry: { type: 'Point', coordinates: [500, 500] } }]), L)).rejects.toThrow(
      /koordinaten/,
    );
    await expect(perform(db, putFeatures('Saknas', [unsafePlace({ id: 'y', activityIds: ['nope'] })]), L)).rejects.toThrow(/finns inte/);
    expect(await names(db)).toEqual(before);
    expect(await db.history.count()).toBe(0);
  });

  it('keeps the history over a reload, capped at the limit', async () => {
    const db = await seeded();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) await perform(db, putFeatures(`steg ${i}`, [unsafePlace({ id: 'f1', name: `namn ${i}` })]), L);
    expect(await db.history.count()).toBe(HISTORY_LIMIT);
    const name = db.name;
    db.close();
    const reopened = open(name);
    expect(await undo(reopened, L)).toBe(`steg ${HISTORY_LIMIT + 4}`);
    expect((await reopened.features.get('f1'))?.name).toBe(`namn ${HISTORY_LIMIT + 3}`);
  });

  it('is cleared by restoring the shipped data', async () => {
    const db = await seeded();
    await perform(db, putFeatures('A', [unsafePlace({ id: 'a', name: 'A' })]), L);
    await restoreShippedData(db, dataset(), 'test');
    expect(await db.history.count()).toBe(0);
    expect(await names(db)).toEqual(['Torget']);
  });
});

describe('migration v1 → v2', () => {
  it('keeps every v1 record and adds the history table', async () => {
    const name = freshName();
    const v1 = track(new Dexie(name));
    v1.version(1).stores(schemaV1);
    await v1.table('features').add(unsafePlace({ id: 'old', name: 'Från v1' }));
    await v1.table('meta').put({ key: 'seed', datasetVersion: 'v1', seededAt: '2026-01-01' });
    v1.close();

    const db = open(name);
    expect((await db.features.get('old'))?.name).toBe('Från v1');
    expect((await db.meta.get('seed'))?.datasetVersion).toBe('v1');
    expect(await db.history.count()).toBe(0);
    expect(db.verno).toBe(8); // v3 (findings with positions) and v4 (sync tables) follow in the same opening
  });
});

describe('migration v3 → v4', () => {
  it('keeps every v3 record and history entry and adds the empty sync tables', async () => {
    const name = freshName();
    const v3 = track(new Dexie(name));
    v3.version(3).stores(schemaV3);
    await v3.table('features').add(unsafePlace({ id: 'old', name: 'Från v3' }));
    await v3.table('history').add({ label: 'x', at: '2026-01-01', forward: putFeatures('x', []), inverse: putFeatures('x', []), undone: 0 });
    v3.close();
    const db = open(name);
    expect(await db.features.get('old')).toMatchObject({ name: 'Från v3' });
    expect(await db.history.count()).toBe(1);
    expect([await db.outbox.count(), await db.versions.count(), await db.syncMeta.count()]).toEqual([0, 0, 0]);
    expect(db.verno).toBe(8);
  });
});
