import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useApiApp } from './helpers/apiApp';

const root = mkdtempSync(join(tmpdir(), 'publish-'));
const site = join(root, 'site');
// No scripts: the test is about the data that reaches the site, not the built bundles.
const api = useApiApp(() => ({ publish: { dir: site, reportUrl: 'https://karta.example.se', assets: { files: [], entries: {} } } }));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const COMMENT_MARKER = 'KOMMENTARMARKÖR-7f3a';
const PLACE_MARKER = 'PLATSMARKÖR-91bc';
const NACKA_FORUM = 'nacka-2017-f-otrygg-nacka-forum';

const filesOf = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path) : [path];
  });

async function publish(email: string | null) {
  const response = await api.app().inject({ method: 'POST', url: '/api/publish', headers: email ? { authorization: `Bearer ${await api.tokenOf(email)}` } : {} });
  return { status: response.statusCode, body: response.json() as { files?: number; bytes?: number; publishedAt?: string; error?: string; problems?: string[] } };
}

describe('Publish: the citizens’ site from the server’s data', () => {
  it('is refused without a planner’s sign-in, and the folder stays as it was', async () => {
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'old.html'), 'the old site');
    expect((await publish(null)).status).toBe(401);
    expect((await publish('police@nacka.test')).status).toBe(403);
    expect((await publish('reader@nacka.test')).status).toBe(403);
    expect(readdirSync(site)).toEqual(['old.html']);
  });

  it('writes the site with accepted reports counted in cells, and no comment, place name or reporter data in any file', async () => {
    const planner = `Bearer ${await api.tokenOf('planner@nacka.test')}`;
    // Six accepted reports at one unsafe place (a cell of 5 once rounded down to k), one pending, one rejected.
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await api.app().inject({
        method: 'POST',
        url: '/api/public/reports',
        remoteAddress: `203.0.113.${i + 1}`,
        payload: { position: { lon: 18.1641 + i * 0.0001, lat: 59.3101 }, placeName: `${PLACE_MARKER} ${i}`, timeOfDay: 'natt', reasons: ['belysning'], comment: `${COMMENT_MARKER} nummer ${i}` },
      });
      expect(response.statusCode).toBe(201);
      ids.push((response.json() as { id: string }).id);
    }
    for (const id of ids.slice(0, 6)) {
      const accepted = await api.app().inject({ method: 'POST', url: `/api/reports/${id}/accept`, headers: { authorization: planner }, payload: { featureId: NACKA_FORUM } });
      expect(accepted.statusCode).toBe(200);
    }
    expect((await api.app().inject({ method: 'POST', url: `/api/reports/${ids[7]}/reject`, headers: { authorization: planner } })).statusCode).toBe(200);

    const published = await publish('planner@nacka.test');
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.files).toBeGreaterThan(4);
    expect(published.body.publishedAt).toMatch(/^\d{4}-/);
    const files = filesOf(site);
    expect(files.length).toBe(published.body.files);
    const names = files.map((f) => relative(site, f));
    expect(names).toEqual(expect.arrayContaining(['index.html', 'en/index.html', 'kommun/0182.html', 'data/answer-cells.json', 'rapportera.html', 'en/rapportera.html']));
    expect(names).not.toContain('old.html');
    // Publish passes the server's own public address: the site gets the report form, posting back here.
    expect(readFileSync(join(site, 'rapportera.html'), 'utf8')).toContain('data-endpoint="https://karta.example.se/api/public/reports"');
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toMatch(/Nacka/);
    // The six accepted answers are one cell of 5 (rounded down to a multiple of k), nothing single.
    const cells = JSON.parse(readFileSync(join(site, 'data/answer-cells.json'), 'utf8')) as { cells: [string, number][] };
    expect(cells.cells.map((c) => c[1])).toEqual([5]);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toContain('KOMMENTARMARK');
      expect(text, file).not.toContain('PLATSMARK');
      expect(text, file).not.toContain('planner@nacka.test');
      expect(text, file).not.toContain('203.0.113');
      expect(text, file).not.toContain('18.1641');
      expect(text, file).not.toContain(ids[0]);
    }
    expect(existsSync(`${site}.building`)).toBe(false);
  });

  it('is refused by the privacy check with its problems, and the published site stays as it was', async () => {
    // A status entry whose note names its own author: the page would show an author's address.
    const activity = api.shipped.activities.find((a) => a.documentId.startsWith('nacka-2022') && !a.sensitive)!;
    const author = 'lacka.markorsson@nacka.test';
    const entry = { id: 'leaky-entry', activityId: activity.id, documentId: activity.documentId, date: '2026-11-01', status: 'ongoing', note: `Frågor till ${author}`, author, recordedAt: '2026-11-01T10:00:00.000Z' };
    await api.db().pool.query(`INSERT INTO records (table_name, id, version, municipality_code, record) VALUES ('statusEntries', $1, 1, '0182', $2::jsonb)`, [entry.id, JSON.stringify(entry)]);
    const before = new Map(filesOf(site).map((f) => [f, readFileSync(f, 'utf8')]));
    try {
      const refused = await publish('planner@nacka.test');
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatch(/orörd/);
      expect(refused.body.problems?.join('\n')).toContain(author);
      expect(new Map(filesOf(site).map((f) => [f, readFileSync(f, 'utf8')]))).toEqual(before);
    } finally {
      await api.db().pool.query(`DELETE FROM records WHERE table_name = 'statusEntries' AND id = $1`, [entry.id]);
    }
  });
});
