import { DOMParser, onWarningStopParsing } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { shippedDataset } from '../../../src/data/shipped';
import type { Dataset } from '../../../src/domain/dataset';
import { buildPublicSite } from '../../../src/io/publicSite/buildSite';
import { privacyProblems, privateFactsOf } from '../../../src/io/publicSite/privacyCheck';
import { findPlaces, formatDistance, inMunicipality, nearestBeyond, withinRadius, type GazetteerPlace, type NearFile, type NearItem } from '../../../src/analysis/publicNear';
import { filterSince } from '../../../src/public/since';
import { loadGazetteer } from '../../../server/publish/gazetteer';
import { MARKER_AUTHOR, TODAY, teamData } from './publicSiteFixture';

if (!shippedDataset.ok) throw new Error('shipped data invalid');
const ATOM = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function site(change: (data: ReturnType<typeof teamData>) => void = () => {}) {
  const data = teamData();
  change(data);
  const files = buildPublicSite(data as Dataset, TODAY, { gazetteer: loadGazetteer(), scripts: { near: 'assets/near-x.js', since: 'assets/since-x.js' } });
  return { data, files, text: new Map(files.map((f) => [f.path, String(f.content)])) };
}

function parseAtom(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => { errors.push(`${level}: ${message}`); if (level !== 'warning') throw new Error(message); } }).parseFromString(xml, 'application/xml');
  expect(errors).toEqual([]);
  void onWarningStopParsing;
  return doc as unknown as Document;
}
const child = (el: Element, name: string) => [...(el.childNodes as unknown as Element[])].filter((n) => n.nodeType === 1 && n.localName === name && n.namespaceURI === ATOM);

describe('follow along: the Atom feed per municipality', () => {
  it('is well-formed Atom with the required elements, RFC 3339 dates, stable ids, escaped text and no author of an entry', () => {
    const { text } = site();
    for (const path of ['kommun/0182.atom', 'en/kommun/0182.atom', 'kommun/2401.atom']) {
      const doc = parseAtom(text.get(path)!);
      const feed = doc.documentElement;
      expect(feed.localName).toBe('feed');
      expect(feed.namespaceURI).toBe(ATOM);
      for (const name of ['id', 'title', 'updated', 'author']) expect(child(feed, name), `${path} feed/${name}`).toHaveLength(1);
      expect(child(feed, 'updated')[0]!.textContent).toMatch(RFC3339);
      const ids = new Set<string>();
      for (const entry of child(feed, 'entry')) {
        for (const name of ['id', 'title', 'updated', 'link']) expect(child(entry, name).length, `${path} entry/${name}`).toBeGreaterThan(0);
        expect(child(entry, 'author')).toHaveLength(0);
        expect(child(entry, 'updated')[0]!.textContent).toMatch(RFC3339);
        const id = child(entry, 'id')[0]!.textContent!;
        expect(id).toMatch(/^tag:trygghetskartan,2026:(sv|en)\/(status|walk)\//);
        ids.add(id);
        expect(child(entry, 'link')[0]!.getAttribute('href')).toMatch(/^\d{4}\.html#[aw]-/);
      }
      expect(ids.size).toBe(child(feed, 'entry').length);
    }
    const nacka = parseAtom(text.get('kommun/0182.atom')!);
    const entries = child(nacka.documentElement, 'entry');
    const titles = entries.map((e) => child(e, 'title')[0]!.textContent);
    // Status changes and the upcoming walk, newest first; the walk serving only sensitive work is not announced.
    expect(titles[0]).toBe('Trygghetsvandring 10 februari 2027: Trygghetsvandring Orminge centrum');
    expect(titles.some((t) => t!.endsWith(': Genomförd'))).toBe(true);
    expect(titles.join()).not.toContain('Vandring för känsligt arbete');
    // The note's markup is text: parsed back, it reads as written.
    expect(entries.map((e) => child(e, 'summary')[0]?.textContent).join()).toContain('Första vandringen gjord <b>i mars</b>');
    expect(text.get('kommun/0182.atom')).toContain('&lt;b&gt;');
    expect(child(nacka.documentElement, 'updated')[0]!.textContent).toBe('2027-02-10T12:00:00Z');
    // No author, nothing of the edit history, the same ids in the next build.
    for (const [path, content] of text) if (path.endsWith('.atom')) expect(content).not.toContain(MARKER_AUTHOR);
    expect(site().text.get('kommun/0182.atom')).toBe(text.get('kommun/0182.atom'));
  });

  it('is linked from the municipality page, which lists what is new with dates for "nytt sedan"', () => {
    const { text } = site();
    const page = text.get('kommun/0182.html')!;
    expect(page).toContain('<link rel="alternate" type="application/atom+xml" href="0182.atom"');
    expect(page).toContain('<a href="0182.atom" type="application/atom+xml">Följ nyheterna som flöde (Atom)</a>');
    expect(page).toContain('<script type="module" src="../assets/since-x.js"></script>');
    expect(text.get('en/kommun/0182.html')).toContain('<script type="module" src="../../assets/since-x.js"></script>');
    expect(page).toContain('<label for="since-date">Visa det som är nytt sedan</label>');
    expect(page).toMatch(/<li data-date="2026-10-20"><time datetime="2026-10-20">20 oktober 2026<\/time> – <a href="#a-[^"]+">/);
    // Every link of the list leads to an element of the page.
    for (const [, id] of page.matchAll(/<li data-date="[^"]+"><time[^>]*>[^<]*<\/time> – <a href="#([^"]+)"/g)) expect(page).toContain(`id="${id}"`);
    expect(filterSince(['2027-02-10', '2026-10-20', '2026-03-04'], '2026-10-20')).toEqual([true, false, false]);
    expect(filterSince(['2026-03-04'], null)).toEqual([true]);
  });

  it('is read by the privacy check like every other text file', () => {
    const { data, files } = site();
    const facts = privateFactsOf(data, 5);
    const leaky = files.map((f) => (f.path === 'kommun/0182.atom' ? { ...f, content: String(f.content).replace('</feed>', `<entry><author><name>${MARKER_AUTHOR}</name></author></entry></feed>`) } : f));
    expect(privacyProblems(leaky.filter((f) => f.path.endsWith('.atom')), facts)).toEqual([`kommun/0182.atom: innehåller ${JSON.stringify(MARKER_AUTHOR)}`]);
    expect(privacyProblems(files.filter((f) => typeof f.content === 'string'), facts)).toEqual([]);
  });
});

describe('near me: data/near.json and its search', () => {
  it('publishes walks, watch areas, speed streets and focus places with status and date; never unsafe places, sensitive places or authors', () => {
    // A watch area's activity reported done: its place shows the status and the day.
    const { data, text } = site((d) => {
      const area = d.features.find((f) => f.layer === 'watch-area')!;
      const activity = d.activities.find((a) => a.id === area.activityIds[0])!;
      d.statusEntries.push({ id: 'e3', activityId: activity.id, documentId: activity.documentId, date: '2026-11-02', status: 'done', note: null, author: MARKER_AUTHOR, recordedAt: '2026-11-02T10:00:00.000Z' });
    });
    const near = JSON.parse(text.get('data/near.json')!) as NearFile;
    const kinds = new Set(near.items.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['place', 'speed-control', 'walk', 'watch-area']);
    const ids = new Set(near.items.map((i) => i.id));
    for (const f of data.features.filter((f) => f.layer === 'unsafe-place')) expect(ids.has(f.id)).toBe(false);
    expect(ids.has('w-hidden')).toBe(false);
    expect(ids.has('w-next')).toBe(true);
    const walk = near.items.find((i) => i.id === 'w-next')!;
    expect(walk).toMatchObject({ kind: 'walk', date: '2027-02-10', time: '18:30', meetingPoint: 'Busstorget i Orminge', municipality: '0182' });
    const sensitive = new Set(data.activities.filter((a) => a.sensitive).map((a) => a.title));
    for (const item of near.items) {
      for (const c of item.point) expect(Math.round(c * 1e4) / 1e4).toBe(c);
      for (const a of item.activities) expect(sensitive.has(a.title)).toBe(false);
    }
    const done = near.items.flatMap((i) => i.activities).find((a) => a.date === '2026-11-02');
    expect(done?.status).toBe('done');
    expect(text.get('data/near.json')).not.toContain(MARKER_AUTHOR);
    expect(text.get('data/near.json')).not.toContain('"responses"');
    // The gazetteer: the municipalities and localities of the shipped geodata.
    expect(near.gazetteer.find((g) => g.name === 'Nacka' && g.kind === 'municipality')?.code).toBe('0182');
    expect(near.gazetteer.find((g) => g.name === 'Saltsjöbaden')?.code).toBe('0182');
    expect(near.municipalities['0182']).toEqual({ name: 'Nacka', page: true });
    expect(near.municipalities['0180']?.page).toBe(false);
  });

  it('finds places by name and ranks nearest first; a municipality covers its own things', () => {
    const gazetteer: GazetteerPlace[] = [
      { name: 'Nacka', kind: 'municipality', code: '0182', point: [18.2, 59.3] },
      { name: 'Nacka strand', kind: 'locality', code: '0182', point: [18.16, 59.317] },
      { name: 'Värmdö', kind: 'municipality', code: '0120', point: [18.5, 59.3] },
    ];
    expect(findPlaces(gazetteer, 'nacka').map((p) => p.name)).toEqual(['Nacka', 'Nacka strand']);
    expect(findPlaces(gazetteer, 'Värmdö kommun').map((p) => p.name)).toEqual(['Värmdö']);
    expect(findPlaces(gazetteer, 'VARMDO')[0]?.name).toBe('Värmdö');
    expect(findPlaces(gazetteer, 'strand')[0]?.name).toBe('Nacka strand');
    expect(findPlaces(gazetteer, 'Göteborg')).toEqual([]);
    const item = (id: string, lon: number, lat: number, municipality = '0182'): NearItem => ({ id, name: id, kind: 'place', municipality, point: [lon, lat], date: null, activities: [] });
    const items = [item('far', 18.3, 59.3), item('near', 18.161, 59.317), item('mid', 18.17, 59.32), item('varmdo', 18.51, 59.3, '0120')];
    const ranked = withinRadius(items, [18.16, 59.317], 2000);
    expect(ranked.map((r) => r.item.id)).toEqual(['near', 'mid']);
    expect(ranked[0]!.distanceMetres).toBeGreaterThan(40);
    expect(ranked[0]!.distanceMetres).toBeLessThan(70);
    expect(nearestBeyond(items, [18.16, 59.317], 2000, 1).map((r) => r.item.id)).toEqual(['far']);
    expect(inMunicipality(items, gazetteer[0]!).map((r) => r.item.id)).toEqual(['mid', 'near', 'far']);
    expect(formatDistance(54, 'sv')).toBe('50 m');
    expect(formatDistance(1234, 'sv')).toBe('1,2 km');
    expect(formatDistance(1234, 'en')).toBe('1.2 km');
    expect(formatDistance(14_400, 'sv')).toBe('14 km');
  });

  it('has a page in both languages whose controls are labelled and which loads its script relative to the page', () => {
    const { text } = site();
    const sv = text.get('nara.html')!;
    expect(sv).toContain('<script type="module" src="assets/near-x.js"></script>');
    expect(sv).toContain('data-data="data/near.json"');
    expect(text.get('en/nara.html')).toContain('<script type="module" src="../assets/near-x.js"></script>');
    expect(text.get('en/nara.html')).toContain('data-data="../data/near.json"');
    for (const id of ['near-query', 'near-radius']) expect(sv).toContain(`<label for="${id}">`);
    expect(sv).toContain('role="status" aria-live="polite"');
    expect(text.get('index.html')).toContain('<a href="nara.html">');
  });
});
