// Before Dexie loads: it looks for IndexedDB when imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { putFeatures } from '../../../src/domain/changes';
import { perform } from '../../../src/data/history';
import { seedIfEmpty } from '../../../src/data/seed';
import { restartFromShipped } from '../../../src/data/sync/resync';
import { dataset, unsafePlace } from '../fixtures';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';
import { openTestDatabase } from './testDatabases';

const L = testMunicipalityLocator();
const shipped = dataset();

describe('a server restored from an older backup: the browser starts again from the shipped data', () => {
  it('drops what was pulled, keeps and re-applies what still waits in the outbox, and pulls from the start', async () => {
    const db = openTestDatabase();
    await seedIfEmpty(db, shipped, 'test');
    // Pulled from the server before its restore (not in the outbox).
    await perform(db, putFeatures('hämtad', [unsafePlace({ name: 'Från servern' })]), L);
    await db.syncMeta.bulkPut([
      { key: 'cursor', value: 40 },
      { key: 'acked', value: [39] },
    ]);
    await db.versions.put({ key: 'features/f1', version: 40 });
    // Mine, not yet sent.
    await perform(db, putFeatures('min', [unsafePlace({ id: 'mine', name: 'Min plats' })]), L, { outbox: true });

    await restartFromShipped(db, shipped, L);
    expect((await db.features.get('f1'))!.name).toBe('Torget');
    expect((await db.features.get('mine'))!.name).toBe('Min plats');
    expect(await db.outbox.count()).toBe(1);
    expect(await db.history.count()).toBe(0);
    expect(await db.versions.count()).toBe(0);
    expect((await db.syncMeta.get('cursor'))!.value).toBe(0);
    expect((await db.syncMeta.get('acked'))!.value).toEqual([]);
  });
});

describe('the sync engine notices a restored server by its log ending before the cursor', () => {
  it('starts again from the shipped data and tells the app', async () => {
    const { SyncEngine } = await import('../../../src/data/sync/engine');
    const db = openTestDatabase();
    await seedIfEmpty(db, shipped, 'test');
    await perform(db, putFeatures('hämtad', [unsafePlace({ name: 'Från servern' })]), L);
    await db.syncMeta.put({ key: 'cursor', value: 40 });
    const requests: string[] = [];
    const fetchStub = async (url: URL | string) => {
      requests.push(String(url));
      return new Response(JSON.stringify({ changes: [], lastSeq: 3 }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const original = globalThis.fetch;
    globalThis.fetch = fetchStub as typeof fetch;
    try {
      let restarted = 0;
      const engine = new SyncEngine({ db, serverUrl: 'http://team.test/', token: async () => 'token', locator: async () => L, onStatus: () => {}, shipped, onRestart: () => restarted++, pollMs: 60_000 });
      engine.start();
      await expect.poll(() => restarted).toBe(1);
      engine.stop();
      expect(requests[0]).toContain('since=40');
      expect(requests.some((r) => r.includes('since=0'))).toBe(true);
      expect((await db.features.get('f1'))!.name).toBe('Torget');
    } finally {
      globalThis.fetch = original;
    }
  });
});
