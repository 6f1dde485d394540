import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBackup } from '../../src/io/backup';
import { teamData } from '../unit/io/publicSiteFixture';
import { serveSiteFile } from './publicHost';
import { screenshot, useBrowser } from './harness';

const browser = useBrowser();
let server: Server;
let base: string;
const requested: string[] = [];

// The site as npm run build:public writes it, served from /trygghet/ by a static host that answers byte ranges (as the pmtiles protocol asks).
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'public-map-'));
  writeFileSync(join(dir, 'backup.json'), serializeBackup(teamData()));
  const out = join(dir, 'dist-public');
  execFileSync('npx', ['tsx', 'scripts/build-public.ts', '--from', join(dir, 'backup.json'), '--out', out], { stdio: 'pipe' });
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    requested.push(path);
    serveSiteFile(out, request, response);
  });
  return new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}, 60_000);
beforeAll(() => {
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trygghet/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The distinct features the map drew, per source layer: MapLibre gives one copy per tile. */
async function drawnLayers(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const map = (window as unknown as { trygghetMap: { queryRenderedFeatures(): { sourceLayer?: string; properties: Record<string, unknown> }[] } }).trygghetMap;
    const out: Record<string, Set<string>> = {};
    for (const f of map.queryRenderedFeatures()) if (f.sourceLayer) (out[f.sourceLayer] ??= new Set()).add(String(f.properties.name ?? f.properties.cell));
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
  });
}

async function waitForDrawn(page: Page): Promise<void> {
  await page.locator('#map[data-loaded="true"]').waitFor({ timeout: 20_000 });
  await page.evaluate(() => new Promise<void>((resolve) => {
    const m = (window as unknown as { trygghetMap: { loaded(): boolean; once(e: string, f: () => void): void } }).trygghetMap;
    if (m.loaded()) resolve();
    else m.once('idle', () => resolve());
  }));
}

describe('the citizens’ map (karta.html), served from a sub-path', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 812 }]) {
    it(`draws the four layers from the PMTiles archive, lists every fact, and has no axe violations at ${viewport.width}×${viewport.height}`, async () => {
      const context = await browser().newContext({ viewport });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(base);
      // The text pages load no map code; the index links the map.
      const before = requested.length;
      await page.getByRole('link', { name: /^Karta:/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Karta över trygghetsarbetet' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/trygghet/karta.html');
      await waitForDrawn(page);
      expect(requested.slice(before).some((p) => p === '/trygghet/data/trygghet.pmtiles')).toBe(true);
      // Zoom to Nacka, where the fixture's places and cells are.
      await page.evaluate(() => (window as unknown as { trygghetMap: { jumpTo(o: unknown): void } }).trygghetMap.jumpTo({ center: [18.25, 59.31], zoom: 10.3 }));
      await waitForDrawn(page);
      const drawn = await drawnLayers(page);
      expect(Object.keys(drawn).sort()).toEqual(['cells', 'speed', 'walks', 'watch']);
      expect(drawn.walks).not.toContain('Vandring för känsligt arbete');
      // Every fact also as a list.
      expect(await page.locator('.cells-summary').textContent()).toMatch(/^\d+ områden med minst 5 svar$/);
      expect(await page.locator('.places-walks li').count()).toBeGreaterThan(0);
      expect(await page.locator('.places-speed li').count()).toBeGreaterThan(0);
      expect(await page.locator('.places-watch li').count()).toBeGreaterThan(0);
      expect(await page.getByText('Vandring för känsligt arbete').count()).toBe(0);
      expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
      await screenshot(page, `public-map-${viewport.width}`);
      // A click on the map leads on from that point: what is near it (this build has no report form).
      const box = (await page.locator('#map').boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const near = page.getByRole('link', { name: 'Vad finns nära den här platsen?' });
      await near.waitFor();
      expect(await page.getByRole('link', { name: /^Rapportera/ }).count()).toBe(0);
      await near.click();
      await expect.poll(() => page.locator('#near-status').textContent()).toContain('platsen du valde på kartan');
      expect(new URL(page.url()).pathname).toBe('/trygghet/nara.html');
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'Karta över trygghetsarbetet' }).waitFor();
      // The English map, from the same archive.
      await page.getByRole('link', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Map of the safety work' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/trygghet/en/karta.html');
      await waitForDrawn(page);
      expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('without WebGL says so and keeps the list', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return /webgl/.test(type) ? null : (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    const page = await context.newPage();
    await page.goto(`${base}karta.html`);
    await page.getByText('Kartan kan inte visas i den här webbläsaren', { exact: false }).first().waitFor();
    expect(await page.locator('#map').isHidden()).toBe(true);
    expect(await page.locator('#map-status').textContent()).toContain('Allt som kartan visar står i listan nedan');
    expect(await page.locator('.places-walks li').count()).toBeGreaterThan(0);
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
    await context.close();
  });
});
