// Before Dexie loads: it looks for IndexedDB when imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { putFeatures } from '../../../src/domain/changes';
import { ChangeRejected, perform } from '../../../src/data/history';
import { seedIfEmpty } from '../../../src/data/seed';
import { dropRejected, readRejected } from '../../../src/data/sync/conflicts';
import { dataset, unsafePlace } from '../fixtures';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';
import { openTestDatabase } from './testDatabases';

const L = testMunicipalityLocator();

async function seeded() {
  const db = openTestDatabase();
  await seedIfEmpty(db, dataset(), 'test');
  return db;
}

describe('signed in, the browser applies the server’s permission rule before queueing', () => {
  it('refuses at once an edit outside the user’s municipalities, writing and queueing nothing', async () => {
    const db = await seeded();
    const ekeroPlanner = { role: 'planner' as const, municipalities: ['0125'] };
    const error = await perform(db, putFeatures('döp om', [unsafePlace({ name: 'Inte min' })]), L, { outbox: true, writer: ekeroPlanner }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChangeRejected);
    expect((error as ChangeRejected).issues.map((i) => i.code)).toEqual(['outside-scope']);
    expect((await db.features.get('f1'))!.name).toBe('Torget');
    expect(await db.outbox.count()).toBe(0);
    await perform(db, putFeatures('döp om', [unsafePlace({ name: 'Min' })]), L, { outbox: true, writer: { role: 'planner', municipalities: ['0182'] } });
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('a change the server refused for good', () => {
  it('is dropped from the outbox and undone here, so the changes after it can go', async () => {
    const db = await seeded();
    await perform(db, putFeatures('döp om', [unsafePlace({ name: 'Nekad' })]), L, { outbox: true });
    await perform(db, putFeatures('ny', [unsafePlace({ id: 'f2', name: 'Efter' })]), L, { outbox: true });
    const [first] = await db.outbox.orderBy('seq').toArray();
    expect(first!.inverse).toEqual(putFeatures('döp om', [unsafePlace()]));
    await db.outbox.update(first!.seq!, { state: 'rejected', detail: { issues: [{ code: 'outside-scope', severity: 'error', subject: 'f1', message: 'utanför' }] } });

    const rejected = (await readRejected(db))!;
    expect(rejected.change.label).toBe('döp om');
    await dropRejected(db, rejected, L);
    expect((await db.features.get('f1'))!.name).toBe('Torget');
    expect((await db.outbox.toArray()).map((e) => e.change.label)).toEqual(['ny']);
    expect(await readRejected(db)).toBeNull();
  });
});
