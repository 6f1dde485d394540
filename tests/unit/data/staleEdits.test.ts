// Before Dexie loads: it looks for IndexedDB when imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteFeatures, putFeatures } from '../../../src/domain/changes';
import { ChangeConflict, perform, readHistoryState, undo } from '../../../src/data/history';
import { seedIfEmpty } from '../../../src/data/seed';
import type { SafetyFeature } from '../../../src/domain/safetyFeature';
import { seenRecords } from '../../../src/domain/sync/staleBase';
import { dataset, unsafePlace } from '../fixtures';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';
import { freshDatabaseName, openTestDatabase } from './testDatabases';

const L = testMunicipalityLocator();

/** Two tabs: two connections to one IndexedDB database, as two tabs of the app have. */
async function twoTabs() {
  const name = freshDatabaseName();
  const first = openTestDatabase(name);
  await seedIfEmpty(first, dataset(), 'test');
  return [first, openTestDatabase(name)] as const;
}
const seen = (feature: SafetyFeature | null, id = feature?.id ?? '') => seenRecords('features', { [id]: feature });

describe('two tabs are two users: an edit made on a record someone changed since is a conflict', () => {
  it('refuses the later save of a rename made on the old record, naming mine and theirs, and writes nothing', async () => {
    const [tabA, tabB] = await twoTabs();
    const opened = (await tabA.features.get('f1'))!;
    await perform(tabB, putFeatures('B döper om', [{ ...opened, name: 'B:s namn' }]), L, { basedOn: seen(opened) });

    const mine: SafetyFeature = { ...opened, provenanceNote: 'A:s anteckning' };
    const error = await perform(tabA, putFeatures('A ändrar', [mine]), L, { basedOn: seen(opened) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChangeConflict);
    expect((error as ChangeConflict).records).toEqual([{ table: 'features', id: 'f1', seen: opened, current: { ...opened, name: 'B:s namn' } }]);
    expect((await tabA.features.get('f1'))!.name).toBe('B:s namn');
    // Nothing of A's refused save entered the history either.
    expect((await readHistoryState(tabA)).undoLabel).toBe('B döper om');
  });

  it('does not bring back a place another tab deleted', async () => {
    const [tabA, tabB] = await twoTabs();
    const opened = (await tabA.features.get('f1'))!;
    await perform(tabB, deleteFeatures('B tar bort', ['f1']), L, { basedOn: seen(opened) });
    const error = await perform(tabA, putFeatures('A ändrar', [{ ...opened, name: 'Nytt' }]), L, { basedOn: seen(opened) }).catch((e: unknown) => e);
    expect((error as ChangeConflict).records[0]).toMatchObject({ id: 'f1', current: null });
    expect(await tabA.features.get('f1')).toBeUndefined();
  });

  it('saves when the record is as the editor saw it, and when the user chose to keep theirs as the base', async () => {
    const [tabA, tabB] = await twoTabs();
    const opened = (await tabA.features.get('f1'))!;
    await perform(tabB, putFeatures('B', [{ ...opened, name: 'B:s namn' }]), L);
    const theirs = (await tabA.features.get('f1'))!;
    // "Save mine anyway": the same edit, now based on what is stored.
    await perform(tabA, putFeatures('A', [{ ...opened, name: 'A:s namn' }]), L, { basedOn: seen(theirs) });
    expect((await tabB.features.get('f1'))!.name).toBe('A:s namn');
    // A new place: seen as not existing.
    const added = unsafePlace({ id: 'new', name: 'Ny' });
    await perform(tabA, putFeatures('ny', [added]), L, { basedOn: seen(null, 'new') });
    await expect(perform(tabB, putFeatures('ny igen', [added]), L, { basedOn: seen(null, 'new') })).rejects.toBeInstanceOf(ChangeConflict);
  });
});

describe('undoing my change after someone else changed the same record is a conflict too', () => {
  it('refuses the undo, keeps theirs and my step, and undoes when forced', async () => {
    const [tabA, tabB] = await twoTabs();
    const original = (await tabA.features.get('f1'))!;
    await perform(tabA, putFeatures('A döper om', [{ ...original, name: 'A:s namn' }]), L);
    // The other tab (or a pulled change of another user) changes it again, outside A's history.
    await tabB.features.put({ ...original, name: 'B:s namn' });

    const error = await undo(tabA, L).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChangeConflict);
    expect((error as ChangeConflict).records[0]).toMatchObject({ id: 'f1', seen: { name: 'A:s namn' }, current: { name: 'B:s namn' } });
    expect((await tabA.features.get('f1'))!.name).toBe('B:s namn');
    expect((await readHistoryState(tabA)).undoLabel).toBe('A döper om');

    expect(await undo(tabA, L, { force: true })).toBe('A döper om');
    expect((await tabA.features.get('f1'))!.name).toBe(original.name);
  });

  it('undoes as before when nobody touched the records', async () => {
    const [tabA] = await twoTabs();
    const original = (await tabA.features.get('f1'))!;
    await perform(tabA, deleteFeatures('A tar bort', ['f1']), L);
    expect(await undo(tabA, L)).toBe('A tar bort');
    expect(await tabA.features.get('f1')).toEqual(original);
  });
});
