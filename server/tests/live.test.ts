import { randomUUID } from 'node:crypto';
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
import { readShippedDataset, seedIfEmpty } from '../store/seed';
import { freshDatabase, type FreshDatabase } from './helpers/database';
import { tokenCache } from './helpers/oidc';
import { openSse, type SseStream } from './helpers/sse';

/** Live pull: two API instances on one PostgreSQL; a change pushed through one reaches a stream of the other. */

const AUDIENCE = DEV_AUDIENCE;
const CLIENT_ID = DEV_CLIENT_ID;
const REDIRECT_URI = 'http://127.0.0.1:1/callback';
const shipped = readShippedDataset(`${REPO_ROOT}data`);
const nackaPlace = shipped.features.find((f) => f.municipalityCode === '0182' && f.layer === 'unsafe-place')!;

let provider: DevProvider;
let db: FreshDatabase;
let poolB: pg.Pool;
let feedB: ChangeFeed;
let appA: FastifyInstance;
let appB: FastifyInstance;
let urlA: string;
let urlB: string;
const streams: SseStream[] = [];

/** Tokens come from the real login form of the local provider (PKCE), never minted by the test. */
const tokenOf = tokenCache(() => provider.issuer, CLIENT_ID, REDIRECT_URI);

beforeAll(async () => {
  provider = await startDevProvider({ port: 0, audience: AUDIENCE, clients: [{ client_id: CLIENT_ID, redirect_uris: [REDIRECT_URI] }] });
  db = await freshDatabase({ migrated: true });
  await seedIfEmpty(db.pool, shipped);
  poolB = new pg.Pool({ connectionString: db.url, max: 5 });
  poolB.on('error', () => {});
  const verifyToken = createTokenVerifier({ issuer: provider.issuer, audience: AUDIENCE });
  const locator = loadMunicipalityLocator();
  // A: the default, its own LISTEN connection. B: a feed the test owns, to see its subscribers.
  appA = await buildApp({ pool: db.pool, verifyToken, locator });
  feedB = startChangeListener({ connection: { connectionString: db.url } });
  appB = await buildApp({ pool: poolB, verifyToken, locator, live: { feed: feedB, heartbeatMs: 300, pageSize: 7 } });
  urlA = await appA.listen({ host: '127.0.0.1', port: 0 });
  urlB = await appB.listen({ host: '127.0.0.1', port: 0 });
  await feedB.whenConnected();
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await appA?.close();
  await appB?.close();
  await feedB?.close();
  await poolB?.end();
  await db?.drop();
  await provider?.stop();
});

const newPlace = (): SafetyFeature => ({ ...nackaPlace, id: `place-${randomUUID()}`, name: 'Ny plats' }) as SafetyFeature;

async function push(baseUrl: string, email = 'planner@nacka.test'): Promise<{ seq: number; changeId: string }> {
  const place = newPlace();
  const changeId = randomUUID();
  const response = await fetch(`${baseUrl}/api/changes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenOf(email)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ changeId, label: `lägg till ${place.id}`, put: { features: [place] }, delete: {}, baseVersions: { features: { [place.id]: null } } }),
  });
  const body = (await response.json()) as { seq: number };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return { seq: body.seq, changeId };
}

async function lastSeq(): Promise<number> {
  const { rows } = await db.pool.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM change_log');
  return Number(rows[0]?.seq ?? 0);
}

/** A stream of instance `base`, signed in as a reader, kept for closing in afterAll. */
async function stream(base: string, query: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const opened = await openSse(`${base}/api/changes/stream?${query}`, { authorization: `Bearer ${await tokenOf('reader@nacka.test')}`, ...headers });
  streams.push(opened);
  return opened;
}

const changeOf = (event: { event: string; id: string | undefined; data: string }) => {
  expect(event.event).toBe('change');
  const change = JSON.parse(event.data) as LoggedChange;
  expect(event.id).toBe(String(change.seq));
  return change;
};

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('GET /api/changes/stream', () => {
  it('answers 401 without a token or with a bad one; ?access_token= is accepted here only', async () => {
    const none = await openSse(`${urlB}/api/changes/stream?since=0`);
    expect(none.status).toBe(401);
    none.close();
    const bad = await openSse(`${urlB}/api/changes/stream?since=0&access_token=not-a-token`);
    expect(bad.status).toBe(401);
    bad.close();
    const token = await tokenOf('reader@nacka.test');
    expect((await fetch(`${urlB}/api/changes?since=0&access_token=${token}`)).status).toBe(401);
    const viaQuery = await openSse(`${urlB}/api/changes/stream?since=${await lastSeq()}&access_token=${token}`);
    streams.push(viaQuery);
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.contentType).toMatch(/^text\/event-stream/);
    expect((await viaQuery.nextOf('ready')).data).toBe(JSON.stringify({ lastSeq: await lastSeq() }));
    viaQuery.close();
    const malformed = await openSse(`${urlB}/api/changes/stream?since=0`, { authorization: `Bearer ${token}`, 'last-event-id': 'abc' });
    expect(malformed.status).toBe(422);
    malformed.close();
  });

  it('delivers a change pushed through instance A to a client of instance B within 2 s', async () => {
    const live = await stream(urlB, `since=${await lastSeq()}`);
    await live.nextOf('ready');
    const started = Date.now();
    const pushed = await push(urlA);
    const change = changeOf(await live.next(2000));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(change).toMatchObject({ seq: pushed.seq, changeId: pushed.changeId, author: 'planner@nacka.test' });
    // The other direction too: B's push reaches a client of A.
    const onA = await stream(urlA, `since=${pushed.seq}`);
    await onA.nextOf('ready');
    const back = await push(urlB);
    expect(changeOf(await onA.next(2000)).seq).toBe(back.seq);
    expect(changeOf(await live.next(2000)).seq).toBe(back.seq);
  });

  it('sends everything after since= on open (in pages), then resumes after Last-Event-ID without duplicates', async () => {
    const before = await lastSeq();
    const first = [];
    // More than one page (pageSize 7 on B).
    for (let i = 0; i < 10; i += 1) first.push((await push(urlA)).seq);
    const opened = await stream(urlB, `since=${before}`);
    const seen: number[] = [];
    for (let i = 0; i < 10; i += 1) seen.push(changeOf(await opened.next()).seq);
    expect(seen).toEqual(first);
    expect(JSON.parse((await opened.next()).data)).toEqual({ lastSeq: first.at(-1) });
    const subscribed = feedB.subscribers;
    opened.close();
    // The server notices the closed client and lets go of it.
    await until(() => feedB.subscribers === subscribed - 1);

    const later = [(await push(urlA)).seq, (await push(urlB)).seq];
    // What EventSource does on reconnect: the same URL, plus the last id it got.
    const resumed = await stream(urlB, `since=${before}`, { 'last-event-id': String(seen.at(-1)) });
    const again = [changeOf(await resumed.next()).seq, changeOf(await resumed.next()).seq];
    expect(again).toEqual(later);
    expect((await resumed.next()).event).toBe('ready');
    const next = await push(urlA);
    expect(changeOf(await resumed.next(2000)).seq).toBe(next.seq);
    expect(resumed.buffered()).toEqual([]);
  });

  it('delivers many quick pushes through both instances in order, without gaps or duplicates', async () => {
    const before = await lastSeq();
    const onB = await stream(urlB, `since=${before}`);
    const onA = await stream(urlA, `since=${before}`);
    await onB.nextOf('ready');
    await onA.nextOf('ready');
    const count = 60;
    const results = await Promise.all(Array.from({ length: count }, (_, i) => push(i % 2 ? urlA : urlB)));
    const expected = Array.from({ length: count }, (_, i) => before + 1 + i);
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(expected);
    for (const live of [onB, onA]) {
      const got: number[] = [];
      for (let i = 0; i < count; i += 1) got.push(changeOf(await live.next(2000)).seq);
      expect(got).toEqual(expected);
    }
    // Nothing more: no duplicate trails behind.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onB.buffered().filter((e) => e.event === 'change')).toEqual([]);
    expect(onA.buffered().filter((e) => e.event === 'change')).toEqual([]);
  });

  it('sends heartbeats while idle, and closing the app ends open streams', async () => {
    const idle = await stream(urlB, `since=${await lastSeq()}`);
    await idle.nextOf('ready');
    await until(() => idle.comments.includes('ping'), 1500);

    // An app of its own, so the shared ones stay open: close() must not wait on the stream.
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    const app = await buildApp({ pool, verifyToken: createTokenVerifier({ issuer: provider.issuer, audience: AUDIENCE }), locator: null });
    try {
      const url = await app.listen({ host: '127.0.0.1', port: 0 });
      const open = await stream(url, `since=${await lastSeq()}`);
      await open.nextOf('ready');
      const started = Date.now();
      await app.close();
      await open.ended;
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await app.close();
      await pool.end();
    }
  });
});
