import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SafetyFeature } from '../../src/domain/safetyFeature';
import type { LoggedChange } from '../../src/domain/sync/push';
import { buildApp } from '../app';
import { createTokenVerifier } from '../auth/verify';
import { REPO_ROOT } from '../config';
import { startDevProvider, type DevProvider, DEV_AUDIENCE, DEV_CLIENT_ID } from '../dev/oidcProvider';
import { startChangeListener, type ChangeFeed } from '../live/listener';
import { loadMunicipalityLocator } from '../locator';
import { freePort, startCluster, type Cluster } from '../pg/cluster';
import { runMigrations } from '../pg/migrate';
import { waitForHttp } from '../processes';
import { CHANGE_LOG_LOCK } from '../store/changeLog';
import { readShippedDataset, seedIfEmpty } from '../store/seed';
import { freshDatabase, type FreshDatabase } from './helpers/database';
import { tokenCache } from './helpers/oidc';
import { openSse, type SseStream } from './helpers/sse';

/** Faults: PostgreSQL restarted under an open stream, and the API process killed in the middle of a push. */

const AUDIENCE = DEV_AUDIENCE;
const CLIENT_ID = DEV_CLIENT_ID;
const REDIRECT_URI = 'http://127.0.0.1:1/callback';
const shipped = readShippedDataset(`${REPO_ROOT}data`);
const nackaPlace = shipped.features.find((f) => f.municipalityCode === '0182' && f.layer === 'unsafe-place')!;

let provider: DevProvider;

/** Tokens come from the real login form of the local provider (PKCE), never minted by the test. */
const tokenOf = tokenCache(() => provider.issuer, CLIENT_ID, REDIRECT_URI);

beforeAll(async () => {
  provider = await startDevProvider({ port: 0, audience: AUDIENCE, clients: [{ client_id: CLIENT_ID, redirect_uris: [REDIRECT_URI] }] });
});
afterAll(async () => {
  await provider?.stop();
});

const newPlace = (name = 'Ny plats'): SafetyFeature => ({ ...nackaPlace, id: `place-${randomUUID()}`, name }) as SafetyFeature;

function pushBody(places: SafetyFeature[], changeId = randomUUID()) {
  return JSON.stringify({
    changeId,
    label: places.length === 1 ? `lägg till ${places[0]!.id}` : `import av ${places.length} platser`,
    put: { features: places },
    delete: {},
    baseVersions: { features: Object.fromEntries(places.map((p) => [p.id, null])) },
  });
}

async function push(baseUrl: string, body: string, signal?: AbortSignal): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/api/changes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenOf('planner@nacka.test')}`, 'content-type': 'application/json' },
    body,
    ...(signal ? { signal } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const changeOf = (event: { event: string; id: string | undefined; data: string }) => {
  expect(event.event).toBe('change');
  const change = JSON.parse(event.data) as LoggedChange;
  expect(event.id).toBe(String(change.seq));
  return change;
};

async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('PostgreSQL restarted while a stream is open', () => {
  // A cluster of its own: the suite's shared one must not be restarted under the other files.
  const parent = mkdtempSync('/tmp/trygghetskartan-fault-pg-');
  chmodSync(parent, 0o755);
  let cluster: Cluster | null = null;
  let pool: pg.Pool;
  let feed: ChangeFeed;
  let app: FastifyInstance;
  const listenerLog: string[] = [];
  let stream: SseStream | null = null;

  beforeAll(async () => {
    cluster = await startCluster({ dataDir: join(parent, 'data'), fsync: false, log: () => {} });
    pool = new pg.Pool({ connectionString: cluster.connectionString, max: 4 });
    // Idle connections are terminated by the restart: the pool replaces them, the process lives on.
    pool.on('error', () => {});
    await runMigrations(pool);
    await seedIfEmpty(pool, shipped);
    feed = startChangeListener({ connection: { connectionString: cluster.connectionString }, log: (line) => listenerLog.push(line) });
    app = await buildApp({ pool, verifyToken: createTokenVerifier({ issuer: provider.issuer, audience: AUDIENCE }), locator: loadMunicipalityLocator(), live: { feed } });
    await feed.whenConnected();
  });
  afterAll(async () => {
    stream?.close();
    await app?.close();
    await feed?.close();
    await pool?.end();
    await cluster?.stop();
    rmSync(parent, { recursive: true, force: true });
  });

  it('delivers later changes on the same stream (the listener reconnects) and takes pushes again (the pool recovers)', async () => {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    stream = await openSse(`${url}/api/changes/stream?since=0`, { authorization: `Bearer ${await tokenOf('reader@nacka.test')}` });
    expect((await stream.nextOf('ready')).data).toBe(JSON.stringify({ lastSeq: 0 }));
    const before = await push(url, pushBody([newPlace('före omstart')]));
    expect(before.status).toBe(201);
    expect(changeOf(await stream.next(2000)).seq).toBe(1);

    const { port, dataDir } = cluster!;
    await cluster!.stop();
    await until(async () => !feed.connected, 5000, 'the listener notices PostgreSQL is gone');
    // Down: a push fails (the client's outbox keeps it and retries), and the stream stays open.
    const whileDown = await push(url, pushBody([newPlace('medan nere')]));
    expect(whileDown.status).toBe(500);
    cluster = await startCluster({ dataDir, port, fsync: false, log: () => {} });

    // At once after the restart: the pool opens new connections; the listener may not be back
    // yet, and its resync then finds this change in the log.
    const after = await push(url, pushBody([newPlace('efter omstart')]));
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    expect(after.body.seq).toBe(2);
    expect(changeOf(await stream.next(10_000)).seq).toBe(2);
    await feed.whenConnected();
    const later = await push(url, pushBody([newPlace('senare')]));
    expect(later.body.seq).toBe(3);
    expect(changeOf(await stream.next(2000)).seq).toBe(3);
    expect(listenerLog.some((line) => line.includes('was lost'))).toBe(true);
    // Nothing twice: no trailing duplicate of 2 or 3.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.buffered().filter((e) => e.event === 'change')).toEqual([]);
  });
});

describe('the API process killed in the middle of a push', () => {
  let db: FreshDatabase;
  let api: ChildProcess | null = null;
  let output = '';

  beforeAll(async () => {
    db = await freshDatabase({ migrated: true });
  });
  afterAll(async () => {
    if (api && api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
    await db?.drop();
  });

  /** `tsx server/api.ts` as a deployment runs it (node --import tsx: one process, so SIGKILL hits the API itself). */
  async function startApi(): Promise<{ url: string; child: ChildProcess }> {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server/api.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: db.url, HOST: '127.0.0.1', PORT: String(port), OIDC_ISSUER: provider.issuer, OIDC_AUDIENCE: AUDIENCE, STATIC_DIR: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api = child;
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/api/health`, child, 30_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${output}`);
    });
    return { url, child };
  }

  async function state(ids: string[], changeId: string) {
    const records = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM records WHERE table_name = 'features' AND id = ANY($1::text[])`, [ids]);
    const logged = await db.pool.query<{ seq: string }>('SELECT seq FROM change_log WHERE change_id = $1', [changeId]);
    const log = await db.pool.query<{ n: number; max: string | null }>('SELECT count(*)::int AS n, max(seq) AS max FROM change_log');
    return { records: records.rows[0]!.n, logged: logged.rows.map((r) => Number(r.seq)), logCount: log.rows[0]!.n, maxSeq: Number(log.rows[0]!.max ?? 0) };
  }

  it('applies the change fully or not at all, and a retry with the same changeId exactly once', async () => {
    const first = await startApi();
    // A small push first, so the log does not start empty.
    expect((await push(first.url, pushBody([newPlace()]))).status).toBe(201);

    const places = Array.from({ length: 20_000 }, (_, i) => newPlace(`import ${i}`));
    const ids = places.map((p) => p.id);
    const changeId = randomUUID();
    const body = pushBody(places, changeId);
    const inFlight = push(first.url, body).then(
      (result) => ({ answered: result.status }),
      (error: unknown) => ({ failed: String(error) }),
    );
    // The moment the push's transaction holds the writers' lock and has written rows (it has a
    // transaction id), kill the API: no COMMIT can follow.
    const backend = await until(
      async () => {
        const { rows } = await db.pool.query<{ pid: number }>(
          `SELECT a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objid = $1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND a.backend_xid IS NOT NULL`,
          [CHANGE_LOG_LOCK],
        );
        return rows[0];
      },
      30_000,
      'the big push writing in its transaction',
    );
    first.child.kill('SIGKILL');
    const outcome = await inFlight;
    expect(outcome, 'the client must not have got an answer').toHaveProperty('failed');
    // PostgreSQL rolls the orphaned transaction back when it finds its client gone.
    await until(async () => (await db.pool.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [backend.pid])).rowCount === 0, 20_000, 'the orphaned backend ends');

    const afterKill = await state(ids, changeId);
    // All or nothing: either every record and its log entry, or neither.
    expect([0, ids.length]).toContain(afterKill.records);
    expect(afterKill.logged.length).toBe(afterKill.records ? 1 : 0);
    expect(afterKill.logCount).toBe(afterKill.maxSeq);

    // The client's outbox retries the same change set against the restarted API.
    const second = await startApi();
    const retried = await push(second.url, body);
    expect(retried.status, JSON.stringify(retried.body).slice(0, 500)).toBe(afterKill.records ? 200 : 201);
    const again = await push(second.url, body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ seq: retried.body.seq, duplicate: true });

    const final = await state(ids, changeId);
    expect(final.records).toBe(ids.length);
    expect(final.logged).toEqual([retried.body.seq]);
    expect(final.logCount).toBe(final.maxSeq);
    const versions = await db.pool.query<{ version: number }>(`SELECT DISTINCT version FROM records WHERE table_name = 'features' AND id = ANY($1::text[])`, [ids]);
    expect(versions.rows).toEqual([{ version: retried.body.seq }]);
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
  });
});
