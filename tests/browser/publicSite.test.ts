import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBackup } from '../../src/io/backup';
import { teamData } from '../unit/io/publicSiteFixture';
import { serveSiteFile } from './publicHost';
import { screenshot, useBrowser } from './harness';

const browser = useBrowser();
let server: Server;
let base: string;

// The site as npm run build:public writes it, served from a sub-path (/trygghet/) as a municipality's web host would.
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'public-browser-'));
  writeFileSync(join(dir, 'backup.json'), serializeBackup(teamData()));
  const out = join(dir, 'dist-public');
  execFileSync('npx', ['tsx', 'scripts/build-public.ts', '--from', join(dir, 'backup.json'), '--out', out], { stdio: 'pipe' });
  server = createServer((request, response) => {
    serveSiteFile(out, request, response);
  });
  return new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
});
beforeAll(() => {
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trygghet/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the citizens’ site, served from a sub-path', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 812 }]) {
    it(`reads from the list of municipalities to a promise and back, in both languages, with no axe violations at ${viewport.width}×${viewport.height}`, async () => {
      const context = await browser().newContext({ viewport });
      const page = await context.newPage();
      await page.goto(base);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Trygghetskartan: vad polis och kommun lovat');
      expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
      await page.getByRole('link', { name: 'Nacka', exact: true }).click();
      await page.getByRole('heading', { name: 'Nacka: vad polis och kommun lovat' }).waitFor();
      expect(await page.getByText('10 februari 2027: Trygghetsvandring Orminge centrum').count()).toBe(1);
      expect(await page.locator('.history li').first().textContent()).toContain('Genomförd');
      expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
      await screenshot(page, `public-nacka-${viewport.width}`);
      // Whom to contact, as the planners filled it in; and the police area the municipality belongs to.
      expect(await page.getByRole('link', { name: 'trygghet@nacka.test' }).first().getAttribute('href')).toBe('mailto:trygghet@nacka.test');
      await page.getByRole('link', { name: 'Hela Lokalpolisområde Nacka' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lokalpolisområde Nacka' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/trygghet/polis/lpo-nacka.html');
      expect(await page.getByRole('link', { name: 'Värmdö' }).count()).toBe(1);
      expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
      await screenshot(page, `public-police-area-${viewport.width}`);
      await page.getByRole('link', { name: 'Nacka', exact: true }).click();
      await page.getByRole('heading', { name: 'Nacka: vad polis och kommun lovat' }).waitFor();
      await page.getByRole('link', { name: 'In English' }).click();
      await page.getByRole('heading', { name: 'Nacka: what the police and the municipality have promised' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/trygghet/en/kommun/0182.html');
      expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
      await page.getByRole('link', { name: 'All municipalities' }).click();
      expect(new URL(page.url()).pathname).toBe('/trygghet/en/index.html');
      await context.close();
    });
  }
});
