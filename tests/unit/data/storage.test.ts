// Before Dexie loads: it looks for IndexedDB when imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../../src/data/readDataset';
import { restoreShippedData, seedIfEmpty } from '../../../src/data/seed';
import { shippedDataset } from '../../../src/data/shipped';
import { freshDatabaseName, openTestDatabase } from './testDatabases';
import { dataset as smallDataset, unsafePlace } from '../fixtures';

if (!shippedDataset.ok) throw new Error('shipped dataset invalid');
const shipped = shippedDataset.value;
const open = openTestDatabase;
const freshName = freshDatabaseName;

describe('storage (Dexie on fake-indexeddb)', () => {
  it('seeds an empty database once from the shipped dataset', async () => {
    const db = open(freshName());
    expect(await seedIfEmpty(db, shipped, 'v1')).toBe('seeded');
    expect(await db.features.count()).toBe(shipped.features.length);
    expect(await db.activities.count()).toBe(shipped.activities.length);
    expect(await seedIfEmpty(db, shipped, 'v1')).toBe('already-stored');
    expect(await db.features.count()).toBe(shipped.features.length);
    expect((await db.meta.get('seed'))?.datasetVersion).toBe('v1');
  });

  it('keeps what is stored across a reload, including the user removing seeded records', async () => {
    const name = freshName();
    const first = open(name);
    await seedIfEmpty(first, shipped, 'v1');
    const removed = shipped.features[0]!.id;
    await first.features.delete(removed);
    first.close();

    const reopened = open(name);
    expect(await seedIfEmpty(reopened, shipped, 'v1')).toBe('already-stored');
    const { dataset, issues } = await readDataset(reopened);
    expect(issues).toEqual([]);
    expect(dataset.features).toHaveLength(shipped.features.length - 1);
    expect(dataset.features.some((f) => f.id === removed)).toBe(false);
  });

  it('does not seed over data a user stored before any seed record existed', async () => {
    const db = open(freshName());
    await db.features.add(unsafePlace({ id: 'mine' }));
    expect(await seedIfEmpty(db, shipped, 'v1')).toBe('already-stored');
    expect((await db.features.toArray()).map((f) => f.id)).toEqual(['mine']);
  });

  it('restores the shipped data, replacing everything', async () => {
    const db = open(freshName());
    await seedIfEmpty(db, smallDataset(), 'small');
    await restoreShippedData(db, shipped, 'v2');
    const { dataset } = await readDataset(db);
    expect(dataset.features.map((f) => f.id).sort()).toEqual(shipped.features.map((f) => f.id).sort());
    expect(dataset.documents).toHaveLength(5);
    expect((await db.meta.get('seed'))?.datasetVersion).toBe('v2');
  });

  it('leaves the stored data intact when a restore fails half-way', async () => {
    const db = open(freshName());
    await seedIfEmpty(db, smallDataset(), 'small');
    const broken = { ...shipped, features: [...shipped.features, shipped.features[0]!] }; // duplicate key fails bulkAdd
    await expect(restoreShippedData(db, broken, 'v2')).rejects.toThrow();
    const { dataset } = await readDataset(db);
    expect(dataset.features.map((f) => f.id)).toEqual(['f1']);
    expect(dataset.documents.map((d) => d.id)).toEqual(['doc']);
  });

  it('reports a damaged stored record instead of crashing, and shows the rest', async () => {
    const db = open(freshName());
    await seedIfEmpty(db, smallDataset(), 'small');
    await db.features.put({ ...unsafePlace({ id: 'bad' }), geometry: { type: 'Point', coordinates: [999, 999] } } as never);
    const { dataset, issues } = await readDataset(db);
    expect(dataset.features.map((f) => f.id)).toEqual(['f1']);
    expect(issues.map((i) => i.subject)).toEqual(['bad']);
  });
});
