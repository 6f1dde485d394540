import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { TrygghetsDatabase } from '../../../src/data/db';
import { readDataset } from '../../../src/data/readDataset';
import { schemaV1, schemaV2 } from '../../../src/data/schemas';
import { dataset, unsafePlace } from '../fixtures';
import { freshDatabaseName, track } from './testDatabases';

const oldWalk = {
  ...unsafePlace(),
  id: 'w1',
  layer: 'safety-walk',
  geometry: { type: 'LineString', coordinates: [[18.2, 59.3], [18.21, 59.31]] },
  details: { plannedDate: null, organisers: [], status: 'done', findings: ['Trasig lampa', 'Klotter'] },
};

describe('database version 3: findings become {text, point}', () => {
  it('upgrades the stored walks and the walks inside the edit history of a version 2 database', async () => {
    const name = freshDatabaseName();
    const v2 = track(new Dexie(name));
    v2.version(1).stores(schemaV1);
    v2.version(2).stores(schemaV2);
    await v2.open();
    const small = dataset();
    await v2.table('documents').bulkAdd(small.documents);
    await v2.table('focusAreas').bulkAdd(small.focusAreas);
    await v2.table('activities').bulkAdd(small.activities);
    await v2.table('features').bulkAdd([oldWalk, unsafePlace()]);
    await v2.table('history').add({ label: 'l', at: 'x', forward: { label: 'l', put: { features: [oldWalk] }, delete: {} }, inverse: { label: 'l', put: { features: [oldWalk] }, delete: {} }, undone: 0 });
    v2.close();

    const v3 = track(new TrygghetsDatabase(name));
    await v3.open();
    expect(v3.verno).toBe(8); // the latest version opens, v3 included
    const stored = (await v3.features.get('w1')) as unknown as { details: { findings: unknown } };
    expect(stored.details.findings).toEqual([
      { text: 'Trasig lampa', point: null },
      { text: 'Klotter', point: null },
    ]);
    const [entry] = await v3.history.toArray();
    const inHistory = entry!.forward.put.features![0]! as unknown as { details: { findings: unknown } };
    expect(inHistory.details.findings).toEqual([{ text: 'Trasig lampa', point: null }, { text: 'Klotter', point: null }]);
    expect((entry!.inverse.put.features![0]! as unknown as { details: { findings: unknown } }).details.findings).toHaveLength(2);
    const { issues, dataset: read } = await readDataset(v3);
    expect(issues).toEqual([]);
    expect(read.features.find((f) => f.id === 'f1')).toEqual(unsafePlace());
  });
});
