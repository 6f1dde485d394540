// Before Dexie loads: it looks for IndexedDB when imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { emptyChange, putFeatures, type ChangeSet } from '../../../src/domain/changes';
import { readBackupContent, restoreBackup } from '../../../src/data/backupStore';
import type { TrygghetsDatabase } from '../../../src/data/db';
import { ChangeRejected, perform, redo, undo } from '../../../src/data/history';
import { seedIfEmpty } from '../../../src/data/seed';
import { shippedDataset } from '../../../src/data/shipped';
import { activity, dataset, unsafePlace } from '../fixtures';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';
import { openTestDatabase } from './testDatabases';

const L = testMunicipalityLocator();
const at = (lon: number, lat: number) => ({ type: 'Point' as const, coordinates: [lon, lat] });

async function seeded(extra: Parameters<typeof dataset>[0] = {}) {
  const db = openTestDatabase();
  await seedIfEmpty(db, dataset(extra), 'test');
  return db;
}
const snapshot = async (db: TrygghetsDatabase) => JSON.stringify(await readBackupContent(db));
const codesOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return [];
  } catch (error) {
    if (!(error instanceof ChangeRejected)) throw error;
    return error.issues.map((i) => `${i.code}:${i.subject}`);
  }
};

describe('the write door: every edit is checked by the domain rules', () => {
  it('refuses a place in Copenhagen, in Oslo and at 0,0, writing nothing', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    expect(await codesOf(perform(db, putFeatures('K', [unsafePlace({ id: 'cph', geometry: at(12.5683, 55.6761) })]), L))).toEqual(['outside-sweden:cph']);
    expect(await codesOf(perform(db, putFeatures('O', [unsafePlace({ id: 'oslo', geometry: at(10.7522, 59.9139) })]), L))).toEqual(['outside-sweden:oslo']);
    expect(await codesOf(perform(db, putFeatures('0', [unsafePlace({ id: 'zero', geometry: at(0, 0) })]), L))).toEqual(['outside-sweden:zero']);
    expect(await snapshot(db)).toBe(before);
  });

  it('keeps coastal and island places (Sandhamn, Utö, Landsort)', async () => {
    const db = await seeded();
    const places = [
      unsafePlace({ id: 'sandhamn', municipalityCode: '0120', geometry: at(18.9128, 59.2877) }),
      unsafePlace({ id: 'uto', municipalityCode: '0136', geometry: at(18.33, 58.95) }),
      unsafePlace({ id: 'landsort', municipalityCode: '0192', geometry: at(17.865, 58.742) }),
    ];
    await perform(db, putFeatures('öar', places), L);
    expect(await db.features.count()).toBe(4);
  });

  it('refuses a place that names another municipality than the one it lies in', async () => {
    const db = await seeded();
    // Trelleborg (1287), stored as Nacka: the defect the import had.
    const road = unsafePlace({ id: 'road', municipalityCode: '0182', geometry: at(13.157, 55.376) });
    expect(await codesOf(perform(db, putFeatures('väg', [road]), L))).toEqual(['wrong-municipality:road']);
    // In its own municipality, serving a Nacka promise, it is allowed (the preview warns).
    await perform(db, putFeatures('väg', [{ ...road, municipalityCode: '1287' }]), L);
    expect((await db.features.get('road'))?.municipalityCode).toBe('1287');
  });

  it('refuses a place without the municipality polygons instead of guessing', async () => {
    const db = await seeded();
    expect(await codesOf(perform(db, putFeatures('x', [unsafePlace({ id: 'x' })]), null))).toEqual(['no-municipality-areas:x']);
  });

  it('refuses deleting an activity, focus area or document that records still refer to', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const del = (table: 'activities' | 'focusAreas' | 'documents', id: string): ChangeSet => ({ ...emptyChange('ta bort'), delete: { [table]: [id] } });
    expect(await codesOf(perform(db, del('activities', 'act'), L))).toEqual(['still-referenced:act']);
    expect(await codesOf(perform(db, del('focusAreas', 'area'), L))).toEqual(['still-referenced:area']);
    expect(await codesOf(perform(db, del('documents', 'doc'), L))).toEqual(['still-referenced:doc']);
    expect(await snapshot(db)).toBe(before);
    // The whole chain at once leaves nothing dangling.
    await perform(db, { label: 'allt', put: {}, delete: { documents: ['doc'], focusAreas: ['area'], activities: ['act'], features: ['f1'] } }, L);
    expect(await db.documents.count()).toBe(0);
  });

  it('refuses making an activity sensitive while it has places', async () => {
    const db = await seeded();
    const change: ChangeSet = { label: 'känslig', put: { activities: [activity({ sensitive: true })] }, delete: {} };
    expect(await codesOf(perform(db, change, L))).toEqual(['sensitive-geometry:f1']);
  });
});

describe('undo and redo pass the same door', () => {
  it('refuses an injected history entry whose undo would delete every document and activity', async () => {
    const db = await seeded();
    await perform(db, putFeatures('döp om', [unsafePlace({ name: 'Nytt namn' })]), L);
    const before = await snapshot(db);
    // What a hostile backup or a damaged database could hold: a rename whose "inverse" wipes the promises.
    await db.history.add({
      label: 'ändra',
      at: '2026-01-01T00:00:00Z',
      forward: putFeatures('ändra', [unsafePlace({ name: 'Nytt namn' })]),
      inverse: { label: 'ändra', put: {}, delete: { documents: ['doc'], activities: ['act'], focusAreas: ['area'], features: ['f1'] } },
      undone: 0,
    });
    await expect(undo(db, L)).rejects.toBeInstanceOf(ChangeRejected);
    expect(await db.documents.count()).toBe(1);
    expect(await db.activities.count()).toBe(1);
    const after = JSON.parse(await snapshot(db)) as { history: unknown[] };
    expect(after.history).toHaveLength(2);
    expect(JSON.stringify({ ...after, history: after.history.slice(0, 1) })).toBe(before);
  });

  it('refuses a stored redo step that would put a place of a sensitive activity', async () => {
    const db = await seeded({ activities: [activity(), activity({ id: 'secret', sensitive: true })] });
    const secretPlace = unsafePlace({ id: 'hidden', activityIds: ['secret'] });
    await db.history.add({ label: 'gömd', at: '2026-01-01T00:00:00Z', forward: putFeatures('gömd', [secretPlace]), inverse: { label: 'gömd', put: {}, delete: { features: ['hidden'] } }, undone: 1 });
    await expect(redo(db, L)).rejects.toThrow(/känslig/);
    expect(await db.features.get('hidden')).toBeUndefined();
  });
});

describe('a restored backup passes the door whole, or nothing is written', () => {
  if (!shippedDataset.ok) throw new Error('shipped dataset invalid');
  const shipped = shippedDataset.value;

  async function backupWith(edit: (content: Awaited<ReturnType<typeof readBackupContent>>) => void) {
    const db = openTestDatabase();
    await seedIfEmpty(db, shipped, 'v');
    const content = await readBackupContent(db);
    edit(content);
    return { db, content, before: await snapshot(db) };
  }
  const sensitiveActivity = shipped.activities.find((a) => a.sensitive)!;

  it('refuses a place of a sensitive activity, naming the record', async () => {
    const { db, content, before } = await backupWith((c) => c.features.push({ ...c.features[0]!, id: 'leak', activityIds: [sensitiveActivity.id] }));
    await expect(restoreBackup(db, content, L)).rejects.toThrow(/leak: känslig aktivitet/);
    expect(await snapshot(db)).toBe(before);
  });

  it('refuses places in Oslo and at 0,0', async () => {
    const oslo = await backupWith((c) => c.features.push({ ...c.features[0]!, id: 'oslo', geometry: at(10.7522, 59.9139) } as (typeof c.features)[number]));
    await expect(restoreBackup(oslo.db, oslo.content, L)).rejects.toThrow(/oslo: .*utanför Sverige/);
    const zero = await backupWith((c) => c.features.push({ ...c.features[0]!, id: 'zero', geometry: at(0, 0) } as (typeof c.features)[number]));
    await expect(restoreBackup(zero.db, zero.content, L)).rejects.toThrow(/zero: .*utanför Sverige/);
    expect(await snapshot(zero.db)).toBe(zero.before);
  });

  it('refuses 5 000 history entries', async () => {
    const { db, content, before } = await backupWith((c) => {
      for (let i = 0; i < 5000; i++)
        c.history.push({ label: `steg ${i}`, at: '2026-01-01T00:00:00Z', forward: putFeatures('x', [c.features[0]!]), inverse: putFeatures('x', [c.features[0]!]), undone: 0 });
    });
    await expect(restoreBackup(db, content, L)).rejects.toThrow(/5000 steg/);
    expect(await snapshot(db)).toBe(before);
  });

  it('refuses a history entry whose undo deletes every document and activity', async () => {
    const { db, content, before } = await backupWith((c) => {
      const place = c.features[0]!;
      c.history.push({
        label: 'ändra',
        at: '2026-01-01T00:00:00Z',
        forward: putFeatures('ändra', [place]),
        inverse: { label: 'ändra', put: {}, delete: { documents: c.documents.map((d) => d.id), activities: c.activities.map((a) => a.id) } },
        undone: 0,
      });
    });
    await expect(restoreBackup(db, content, L)).rejects.toThrow(/historik steg 1 \(ändra\)/);
    expect(await snapshot(db)).toBe(before);
  });

  it('refuses a history that does not match its data (a step that left a record the data does not hold)', async () => {
    const { db, content, before } = await backupWith((c) => {
      const place = c.features[0]!;
      c.history.push({ label: 'döp om', at: '2026-01-01T00:00:00Z', forward: putFeatures('döp om', [{ ...place, name: 'Aldrig sparad' }]), inverse: putFeatures('döp om', [place]), undone: 0 });
    });
    await expect(restoreBackup(db, content, L)).rejects.toThrow(/stämmer inte med datan/);
    expect(await snapshot(db)).toBe(before);
  });
});
