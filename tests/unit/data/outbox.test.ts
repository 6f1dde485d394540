// Before Dexie loads: it looks for IndexedDB when imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { putFeatures } from '../../../src/domain/changes';
import { perform } from '../../../src/data/history';
import { seedIfEmpty } from '../../../src/data/seed';
import { rebase } from '../../../src/data/sync/outbox';
import type { OutboxEntry } from '../../../src/data/db';
import { dataset, unsafePlace } from '../fixtures';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';
import { openTestDatabase } from './testDatabases';

const L = testMunicipalityLocator();

describe('the outbox: local changes waiting for the team server', () => {
  it('queues a change in the same transaction as the edit, based on the versions seen (shipped 0, new null)', async () => {
    const db = openTestDatabase();
    await seedIfEmpty(db, dataset(), 'test');
    await perform(db, putFeatures('två', [unsafePlace({ name: 'Ändrad' }), unsafePlace({ id: 'ny', name: 'Ny' })]), L, { outbox: true });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ state: 'pending', baseVersions: { features: { f1: 0, ny: null } } });
    expect(entry!.change.put.features?.map((f) => f.id)).toEqual(['f1', 'ny']);
    await db.versions.put({ key: 'features/f1', version: 7 });
    await perform(db, putFeatures('igen', [unsafePlace({ name: 'Igen' })]), L, { outbox: true });
    expect((await db.outbox.toArray())[1]!.baseVersions).toEqual({ features: { f1: 7 } });
  });

  it('writes nothing, not even to the outbox, when the door refuses the change', async () => {
    const db = openTestDatabase();
    await seedIfEmpty(db, dataset(), 'test');
    await expect(perform(db, putFeatures('ut', [unsafePlace({ geometry: { type: 'Point', coordinates: [12.5683, 55.6761] } })]), L, { outbox: true })).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
  });

  it('rebases a later queued change on the versions the server gave an earlier one', () => {
    const first: OutboxEntry = { changeId: 'a', change: putFeatures('a', []), baseVersions: { features: { f1: 3 } }, state: 'pending' };
    const later: OutboxEntry = { changeId: 'b', change: putFeatures('b', []), baseVersions: { features: { f1: 3, f2: 5 } }, state: 'pending' };
    expect(rebase(later, first, { features: { f1: 9 } }).baseVersions).toEqual({ features: { f1: 9, f2: 5 } });
    // Based on another version (a pulled change came between): left alone, so the server sees the conflict.
    const stale: OutboxEntry = { ...later, baseVersions: { features: { f1: 4 } } };
    expect(rebase(stale, first, { features: { f1: 9 } }).baseVersions).toEqual({ features: { f1: 4 } });
  });
});
