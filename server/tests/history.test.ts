import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useApiApp } from './helpers/apiApp';
import type { RecordTable } from '../../src/domain/changes';
import type { SafetyFeature } from '../../src/domain/safetyFeature';
import type { RecordHistoryEntry } from '../../src/domain/sync/recordHistory';
import { HISTORY_LIMIT } from '../store/changeLog';

const api = useApiApp();
const { shipped, tokenOf } = api;

const nackaPlace = shipped.features.find((f) => f.municipalityCode === '0182' && f.layer === 'unsafe-place')!;
const newPlace = (over: Partial<SafetyFeature> = {}): SafetyFeature => ({ ...nackaPlace, id: `place-${randomUUID()}`, name: 'Ny plats', ...over }) as SafetyFeature;

interface PushBody {
  label: string;
  put?: { [T in RecordTable]?: unknown[] };
  delete?: { [T in RecordTable]?: string[] };
  baseVersions: { [T in RecordTable]?: Record<string, number | null> };
}

/** A push that must be accepted; answers the new sequence number (the records' new version). */
async function push(email: string, body: PushBody): Promise<number> {
  const response = await api.app().inject({
    method: 'POST',
    url: '/api/changes',
    headers: { authorization: `Bearer ${await tokenOf(email)}` },
    payload: { changeId: randomUUID(), put: {}, delete: {}, ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { seq: number }).seq;
}

async function history(email: string | null, table: string, id: string) {
  const response = await api.app().inject({ method: 'GET', url: `/api/history/${table}/${encodeURIComponent(id)}`, headers: email ? { authorization: `Bearer ${await tokenOf(email)}` } : {} });
  return { status: response.statusCode, body: response.json() as { entries: RecordHistoryEntry[]; error?: string; issues?: { subject: string; message: string }[] } };
}

describe('GET /api/history/:table/:id', () => {
  it('lists who created, renamed and deleted a place, newest first, with the fields each changed', async () => {
    const place = newPlace({ name: 'Torget vid stationen' });
    const created = await push('planner@nacka.test', { label: 'lägg till Torget vid stationen', put: { features: [place] }, baseVersions: { features: { [place.id]: null } } });
    const renamed = await push('police@nacka.test', { label: 'byt namn', put: { features: [{ ...place, name: 'Stationstorget' }] }, baseVersions: { features: { [place.id]: created } } });
    // A change of another record between them is not part of this place's history.
    const other = newPlace();
    await push('planner@nacka.test', { label: 'en annan plats', put: { features: [other] }, baseVersions: { features: { [other.id]: null } } });
    const deleted = await push('planner@nacka.test', { label: 'ta bort Stationstorget', delete: { features: [place.id] }, baseVersions: { features: { [place.id]: renamed } } });

    // Any role may read, a reader too.
    const { status, body } = await history('reader@nacka.test', 'features', place.id);
    expect(status).toBe(200);
    expect(body.entries.map((e) => [e.seq, e.author, e.kind, e.label])).toEqual([
      [deleted, 'planner@nacka.test', 'deleted', 'ta bort Stationstorget'],
      [renamed, 'police@nacka.test', 'changed', 'byt namn'],
      [created, 'planner@nacka.test', 'created', 'lägg till Torget vid stationen'],
    ]);
    expect(body.entries[1]!.fields).toEqual(['name']);
    const allFields = Object.keys(place).filter((f) => f !== 'id').sort();
    expect(body.entries[2]!.fields).toEqual(allFields);
    expect(body.entries[0]!.fields).toEqual(allFields);
    const logged = await api.db().pool.query<{ seq: string; at: Date }>('SELECT seq, at FROM change_log WHERE seq = ANY($1::bigint[]) ORDER BY seq DESC', [[deleted, renamed, created]]);
    expect(body.entries.map((e) => e.at)).toEqual(logged.rows.map((r) => r.at.toISOString()));
  });

  it('answers the history of activities and documents as well (a police status change names only status)', async () => {
    const activity = shipped.activities.find((a) => a.documentId === shipped.documents.find((d) => d.municipality.code === '0182')!.id && !a.sensitive)!;
    const seq = await push('police@nacka.test', { label: 'status pågår', put: { activities: [{ ...activity, status: 'ongoing' }] }, baseVersions: { activities: { [activity.id]: 0 } } });
    expect((await history('planner@nacka.test', 'activities', activity.id)).body.entries).toEqual([expect.objectContaining({ seq, author: 'police@nacka.test', kind: 'changed', fields: ['status'] })]);
    const document = shipped.documents.find((d) => d.municipality.code === '0182')!;
    const docSeq = await push('planner@nacka.test', { label: 'uppföljning', put: { documents: [{ ...document, followUp: 'Två gånger per år' }] }, baseVersions: { documents: { [document.id]: 0 } } });
    expect((await history('police@nacka.test', 'documents', document.id)).body.entries).toEqual([expect.objectContaining({ seq: docSeq, author: 'planner@nacka.test', kind: 'changed', fields: ['followUp'] })]);
  });

  it('answers an empty list for a record never changed (seeded, or unknown), and keeps tables apart', async () => {
    const untouched = shipped.features.find((f) => f.municipalityCode === '0125')!;
    expect(await history('reader@nacka.test', 'features', untouched.id)).toEqual({ status: 200, body: { entries: [] } });
    expect((await history('reader@nacka.test', 'features', 'no-such-place')).body).toEqual({ entries: [] });
    // An activity's id asked for as a place: another record.
    const activity = shipped.activities.find((a) => a.documentId === shipped.documents.find((d) => d.municipality.code === '0182')!.id && !a.sensitive)!;
    expect((await history('reader@nacka.test', 'features', activity.id)).body).toEqual({ entries: [] });
  });

  it('answers 401 without a token and 422 for a table that is not one of the record tables', async () => {
    expect((await history(null, 'features', nackaPlace.id)).status).toBe(401);
    expect((await api.app().inject({ method: 'GET', url: `/api/history/features/${nackaPlace.id}`, headers: { authorization: 'Bearer not-a-token' } })).statusCode).toBe(401);
    const unknown = await history('reader@nacka.test', 'users', 'u1');
    expect(unknown.status).toBe(422);
    expect(unknown.body.issues).toEqual([expect.objectContaining({ subject: 'table', message: 'table must be one of documents, focusAreas, activities, features, statusEntries, contacts' })]);
    // No table at all is not this route.
    expect((await api.app().inject({ method: 'GET', url: '/api/history/features', headers: { authorization: `Bearer ${await tokenOf('reader@nacka.test')}` } })).statusCode).toBe(404);
  });

  it('links one change set to every record it touched, in one go, and answers at most the newest HISTORY_LIMIT entries', async () => {
    const places = Array.from({ length: 300 }, () => newPlace());
    const seq = await push('planner@nacka.test', { label: 'import', put: { features: places }, baseVersions: { features: Object.fromEntries(places.map((p) => [p.id, null])) } });
    const links = await api.db().pool.query<{ n: number }>('SELECT count(*)::int AS n FROM change_log_records WHERE seq = $1', [seq]);
    expect(links.rows[0]).toEqual({ n: 300 });
    expect((await history('reader@nacka.test', 'features', places[123]!.id)).body.entries).toEqual([expect.objectContaining({ seq, kind: 'created', label: 'import' })]);

    const place = places[0]!;
    let version = seq;
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) version = await push('planner@nacka.test', { label: `namn ${i}`, put: { features: [{ ...place, name: `Namn ${i}` }] }, baseVersions: { features: { [place.id]: version } } });
    const { entries } = (await history('reader@nacka.test', 'features', place.id)).body;
    expect(entries).toHaveLength(HISTORY_LIMIT);
    expect(entries[0]).toMatchObject({ seq: version, label: `namn ${HISTORY_LIMIT + 4}`, fields: ['name'] });
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => b - a));
  });
});
