import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useApiApp } from './helpers/apiApp';
import type { Contact } from '../../src/domain/contact';

const api = useApiApp();

const contact = (over: Partial<Contact> = {}): Contact => ({
  id: 'contact-0182',
  municipality: { code: '0182', name: 'Nacka' },
  organisation: 'Trygghetssamordnare, Nacka kommun',
  email: 'trygghet@nacka.test',
  phone: null,
  web: null,
  note: null,
  updatedAt: '2026-12-02T10:00:00.000Z',
  ...over,
});

async function push(email: string, record: unknown, base: number | null) {
  const id = (record as { id: string }).id;
  const response = await api.app().inject({
    method: 'POST',
    url: '/api/changes',
    headers: { authorization: `Bearer ${await api.tokenOf(email)}` },
    payload: { changeId: randomUUID(), label: 'kontakt', put: { contacts: [record] }, delete: {}, baseVersions: { contacts: { [id]: base } } },
  });
  return { status: response.statusCode, body: response.json() as { seq?: number; issues?: { code: string }[] } };
}

describe('contacts for citizens on the team server', () => {
  it('takes a planner’s contact for their municipality, refuses police, other municipalities and a bad record, and serves it in the pull', async () => {
    const saved = await push('planner@nacka.test', contact(), null);
    expect(saved.status).toBe(201);
    const row = await api.db().pool.query<{ municipality_code: string }>(`SELECT municipality_code FROM records WHERE table_name = 'contacts' AND id = 'contact-0182'`);
    expect(row.rows).toEqual([{ municipality_code: '0182' }]);
    // Police follow activities up; whom citizens contact is the municipality's to say.
    expect((await push('police@nacka.test', contact({ organisation: 'Polisen' }), saved.body.seq!)).status).toBe(403);
    const ekero = await push('planner@ekero.test', contact(), saved.body.seq!);
    expect(ekero.status).toBe(403);
    expect(ekero.body.issues?.map((i) => i.code)).toEqual(['outside-scope']);
    const bad = await push('planner@nacka.test', contact({ web: 'javascript:alert(1)' }), saved.body.seq!);
    expect(bad.status).toBe(422);
    const pulled = await api.app().inject({ method: 'GET', url: '/api/changes?since=0', headers: { authorization: `Bearer ${await api.tokenOf('reader@nacka.test')}` } });
    const changes = (pulled.json() as { changes: { forward: { put: { contacts?: Contact[] } } }[] }).changes;
    expect(changes.flatMap((c) => c.forward.put.contacts ?? [])).toEqual([contact()]);
  });
});
