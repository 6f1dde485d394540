// Before Dexie loads: it looks for IndexedDB when imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { subscribeToFeed, type FeedEvent } from '../../../src/data/changeFeed';
import { perform, undo } from '../../../src/data/history';
import { restoreShippedData, seedIfEmpty } from '../../../src/data/seed';
import { putFeatures } from '../../../src/domain/changes';
import { dataset, unsafePlace } from '../fixtures';
import { openTestDatabase } from './testDatabases';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';

const L = testMunicipalityLocator();

describe('the change feed the view follows', () => {
  it('announces what the write door committed, after the commit, and nothing of a refused change', async () => {
    const db = openTestDatabase();
    await seedIfEmpty(db, dataset(), 'test');
    const heard: FeedEvent[] = [];
    const stop = subscribeToFeed((e) => heard.push(e));
    const place = unsafePlace({ id: 'f2', name: 'Parken' });
    await perform(db, putFeatures('Lägg till', [place]), L);
    expect(heard).toEqual([{ kind: 'change', change: putFeatures('Lägg till', [place]) }]);
    await undo(db, L);
    expect(heard[1]).toEqual({ kind: 'change', change: { label: 'Lägg till', put: {}, delete: { features: ['f2'] } } });
    // Refused (outside Sweden): nothing committed, nothing announced.
    await expect(perform(db, putFeatures('Fel', [unsafePlace({ id: 'f3', geometry: { type: 'Point', coordinates: [12.57, 55.68] } })]), L)).rejects.toThrow();
    expect(heard).toHaveLength(2);
    await restoreShippedData(db, dataset(), 'test');
    expect(heard[2]).toEqual({ kind: 'reset' });
    stop();
  });
});
