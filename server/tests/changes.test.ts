import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useApiApp } from './helpers/apiApp';
import type { RecordTable } from '../../src/domain/changes';
import type { SafetyFeature } from '../../src/domain/safetyFeature';
import type { LoggedChange } from '../../src/domain/sync/push';
import { batchStats } from '../store/applyPush';

const api = useApiApp();
const { shipped, tokenOf } = api;

const nackaPlace = shipped.features.find((f) => f.municipalityCode === '0182' && f.layer === 'unsafe-place')!;
const ekeroPlace = shipped.features.find((f) => f.municipalityCode === '0125')!;

interface PushBody {
  changeId?: string;
  label?: string;
  put?: { [T in RecordTable]?: unknown[] };
  delete?: { [T in RecordTable]?: string[] };
  baseVersions?: { [T in RecordTable]?: Record<string, number | null> };
}

async function push(email: string | null, body: PushBody) {
  const response = await api.app().inject({
    method: 'POST',
    url: '/api/changes',
    headers: email ? { authorization: `Bearer ${await tokenOf(email)}` } : {},
    payload: { changeId: randomUUID(), label: 'test', put: {}, delete: {}, baseVersions: {}, ...body },
  });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

async function pull(email: string, since: number) {
  const response = await api.app().inject({ method: 'GET', url: `/api/changes?since=${since}`, headers: { authorization: `Bearer ${await tokenOf(email)}` } });
  expect(response.statusCode).toBe(200);
  return response.json() as { changes: LoggedChange[]; lastSeq: number };
}

const newPlace = (over: Partial<SafetyFeature> = {}): SafetyFeature => ({ ...nackaPlace, id: `place-${randomUUID()}`, name: 'Ny plats', ...over }) as SafetyFeature;
const putPlace = (place: SafetyFeature, base: number | null) => ({ put: { features: [place] }, baseVersions: { features: { [place.id]: base } } });
const issueCodes = (body: Record<string, unknown>) => ((body.issues as { code: string }[] | undefined) ?? []).map((i) => i.code);

describe('POST and GET /api/changes', () => {
  it('answers 401 without a token, for push and pull', async () => {
    expect((await push(null, putPlace(newPlace(), null))).status).toBe(401);
    expect((await api.app().inject({ method: 'GET', url: '/api/changes?since=0' })).statusCode).toBe(401);
  });

  it('applies a planner’s change in their municipality and serves it to another user’s pull', async () => {
    const { lastSeq } = await pull('reader@nacka.test', 0);
    const place = newPlace({ name: 'Torget vid stationen' });
    const result = await push('planner@nacka.test', { ...putPlace(place, null), label: 'lägg till Torget vid stationen' });
    expect(result.status).toBe(201);
    const seq = result.body.seq as number;
    expect(seq).toBe(lastSeq + 1);
    expect(result.body.versions).toEqual({ features: { [place.id]: seq } });
    const pulled = await pull('police@nacka.test', lastSeq);
    expect(pulled.changes.map((c) => [c.seq, c.author, c.label])).toEqual([[seq, 'planner@nacka.test', 'lägg till Torget vid stationen']]);
    expect(pulled.changes[0]!.forward.put.features?.[0]).toEqual(place);
    expect(pulled.changes[0]!.inverse).toEqual({ label: 'lägg till Torget vid stationen', put: {}, delete: { features: [place.id] } });
    const row = await api.db().pool.query<{ geom: string; version: number }>(`SELECT ST_AsText(geom) AS geom, version FROM records WHERE id = $1`, [place.id]);
    expect(row.rows[0]).toEqual({ geom: `POINT(${place.geometry.coordinates.join(' ')})`, version: seq });
  });

  it('refuses a Nacka planner in Ekerö, a reader anywhere, and police outside a status change (403)', async () => {
    const moved = { ...ekeroPlace, name: 'Omdöpt' } as SafetyFeature;
    const ekero = await push('planner@nacka.test', putPlace(moved, 0));
    expect(ekero.status).toBe(403);
    expect(issueCodes(ekero.body)).toEqual(['outside-scope']);
    expect((await push('reader@nacka.test', putPlace(newPlace(), null))).status).toBe(403);
    // Moving a Nacka place into Ekerö's data is outside the scope as well.
    expect((await push('planner@ekero.test', putPlace({ ...nackaPlace, name: 'flyttad' } as SafetyFeature, 0))).status).toBe(403);

    const activity = shipped.activities.find((a) => a.documentId === shipped.documents.find((d) => d.municipality.code === '0182')!.id && !a.sensitive)!;
    const renamed = await push('police@nacka.test', { put: { activities: [{ ...activity, title: 'Ny titel' }] }, baseVersions: { activities: { [activity.id]: 0 } } });
    expect(renamed.status).toBe(403);
    expect(issueCodes(renamed.body)).toEqual(['police-status-only']);
    const status = await push('police@nacka.test', { put: { activities: [{ ...activity, status: 'ongoing' }] }, baseVersions: { activities: { [activity.id]: 0 } } });
    expect(status.status).toBe(201);
  });

  it('takes status entries from planners and police under their own name, only ever added, and serves them in pulls', async () => {
    const nacka = shipped.documents.find((d) => d.municipality.code === '0182')!;
    const activity = shipped.activities.find((a) => a.documentId === nacka.id && !a.sensitive)!;
    const entry = (over: Record<string, unknown> = {}) => ({
      id: `status-${randomUUID()}`,
      activityId: activity.id,
      documentId: nacka.id,
      date: '2026-11-20',
      status: 'done',
      note: 'Genomförd med skolorna',
      author: 'police@nacka.test',
      recordedAt: '2026-11-20T12:00:00.000Z',
      ...over,
    });
    const { lastSeq } = await pull('reader@nacka.test', 0);
    const mine = entry();
    const added = await push('police@nacka.test', { put: { statusEntries: [mine] }, baseVersions: { statusEntries: { [mine.id]: null } } });
    expect(added.status).toBe(201);
    // A second person's entry for the same activity at the same time: a different record, no conflict.
    const theirs = entry({ author: 'planner@nacka.test', status: 'ongoing' });
    expect((await push('planner@nacka.test', { put: { statusEntries: [theirs] }, baseVersions: { statusEntries: { [theirs.id]: null } } })).status).toBe(201);
    const pulled = await pull('reader@nacka.test', lastSeq);
    expect(pulled.changes.flatMap((c) => c.forward.put.statusEntries ?? []).map((e) => e.id)).toEqual([mine.id, theirs.id]);

    // Someone else's name, another municipality, and rewriting a stored entry are refused.
    const forged = entry({ author: 'planner@nacka.test' });
    const forgedResult = await push('police@nacka.test', { put: { statusEntries: [forged] }, baseVersions: { statusEntries: { [forged.id]: null } } });
    expect([forgedResult.status, issueCodes(forgedResult.body)]).toEqual([403, ['author-not-writer']]);
    const ekeroDocument = shipped.documents.find((d) => d.municipality.code === '0125')!;
    const ekeroActivity = shipped.activities.find((a) => a.documentId === ekeroDocument.id)!;
    const elsewhere = entry({ activityId: ekeroActivity.id, documentId: ekeroDocument.id });
    const elsewhereResult = await push('police@nacka.test', { put: { statusEntries: [elsewhere] }, baseVersions: { statusEntries: { [elsewhere.id]: null } } });
    expect([elsewhereResult.status, issueCodes(elsewhereResult.body)]).toEqual([403, ['outside-scope']]);
    const rewritten = await push('police@nacka.test', { put: { statusEntries: [{ ...mine, status: 'planned' }] }, baseVersions: { statusEntries: { [mine.id]: added.body.seq as number } } });
    expect([rewritten.status, issueCodes(rewritten.body)]).toEqual([422, ['append-only']]);
    const stored = await api.db().pool.query<{ record: { status: string } }>(`SELECT record FROM records WHERE table_name = 'statusEntries' AND id = $1`, [mine.id]);
    expect(stored.rows[0]!.record.status).toBe('done');
  });

  it('refuses invalid records with the write door’s rules (422): schema, sensitive place, outside Sweden', async () => {
    const broken = await push('planner@nacka.test', putPlace({ ...newPlace(), geometry: { type: 'Point', coordinates: [500, 500] } }, null));
    expect(broken.status).toBe(422);
    expect(issueCodes(broken.body)).toEqual(['schema']);
    const secret = shipped.activities.find((a) => a.sensitive && shipped.documents.find((d) => d.id === a.documentId)?.municipality.code === '0182')!;
    const sensitive = await push('planner@nacka.test', putPlace(newPlace({ activityIds: [secret.id] }), null));
    expect(sensitive.status).toBe(422);
    expect(issueCodes(sensitive.body)).toContain('sensitive-geometry');
    const copenhagen = await push('planner@nacka.test', putPlace(newPlace({ geometry: { type: 'Point', coordinates: [12.5683, 55.6761] } }), null));
    expect(issueCodes(copenhagen.body)).toEqual(['outside-sweden']);
    const malformed = await api.app().inject({ method: 'POST', url: '/api/changes', headers: { authorization: `Bearer ${await tokenOf('planner@nacka.test')}` }, payload: { label: 'x' } });
    expect(malformed.statusCode).toBe(422);
  });

  it('answers 409 with the current record when the base version is stale, and writes nothing', async () => {
    const place = newPlace();
    const created = await push('planner@nacka.test', putPlace(place, null));
    const version = created.body.seq as number;
    expect((await push('planner@nacka.test', putPlace({ ...place, name: 'Första' }, version))).status).toBe(201);
    const stale = await push('police@nacka.test', putPlace({ ...place, name: 'Andra' }, version));
    expect(stale.status).toBe(409);
    const [conflict] = stale.body.conflicts as { id: string; baseVersion: number; currentVersion: number; current: SafetyFeature }[];
    expect(conflict).toMatchObject({ id: place.id, baseVersion: version, currentVersion: version + 1, current: { name: 'Första' } });
    // Creating what already exists is stale too.
    expect((await push('planner@nacka.test', putPlace(place, null))).status).toBe(409);
    const row = await api.db().pool.query<{ record: SafetyFeature }>(`SELECT record FROM records WHERE id = $1`, [place.id]);
    expect(row.rows[0]!.record.name).toBe('Första');
  });

  it('applies a retried change once (same idempotency id), answering with the first result', async () => {
    const changeId = randomUUID();
    const place = newPlace();
    const first = await push('planner@nacka.test', { changeId, ...putPlace(place, null) });
    const again = await push('planner@nacka.test', { changeId, ...putPlace(place, null) });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ seq: first.body.seq, duplicate: true });
    const logged = await api.db().pool.query(`SELECT count(*)::int AS n FROM change_log WHERE change_id = $1`, [changeId]);
    expect(logged.rows[0]).toEqual({ n: 1 });
  });

  it('hands out sequence numbers without gaps under concurrent pushes, and pulls page by page', async () => {
    const { lastSeq } = await pull('reader@nacka.test', 0);
    const results = await Promise.all(Array.from({ length: 12 }, () => push('planner@nacka.test', putPlace(newPlace(), null))));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const seqs = results.map((r) => r.body.seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => lastSeq + 1 + i));
    const page = await api.app().inject({ method: 'GET', url: `/api/changes?since=${lastSeq}&limit=5`, headers: { authorization: `Bearer ${await tokenOf('reader@nacka.test')}` } });
    expect((page.json() as { changes: LoggedChange[] }).changes.map((c) => c.seq)).toEqual(seqs.slice(0, 5));
  });

  it('applies pushes that arrive together in one commit, each whole or not at all: refused and stale ones leave no trace, a retry in the same batch is applied once', async () => {
    const { lastSeq } = await pull('reader@nacka.test', 0);
    const retried = randomUUID();
    const retriedPlace = newPlace({ name: 'Två gånger skickad' });
    const bodies: PushBody[] = [
      ...Array.from({ length: 10 }, (_, i) => putPlace(newPlace({ name: `Samtidig ${i}` }), null)),
      putPlace(newPlace({ name: 'I Köpenhamn', geometry: { type: 'Point', coordinates: [12.57, 55.68] } }), null),
      { ...putPlace(retriedPlace, null), changeId: retried },
      { ...putPlace(retriedPlace, null), changeId: retried },
      putPlace({ ...nackaPlace, name: 'På en gammal version' }, 999_999),
      ...Array.from({ length: 5 }, (_, i) => putPlace(newPlace({ name: `Samtidig efter ${i}` }), null)),
    ];
    const before = { ...batchStats };
    const results = await Promise.all(bodies.map((body) => push('planner@nacka.test', body)));
    // They did share transactions: fewer commits than pushes.
    expect(batchStats.pushes - before.pushes).toBe(bodies.length);
    expect(batchStats.transactions - before.transactions).toBeLessThan(bodies.length);
    const statuses = results.map((r) => r.status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses[10]).toBe(422);
    expect([statuses[11], statuses[12]].sort()).toEqual([200, 201]);
    expect(statuses[13]).toBe(409);
    expect(statuses.slice(14)).toEqual(Array(5).fill(201));
    // The retry answers with the first result, whichever of the two came first.
    expect(results[11]!.body.seq).toBe(results[12]!.body.seq);
    const applied = [...new Set(results.filter((r) => r.status === 201 || r.status === 200).map((r) => r.body.seq as number))].sort((x, y) => x - y);
    expect(applied).toEqual(Array.from({ length: 16 }, (_, i) => lastSeq + 1 + i));
    const { changes } = await pull('reader@nacka.test', lastSeq);
    expect(changes.map((c) => c.seq)).toEqual(applied);
    const names = changes.flatMap((c) => c.forward.put.features ?? []).map((f) => f.name);
    expect(names).not.toContain('I Köpenhamn');
    expect(names).not.toContain('På en gammal version');
    expect(names.filter((n) => n === 'Två gånger skickad')).toHaveLength(1);
  });
});
