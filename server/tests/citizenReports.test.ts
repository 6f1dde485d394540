import { describe, expect, it } from 'vitest';
import { useApiApp } from './helpers/apiApp';

// A small window limit of its own, so the rate-limit test does not need dozens of requests.
const api = useApiApp(() => ({ reports: { publicSiteOrigin: 'https://trygghet.example.se', rateLimit: { max: 5, windowSeconds: 600 } } }));

const NACKA_FORUM = 'nacka-2017-f-otrygg-nacka-forum';
const EKERO_CENTRUM = 'ekero-2020-f-ekero-centrum';
const good = { position: { lon: 18.163, lat: 59.3108 }, timeOfDay: 'kvall', reasons: ['belysning', 'narkotika'], comment: 'Mörkt vid busshållplatsen' };

let ip = 0;
/** Each test its own client address, so the rate limit of one does not reach another. */
const nextIp = () => `198.51.100.${++ip}`;

async function send(payload: unknown, options: { ip?: string; language?: string; contentType?: string } = {}) {
  const response = await api.app().inject({
    method: 'POST',
    url: '/api/public/reports',
    remoteAddress: options.ip ?? nextIp(),
    headers: { 'content-type': options.contentType ?? 'application/json', ...(options.language ? { 'accept-language': options.language } : {}) },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  return { status: response.statusCode, body: response.json() as { id?: string; message?: string; issues?: { field: string; code: string; message: string }[] }, headers: response.headers };
}

const count = async () => Number((await api.db().pool.query<{ n: string }>('SELECT count(*) AS n FROM citizen_reports')).rows[0]!.n);

async function asUser(email: string | null, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const response = await api.app().inject({
    method,
    url,
    headers: email ? { authorization: `Bearer ${await api.tokenOf(email)}` } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

describe('citizens’ reports: the public door', () => {
  it('takes a good report without an account, in the public site’s CORS, and answers in the page’s language', async () => {
    const before = await count();
    const saved = await send(good, { language: 'en-GB,en;q=0.9,sv;q=0.5' });
    expect(saved.status).toBe(201);
    expect(saved.body.message).toMatch(/Thank you/);
    expect(saved.headers['access-control-allow-origin']).toBe('https://trygghet.example.se');
    expect(await count()).toBe(before + 1);
    const row = await api.db().pool.query<{ municipality_code: string; status: string; report: { comment: string; reasons: string[] } }>('SELECT municipality_code, status, report FROM citizen_reports WHERE id = $1', [saved.body.id]);
    expect(row.rows[0]).toMatchObject({ municipality_code: '0182', status: 'pending', report: { comment: 'Mörkt vid busshållplatsen', reasons: ['belysning', 'narkotika'] } });
    // A place name alone, with its municipality, is a report too (no map needed); text/plain needs no preflight.
    const named = await send({ placeName: 'Ekerö centrum', municipalityCode: '0125', timeOfDay: 'natt', reasons: ['folksamlingar'] }, { contentType: 'text/plain' });
    expect(named.status).toBe(201);
    expect(named.body.message).toMatch(/Tack/);
    const preflight = await api.app().inject({ method: 'OPTIONS', url: '/api/public/reports', headers: { origin: 'https://trygghet.example.se', 'access-control-request-method': 'POST' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toMatch(/POST/);
  });

  it('refuses bad input with clear messages and stores nothing', async () => {
    const before = await count();
    const bad = await send({ timeOfDay: 'morgon', reasons: [] });
    expect(bad.status).toBe(422);
    expect(bad.body.issues?.map((i) => i.code).sort()).toEqual(['reasons-missing', 'time-missing']);
    expect(bad.body.message).toMatch(/Välj när på dygnet.*Välj minst ett skäl/);
    const noPlace = await send({ timeOfDay: 'dag', reasons: ['klotter'] }, { language: 'en' });
    expect(noPlace.status).toBe(422);
    expect(noPlace.body.message).toMatch(/Give a place/);
    const cases: [unknown, string][] = [
      [{ ...good, position: { lon: 12.6, lat: 55.7 } }, 'outside-sweden'], // Copenhagen: inside the box, outside the municipalities
      [{ ...good, position: { lon: 59.31, lat: 18.16 } }, 'outside-sweden'],
      [{ ...good, reasons: ['vegetation'] }, 'reason-invalid'],
      [{ ...good, comment: 'x'.repeat(1001) }, 'comment-too-long'],
      [{ ...good, name: 'Anna Andersson' }, 'unknown-field'],
      [{ placeName: 'Torget', timeOfDay: 'dag', reasons: ['annat'] }, 'municipality-missing'],
      ['{ not json', 'not-a-report'],
    ];
    for (const [payload, code] of cases) {
      const response = await send(payload);
      expect(response.status, code).toBe(code === 'not-a-report' ? 400 : 422);
      if (response.status === 422) expect(response.body.issues?.map((i) => i.code)).toContain(code);
      expect(response.body.message).toBeTruthy();
    }
    expect(await count()).toBe(before);
  });

  it('refuses a report over 4 kB with 413 and a message', async () => {
    const before = await count();
    const big = await send({ ...good, comment: 'x'.repeat(5000) }, { language: 'en' });
    expect(big.status).toBe(413);
    expect(big.body.message).toMatch(/too large/);
    expect(await count()).toBe(before);
  });

  it('limits each client to 5 reports per window (429 with a message), others still get through', async () => {
    const client = nextIp();
    for (let i = 0; i < 5; i++) expect((await send(good, { ip: client })).status).toBe(201);
    const limited = await send(good, { ip: client, language: 'sv' });
    expect(limited.status).toBe(429);
    expect(limited.body.message).toMatch(/Vänta en stund/);
    expect(limited.headers['retry-after']).toBe('600');
    expect((await send(good)).status).toBe(201);
    // Only a salted hash is kept, never the address.
    const { rows } = await api.db().pool.query<{ client_hash: string }>('SELECT client_hash FROM report_rate_limits');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('198.51.100');
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.client_hash))).toBe(true);
  });
});

describe('citizens’ reports: the planners’ queue', () => {
  it('is for planners of the report’s municipality only', async () => {
    expect((await asUser(null, 'GET', '/api/reports?status=pending')).status).toBe(401);
    expect((await asUser('police@nacka.test', 'GET', '/api/reports?status=pending')).status).toBe(403);
    expect((await asUser('reader@nacka.test', 'GET', '/api/reports?status=pending')).status).toBe(403);
    const nacka = await asUser('planner@nacka.test', 'GET', '/api/reports?status=pending');
    expect(nacka.status).toBe(200);
    const reports = nacka.body.reports as { municipalityCode: string; report: { comment: string | null } }[];
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => r.municipalityCode === '0182')).toBe(true);
    // Comments are shown here, to the municipality's planners.
    expect(reports.some((r) => r.report.comment === 'Mörkt vid busshållplatsen')).toBe(true);
    const ekero = await asUser('planner@ekero.test', 'GET', '/api/reports?status=pending');
    expect((ekero.body.reports as { municipalityCode: string }[]).every((r) => r.municipalityCode === '0125')).toBe(true);
    expect((await asUser('planner@nacka.test', 'GET', '/api/reports?status=maybe')).status).toBe(422);
  });

  it('accepts a report as an answer of an unsafe place in scope, and rejects another', async () => {
    const first = (await send(good)).body.id!;
    const second = (await send({ ...good, comment: 'andra' })).body.id!;
    // Not a planner, another municipality's planner, not an unsafe place, a place outside scope: refused, nothing changed.
    expect((await asUser('police@nacka.test', 'POST', `/api/reports/${first}/accept`, { featureId: NACKA_FORUM })).status).toBe(403);
    expect((await asUser('planner@ekero.test', 'POST', `/api/reports/${first}/accept`, { featureId: EKERO_CENTRUM })).status).toBe(404);
    expect((await asUser('planner@nacka.test', 'POST', `/api/reports/${first}/accept`, { featureId: EKERO_CENTRUM })).status).toBe(403);
    const walk = api.shipped.features.find((f) => f.layer !== 'unsafe-place' && f.municipalityCode === '0182')!;
    const notUnsafe = await asUser('planner@nacka.test', 'POST', `/api/reports/${first}/accept`, { featureId: walk.id });
    expect(notUnsafe.status).toBe(422);
    expect(notUnsafe.body.error).toMatch(/inte en otrygg plats/);
    expect((await asUser('planner@nacka.test', 'POST', `/api/reports/${first}/accept`, {})).status).toBe(422);
    const pending = await api.db().pool.query('SELECT status FROM citizen_reports WHERE id = $1', [first]);
    expect(pending.rows[0]).toEqual({ status: 'pending' });

    const accepted = await asUser('planner@nacka.test', 'POST', `/api/reports/${first}/accept`, { featureId: NACKA_FORUM });
    expect(accepted.status).toBe(200);
    expect(accepted.body.report).toMatchObject({ status: 'accepted', featureId: NACKA_FORUM, reviewedBy: 'planner@nacka.test' });
    // The answer sits at the place's point, not at the reporter's mark.
    const answer = await api.db().pool.query<{ lon: number; lat: number }>('SELECT ST_X(answer_geom) AS lon, ST_Y(answer_geom) AS lat FROM citizen_reports WHERE id = $1', [first]);
    expect(answer.rows[0]).toEqual({ lon: 18.1635, lat: 59.3105 });
    expect((await asUser('planner@nacka.test', 'POST', `/api/reports/${first}/reject`)).status).toBe(409);

    const rejected = await asUser('planner@nacka.test', 'POST', `/api/reports/${second}/reject`);
    expect(rejected.status).toBe(200);
    expect(rejected.body.report).toMatchObject({ status: 'rejected', featureId: null });

    const list = async (status: string) => ((await asUser('planner@nacka.test', 'GET', `/api/reports?status=${status}`)).body.reports as { id: string }[]).map((r) => r.id);
    expect(await list('accepted')).toContain(first);
    expect(await list('rejected')).toContain(second);
    expect(await list('pending')).not.toContain(first);
    expect((await asUser('planner@nacka.test', 'POST', '/api/reports/not-a-uuid/reject')).status).toBe(422);
  });

  it('keeps the review consistent in the database itself, and one salt for every instance', async () => {
    const id = (await send(good)).body.id!;
    await expect(api.db().pool.query(`UPDATE citizen_reports SET status = 'accepted', reviewed_by = 'x', reviewed_at = now() WHERE id = $1`, [id])).rejects.toThrow(/check constraint/);
    await expect(api.db().pool.query(`UPDATE citizen_reports SET status = 'rejected' WHERE id = $1`, [id])).rejects.toThrow(/check constraint/);
    const salt = await api.db().pool.query<{ value: string }>(`SELECT value FROM server_secrets WHERE name = 'report-ip-salt'`);
    expect(salt.rows[0]?.value).toMatch(/^[0-9a-f]{64}$/);
  });

  it('Publish says clearly when no folder is configured', async () => {
    const response = await asUser('planner@nacka.test', 'POST', '/api/publish');
    expect(response.status).toBe(503);
    expect(response.body.error).toMatch(/PUBLISH_DIR/);
  });
});
