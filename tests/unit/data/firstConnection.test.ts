// Before Dexie loads: it looks for IndexedDB when imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteFeatures, putFeatures } from '../../../src/domain/changes';
import { perform } from '../../../src/data/history';
import { seedIfEmpty } from '../../../src/data/seed';
import { keepLocalEditsApart, readLocalEditsAtJoin, uploadLocalEdits } from '../../../src/data/sync/firstConnection';
import { localEdits } from '../../../src/domain/sync/localEdits';
import { dataset, unsafePlace } from '../fixtures';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';
import { openTestDatabase } from './testDatabases';

const L = testMunicipalityLocator();
const shipped = dataset({ features: [unsafePlace(), unsafePlace({ id: 'f2', name: 'Stationen' })] });
const nackaPlanner = { role: 'planner' as const, municipalities: ['0182'] };

async function browserWithEdits() {
  const db = openTestDatabase();
  await seedIfEmpty(db, shipped, 'test');
  await perform(db, putFeatures('ny', [unsafePlace({ id: 'new', name: 'Ny plats' })]), L);
  await perform(db, putFeatures('döp om', [unsafePlace({ name: 'Torget, omdöpt' })]), L);
  await perform(db, deleteFeatures('ta bort', ['f2']), L);
  return db;
}

describe('localEdits: what a browser holds beyond the shipped data', () => {
  it('is empty for the shipped data itself, and names adds, changes and removals', () => {
    expect(localEdits(shipped, shipped, 'x')).toEqual({ label: 'x', put: {}, delete: {} });
    const local = { ...shipped, features: [unsafePlace({ name: 'Ändrad' }), unsafePlace({ id: 'n', name: 'Ny' })] };
    const edits = localEdits(local, shipped, 'x');
    expect(edits.put.features!.map((f) => f.id)).toEqual(['f1', 'n']);
    expect(edits.delete.features).toEqual(['f2']);
  });
});

describe('the first connection of a browser that holds local edits', () => {
  it('asks nothing of a browser with only the shipped data, and never again once joined', async () => {
    const db = openTestDatabase();
    await seedIfEmpty(db, shipped, 'test');
    expect(await readLocalEditsAtJoin(db, shipped, nackaPlanner, 'lokalt')).toBeNull();
    await perform(db, putFeatures('ny', [unsafePlace({ id: 'later', name: 'Senare' })]), L);
    // Joined: later edits go through the outbox as usual, not through this question.
    expect(await readLocalEditsAtJoin(db, shipped, nackaPlanner, 'lokalt')).toBeNull();
  });

  it('uploads what the user may write as one change set on the shipped versions, and keeps the rest apart', async () => {
    const db = await browserWithEdits();
    // A place in Ekerö, outside a Nacka planner's municipalities.
    await perform(db, putFeatures('ekerö', [unsafePlace({ id: 'ekero', name: 'Ekerö torg', municipalityCode: '0125', geometry: { type: 'Point', coordinates: [17.81, 59.29] } })]), L);
    const edits = (await readLocalEditsAtJoin(db, shipped, nackaPlanner, 'lokalt'))!;
    expect(edits.count).toBe(4);
    expect(edits.refused.map((r) => [r.id, r.issues[0]!.code])).toEqual([['ekero', 'outside-scope']]);

    await uploadLocalEdits(db, edits, shipped);
    const [entry] = await db.outbox.toArray();
    expect(entry!.change.label).toBe('lokalt');
    expect(entry!.baseVersions).toEqual({ features: { f1: 0, new: null, f2: 0 } });
    expect(entry!.change.put.features!.map((f) => f.id).sort()).toEqual(['f1', 'new']);
    // The refused place left this database (the UI saved a backup file first); the rest stays.
    expect(await db.features.get('ekero')).toBeUndefined();
    expect((await db.features.get('f1'))!.name).toBe('Torget, omdöpt');
    expect(await readLocalEditsAtJoin(db, shipped, nackaPlanner, 'lokalt')).toBeNull();
  });

  it('keeps them apart: the database is the shipped data again, with no history and no outbox', async () => {
    const db = await browserWithEdits();
    const edits = (await readLocalEditsAtJoin(db, shipped, nackaPlanner, 'lokalt'))!;
    expect(edits.count).toBe(3);
    await keepLocalEditsApart(db, shipped);
    expect((await db.features.toArray()).map((f) => f.name).sort()).toEqual(['Stationen', 'Torget']);
    expect(await db.history.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await readLocalEditsAtJoin(db, shipped, nackaPlanner, 'lokalt')).toBeNull();
  });

  it('refuses everything of a reader, who writes nothing', async () => {
    const db = await browserWithEdits();
    const edits = (await readLocalEditsAtJoin(db, shipped, { role: 'reader', municipalities: ['0182'] }, 'lokalt'))!;
    expect(edits.refused).toHaveLength(3);
    expect(edits.allowed).toEqual({ label: 'lokalt', put: {}, delete: {} });
  });
});
