import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedDataset } from '../../../src/data/shipped';
import { documentStandings } from '../../../src/domain/currency';
import type { Dataset } from '../../../src/domain/dataset';
import { serializeBackup } from '../../../src/io/backup';
import { shippedPoliceAreas } from '../../../src/data/policeAreas';
import { buildPublicSite } from '../../../src/io/publicSite/buildSite';
import { privacyProblems, privateFactsOf } from '../../../src/io/publicSite/privacyCheck';
import { pmtilesDecoder } from '../../../src/io/publicSite/tileDecoder';
import { MIN_PUBLIC_K, PUBLIC_RESOLUTION, publicCells } from '../../../src/analysis/publicCells';
import { MARKER_AUTHOR, MARKER_HISTORY, TODAY, teamData } from './publicSiteFixture';
import { generateAnswerColumns } from '../../../scripts/generate-answers';

if (!shippedDataset.ok) throw new Error('shipped data invalid');
const shipped = shippedDataset.value;
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the citizens’ site', () => {
  it('has a page per municipality in both languages: promises by standing, activities with status and dated history, upcoming walks', () => {
    const data = teamData();
    const files = new Map(buildPublicSite(data as Dataset, TODAY).map((f) => [f.path, String(f.content)]));
    const codes = [...new Set(shipped.documents.map((d) => d.municipality.code))].sort();
    expect([...files.keys()].sort()).toEqual(['data/answer-cells.json', 'data/trygghet.pmtiles', 'karta.html', 'en/karta.html', 'en/index.html', 'index.html', 'data/near.json', 'nara.html', 'en/nara.html', ...codes.flatMap((c) => [`kommun/${c}.html`, `en/kommun/${c}.html`, `kommun/${c}.atom`, `en/kommun/${c}.atom`])].sort());
    const index = files.get('index.html')!;
    for (const code of codes) expect(index).toContain(`href="kommun/${code}.html"`);
    expect(index).toContain('<html lang="sv">');
    expect(files.get('en/index.html')).toContain('<html lang="en">');

    // Nacka: the status history as "vi lovade / vi gjorde", newest first, notes as text (never HTML).
    const nacka = files.get('kommun/0182.html')!;
    const entry = data.statusEntries[0]!;
    const activity = shipped.activities.find((a) => a.id === entry.activityId)!;
    expect(nacka).toContain(activity.title.replace(/&/g, '&amp;'));
    expect(nacka).toContain('20 oktober 2026</time>: Genomförd');
    expect(nacka).toContain('4 mars 2026</time>: Pågår – Första vandringen gjord &lt;b&gt;i mars&lt;/b&gt;');
    expect(nacka.indexOf('20 oktober 2026')).toBeLessThan(nacka.indexOf('4 mars 2026'));
    expect(files.get('en/kommun/0182.html')).toContain('20 October 2026</time>: Done');
    // Upcoming walks with date and organiser; one serving only sensitive work is not announced.
    expect(nacka).toContain('10 februari 2027: Trygghetsvandring Orminge centrum (arrangör: Nacka kommun)');
    expect(nacka).not.toContain('Vandring för känsligt arbete');
    expect(nacka).toContain('(arrangör: Nacka kommun) kl. 18:30<br>Samling: Busstorget i Orminge<br>Anmäl dig till trygghet@nacka.test.</li>');
    expect(files.get('en/kommun/0182.html')).toContain('at 18:30<br>Meet at: Busstorget i Orminge');

    // An expired promise is labelled expired, and its unfinished activities never read as planned.
    const standings = documentStandings(shipped.documents, TODAY);
    const expired = shipped.documents.find((d) => standings.get(d.id)?.currency === 'expired')!;
    const page = files.get(`kommun/${expired.municipality.code}.html`)!;
    const start = page.indexOf(`id="doc-${expired.id}"`);
    const next = page.indexOf('<section class="promise"', start);
    const section = page.slice(start, next < 0 ? undefined : next);
    expect(section).toContain('Har gått ut');
    expect(section).not.toContain('>Planerad<');
    // The same for a promise a later one replaced.
    const superseded = shipped.documents.find((d) => standings.get(d.id)?.currency === 'superseded');
    if (superseded) {
      const p2 = files.get(`kommun/${superseded.municipality.code}.html`)!;
      const s2 = p2.slice(p2.indexOf(`id="doc-${superseded.id}"`));
      expect(s2.slice(0, s2.indexOf('<section class="promise"') >= 0 ? s2.indexOf('<section class="promise"') : undefined)).not.toMatch(/>(Planerad|Pågår)</);
    }
    // Whom to contact, as the planners filled it in (text escaped); said plainly where nobody has.
    expect(nacka).toContain('<dd>Trygghetssamordnare, Nacka kommun &lt;kontakt&gt;</dd>');
    expect(nacka).toContain('<a href="mailto:trygghet@nacka.test">');
    expect(nacka).toContain('<a href="tel:087188000">08-718 80 00</a>');
    expect(nacka).toContain('<a href="https://www.nacka.se/trygghet">');
    expect(files.get('kommun/0120.html')).toContain('Kommunen har inte angett någon kontakt');
    expect(files.get('en/kommun/0182.html')).toContain('<h2 id="contact">Contact us</h2>');
    // Links are relative: the site works from any sub-path of a host.
    for (const content of files.values()) expect(content).not.toMatch(/(href|src)="\//);
  });

  it('has a page per police area: its municipalities (inferred ones said so), their promises and walks; linked from the index and each municipality', () => {
    const files = new Map(buildPublicSite(teamData(), TODAY, { policeAreas: shippedPoliceAreas() }).map((f) => [f.path, String(f.content)]));
    expect([...files.keys()].filter((p) => p.includes('polis/')).sort()).toEqual(
      ['en/polis/lpo-nacka.html', 'en/polis/lpo-umea.html', 'en/polis/lpo-vallingby.html', 'polis/lpo-nacka.html', 'polis/lpo-umea.html', 'polis/lpo-vallingby.html'],
    );
    const nacka = files.get('polis/lpo-nacka.html')!;
    expect(nacka).toContain('<h1>Lokalpolisområde Nacka</h1>');
    expect(nacka).toContain('<a href="../kommun/0182.html">Nacka</a>');
    expect(nacka).toContain('<a href="../kommun/0120.html">Värmdö</a>');
    expect(nacka).toContain('Tyresö <span class="muted">(inga publicerade löften)</span> <span class="muted">(härlett, inte angivet i något dokument)</span>');
    for (const id of ['nacka-2017', 'nacka-2022', 'varmdo-2017']) expect(nacka).toContain(`id="doc-${id}"`);
    expect(nacka).not.toContain('id="doc-ekero-2020"');
    expect(nacka).toContain('Trygghetsvandring Orminge centrum');
    expect(nacka).not.toContain('Vandring för känsligt arbete');
    expect(files.get('kommun/0182.html')).toContain('<a href="../polis/lpo-nacka.html">Hela Lokalpolisområde Nacka</a>');
    expect(files.get('index.html')).toContain('<a href="polis/lpo-vallingby.html">Lokalpolisområde Vällingby</a>');
    expect(files.get('en/polis/lpo-umea.html')).toContain('<html lang="en">');
    expect(files.get('en/polis/lpo-umea.html')).toContain('inferred, not stated in any document');
  });

  it('is built by npm run build:public from a backup file, and holds no author, survey answer or edit history', () => {
    const dir = mkdtempSync(join(tmpdir(), 'public-site-'));
    const data = teamData();
    const backup = join(dir, 'backup.json');
    writeFileSync(backup, serializeBackup(data));
    const out = join(dir, 'dist-public');
    execFileSync('npx', ['tsx', 'scripts/build-public.ts', '--from', backup, '--out', out], { stdio: 'pipe' });
    const all = filesUnder(out).map((path) => readFileSync(path, 'utf8')).join('\n');
    expect(all).toContain('Nacka');
    expect(all).not.toContain(MARKER_AUTHOR);
    expect(all).not.toContain('markorsson');
    expect(all).not.toContain(MARKER_HISTORY);
    // No survey answer: neither its set's name nor a position (the site has no geometry yet at all).
    expect(all).not.toContain('SYNTETISK');
    const lon = generateAnswerColumns({ answers: 10_000, seed: 3, area: 'four' }).lon;
    for (let i = 0; i < 50; i++) expect(all).not.toContain(lon[i]!.toFixed(4));

    // A refused file leaves the site that was there, and says why.
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"type":"trygghetskartan-backup","version":3,');
    const run = spawnSync('npx', ['tsx', 'scripts/build-public.ts', '--from', bad, '--out', out], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Filen är inte giltig JSON');
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    // k is never below 5.
    const lowK = spawnSync('npx', ['tsx', 'scripts/build-public.ts', '--from', backup, '--out', out, '--k', '3'], { encoding: 'utf8' });
    expect(lowK.status).toBe(2);
    expect(lowK.stderr).toContain('minst 5');
  }, 60_000);

  it('publishes the answers only as cells of at least k, in multiples of k, at one resolution; a leaky build (k = 1, or a position in a page) fails the privacy check', () => {
    const data = teamData();
    const facts = privateFactsOf(data, MIN_PUBLIC_K, [MARKER_HISTORY]);
    const files = buildPublicSite(data, TODAY);
    expect(privacyProblems(files, facts, [pmtilesDecoder])).toEqual([]);
    const published = JSON.parse(String(files.find((f) => f.path === 'data/answer-cells.json')!.content)) as { k: number; cells: [string, number][] };
    expect(published.k).toBe(5);
    expect(published.cells.length).toBeGreaterThan(10);
    // The synthetic survey leaves cells under k: those are left out, and the rest rounded down.
    const raw = publicCells(facts.answers, 1, PUBLIC_RESOLUTION, true);
    const under = raw.cells.filter(([, n]) => n < 5);
    expect(under.length).toBeGreaterThan(0);
    const kept = new Set(published.cells.map(([cell]) => cell));
    for (const [cell] of under) expect(kept.has(cell)).toBe(false);
    const total = published.cells.reduce((sum, [, n]) => sum + n, 0);
    expect(total).toBeLessThan(10_000);

    const leaky = buildPublicSite(data, TODAY, { k: 1, allowUnsafeK: true });
    expect(privacyProblems(leaky, facts, [pmtilesDecoder]).join('\n')).toMatch(/färre än k = 5/);
    const [lon, lat] = [facts.answers[0]!.lon[7]!, facts.answers[0]!.lat[7]!];
    const withPosition = [...files, { path: 'kommun/extra.html', content: `<p>${lon.toFixed(5)}, ${lat.toFixed(5)}</p>` }];
    expect(privacyProblems(withPosition, facts, [pmtilesDecoder]).join('\n')).toMatch(/enkätsvars läge/);
    const withMarker = [...files, { path: 'kommun/extra.html', content: `<p>${MARKER_HISTORY}</p>` }];
    expect(privacyProblems(withMarker, facts, [pmtilesDecoder]).join('\n')).toContain(MARKER_HISTORY);
    expect(() => buildPublicSite(data, TODAY, { k: 3 })).toThrow(/minst 5/);
  });
});
