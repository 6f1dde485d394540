import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBackup } from '../../src/io/backup';
import { teamData } from '../unit/io/publicSiteFixture';
import { serveSiteFile } from './publicHost';
import { screenshot, useBrowser } from './harness';
import { axeViolations } from './axe';

const browser = useBrowser();
let server: Server;
let base: string;

// The site as npm run build:public writes it (with its scripts), served from a sub-path as a municipality's web host would.
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'public-near-'));
  writeFileSync(join(dir, 'backup.json'), serializeBackup(teamData()));
  const out = join(dir, 'dist-public');
  execFileSync('npx', ['tsx', 'scripts/build-public.ts', '--from', join(dir, 'backup.json'), '--out', out, '--geocoder', 'https://geo.example.invalid/search?format=json&q={q}'], { stdio: 'pipe' });
  server = createServer((request, response) => {
    serveSiteFile(out, request, response);
  });
  return new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
});
beforeAll(() => {
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trygghet/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));


/** The scripts a page loads, gzip-compressed as a CDN would serve them. */
function scriptBytes(page: Page): () => Promise<{ gzip: number; urls: string[] }> {
  const bodies: Promise<{ url: string; body: Buffer }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body().then((body) => ({ url: response.url(), body })));
  });
  return async () => {
    const all = await Promise.all(bodies);
    return { gzip: all.reduce((sum, s) => sum + gzipSync(s.body).length, 0), urls: all.map((s) => s.url) };
  };
}

describe('near me and "nytt sedan" on the citizens’ site', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 812 }]) {
    it(`searches a locality nearest first, a municipality at the largest radius without a dead end, at ${viewport.width}×${viewport.height}`, async () => {
      const context = await browser().newContext({ viewport });
      const page = await context.newPage();
      const scripts = scriptBytes(page);
      await page.goto(`${base}nara.html`);
      await page.getByRole('heading', { level: 1, name: 'Nära mig: vad polis och kommun gör där du är' }).waitFor();
      await page.getByLabel('Ort eller kommun').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // A locality: what is within 2 km of Boo, nearest first, each with kind, distance, status and when.
      await page.getByLabel('Ort eller kommun').fill('Boo');
      await page.getByRole('button', { name: 'Sök', exact: true }).click();
      await expect.poll(() => page.locator('#near-status').textContent()).toBe('4 saker inom 2 km från Boo.');
      const results = page.locator('.near-results > li');
      expect(await results.count()).toBe(4);
      expect(await results.first().locator('h3').textContent()).toBe('Grannsamverkan Boo (exempel)');
      const distances = await results.locator('p:first-of-type').allTextContents();
      expect(distances[0]).toMatch(/^Grannsamverkan · 900 m bort · Nacka$/);
      const metres = distances.map((d) => { const m = /([\d,]+) (k?m) bort/.exec(d)!; return Number(m[1]!.replace(',', '.')) * (m[2] === 'km' ? 1000 : 1); });
      expect([...metres].sort((a, b) => a - b)).toEqual(metres);
      expect(await results.first().textContent()).toMatch(/(Planerad|Pågår|Genomförd|Status okänd|Inte rapporterad)/);
      expect(await page.getByRole('heading', { level: 2, name: 'Närmast först' }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `public-near-locality-${viewport.width}`);

      // Nothing within 500 m: the next radius is offered, and the nearest beyond it is shown.
      await page.getByLabel('Hur långt bort').selectOption('500');
      await expect.poll(() => page.locator('#near-status').textContent()).toBe('Inget inom 500 m från Boo.');
      await page.getByRole('button', { name: 'Sök inom 1 km' }).click();
      await expect.poll(() => page.locator('#near-status').textContent()).toBe('1 sak inom 1 km från Boo.');

      // A municipality with the largest radius chosen: the whole municipality, never "try a larger radius".
      await page.getByLabel('Hur långt bort').selectOption('25000');
      await page.getByLabel('Ort eller kommun').fill('nordmaling kommun');
      await page.getByRole('button', { name: 'Sök', exact: true }).click();
      await expect.poll(() => page.locator('#near-status').textContent()).toBe('Hela Nordmaling: 3 saker, närmast kommunens mitt först.');
      expect(await page.getByRole('button', { name: /Sök inom/ }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Allt som lovats i Nordmaling' }).first().getAttribute('href')).toBe('kommun/2401.html');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `public-near-municipality-${viewport.width}`);

      // A municipality with nothing published: said so, with the nearest things and every municipality as the next step.
      await page.getByLabel('Ort eller kommun').fill('Stockholm');
      await page.getByRole('button', { name: 'Sök', exact: true }).click();
      await expect.poll(() => page.locator('#near-status').textContent()).toBe('Vi har inga platser att visa i Stockholm än.');
      expect(await page.getByRole('heading', { level: 2, name: 'Närmast utanför det avståndet' }).count()).toBe(1);
      expect(await page.locator('#near-output').getByRole('link', { name: 'Alla kommuner' }).count()).toBe(1);

      // A name we do not know: what was searched, and what to do instead.
      await page.getByLabel('Ort eller kommun').fill('Atlantis');
      await page.getByRole('button', { name: 'Sök', exact: true }).click();
      await expect.poll(() => page.locator('#near-status').textContent()).toContain('Ingen ort eller kommun heter ”Atlantis”');
      // A name the offline list lacks goes to the deployment's online geocoder (here answered by the test); its text stays text.
      await page.route('https://geo.example.invalid/**', (route) =>
        route.fulfill({ contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify([{ lat: '59.2940', lon: '18.2570', display_name: 'Fisksätra torg, <b>Nacka</b>' }]) }),
      );
      await page.getByLabel('Ort eller kommun').fill('Okändvägen 3');
      await page.getByRole('button', { name: 'Sök', exact: true }).click();
      await expect.poll(() => page.locator('#near-status').textContent()).toContain('Fisksätra torg, <b>Nacka</b> (sökt på nätet)');
      expect(await page.locator('#near-output b').count()).toBe(0);
      await page.unroute('https://geo.example.invalid/**');

      // A text page's JavaScript: a few kB, never MapLibre.
      const loaded = await scripts();
      expect(loaded.urls.length).toBeGreaterThan(0);
      expect(loaded.urls.join()).not.toMatch(/maplibre/i);
      expect(loaded.gzip).toBeLessThanOrEqual(150 * 1024);
      console.log(`nara.html loads ${loaded.urls.length} script(s), ${(loaded.gzip / 1024).toFixed(1)} kB gzip`);

      // The English page.
      await page.getByRole('link', { name: 'In English' }).click();
      await page.getByLabel('Locality or municipality').fill('Saltsjöbaden');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await expect.poll(() => page.locator('#near-status').textContent()).toBe('1 thing within 2 km of Saltsjöbaden.');
      expect(new URL(page.url()).pathname).toBe('/trygghet/en/nara.html');
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });

    it(`uses the browser's position, and says plainly when it is refused, at ${viewport.width}×${viewport.height}`, async () => {
      const context = await browser().newContext({ viewport, geolocation: { latitude: 63.5685, longitude: 19.5024 }, permissions: ['geolocation'] });
      const page = await context.newPage();
      await page.goto(`${base}nara.html`);
      await page.getByLabel('Ort eller kommun').waitFor();
      await page.getByRole('button', { name: 'Använd min position' }).click();
      await expect.poll(() => page.locator('#near-status').textContent()).toBe('3 saker inom 2 km från din position.');
      await context.close();
      const refused = await browser().newContext({ viewport });
      const denied = await refused.newPage();
      await denied.goto(`${base}nara.html`);
      await denied.getByLabel('Ort eller kommun').waitFor();
      await denied.evaluate(() => {
        // As a browser answers when the visitor said no.
        Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition: (_ok: unknown, fail: (e: object) => void) => fail({ code: 1, PERMISSION_DENIED: 1, TIMEOUT: 3 }) } });
      });
      await denied.getByRole('button', { name: 'Använd min position' }).click();
      await expect.poll(() => denied.locator('#near-status').textContent()).toContain('Sidan fick inte använda din position.');
      await refused.close();
    });

    it(`filters a municipality's news by "nytt sedan", remembering the last visit, at ${viewport.width}×${viewport.height}`, async () => {
      const context = await browser().newContext({ viewport });
      const page = await context.newPage();
      const scripts = scriptBytes(page);
      await page.goto(`${base}kommun/0182.html`);
      await page.getByLabel('Visa det som är nytt sedan').waitFor();
      const items = page.locator('.since-list li');
      const all = await items.count();
      expect(all).toBe(3);
      await expect.poll(() => page.locator('.since-status').textContent()).toBe('Visar alla 3 händelser.');
      await page.getByLabel('Visa det som är nytt sedan').fill('2026-10-20');
      await expect.poll(() => page.locator('.since-status').textContent()).toBe('1 nyhet sedan 20 oktober 2026.');
      expect(await page.locator('.since-list li:visible').count()).toBe(1);
      expect(await page.locator('.since-list li:visible').textContent()).toContain('Trygghetsvandring Orminge centrum');
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('#since').scrollIntoViewIfNeeded();
      await screenshot(page, `public-since-${viewport.width}`);
      const loaded = await scripts();
      expect(loaded.urls.join()).not.toMatch(/maplibre/i);
      expect(loaded.gzip).toBeLessThanOrEqual(150 * 1024);
      console.log(`kommun/0182.html loads ${loaded.urls.length} script(s), ${(loaded.gzip / 1024).toFixed(1)} kB gzip`);
      // The previous visit is the default next time.
      await page.evaluate(() => localStorage.setItem('trygghetskartan:visit:0182', '2026-03-01'));
      await page.reload();
      await expect.poll(() => page.getByLabel('Visa det som är nytt sedan').inputValue()).toBe('2026-03-01');
      await expect.poll(() => page.locator('.since-status').textContent()).toBe('3 nyheter sedan 1 mars 2026.');
      // The feed is linked from the page and served.
      const href = await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
      const feed = await page.request.get(new URL(href!, page.url()).href);
      expect(feed.ok()).toBe(true);
      expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
      await context.close();
    });
  }
});
