import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenReportSchema, reportLanguageOf, reportMessage, reportMessageOf } from '../../src/domain/citizenReport';
import { serializeBackup } from '../../src/io/backup';
import { teamData } from '../unit/io/publicSiteFixture';
import { serveSiteFile } from './publicHost';
import { screenshot, useBrowser } from './harness';

const browser = useBrowser();
let server: Server;
let base: string;
/** What reached the stand-in for the team server's report door (the real one is tested in server/tests/citizenReports.test.ts). */
const received: { contentType: string; language: string; body: unknown }[] = [];

// The site built with --server pointing at this server, which also stands in for the report door
// with the same schema and messages as the team server.
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'public-report-'));
  const out = join(dir, 'dist-public');
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (path === '/api/public/reports' && request.method === 'POST') {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      request.on('end', () => {
        const language = reportLanguageOf(request.headers['accept-language']);
        received.push({ contentType: request.headers['content-type'] ?? '', language, body: JSON.parse(text) as unknown });
        const parsed = citizenReportSchema.safeParse(JSON.parse(text));
        const answer = parsed.success
          ? { status: 201, body: { message: reportMessage('received', language) } }
          : { status: 422, body: { message: parsed.error.issues.map((i) => reportMessage(reportMessageOf(i.message), language)).join(' ') } };
        response.writeHead(answer.status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(answer.body));
      });
      return;
    }
    serveSiteFile(out, request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `${origin}/trygghet/`;
  writeFileSync(join(dir, 'backup.json'), serializeBackup(teamData()));
  execFileSync('npx', ['tsx', 'scripts/build-public.ts', '--from', join(dir, 'backup.json'), '--out', out, '--server', origin], { stdio: 'pipe' });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the citizens’ report form', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 812 }]) {
    it(`announces what is missing, sends nothing until it is fixed, then shows the server’s thanks (${viewport.width}×${viewport.height})`, async () => {
      received.length = 0;
      const context = await browser().newContext({ viewport });
      const page = await context.newPage();
      await page.goto(base);
      await page.getByRole('link', { name: 'Berätta var du känner dig otrygg' }).click();
      await page.getByRole('heading', { level: 1, name: 'Berätta var du känner dig otrygg' }).waitFor();
      await page.getByRole('button', { name: 'Skicka rapporten' }).waitFor();
      expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);

      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('Välj när på dygnet');
      expect(await alert.textContent()).toContain('Välj minst ett skäl');
      expect(received).toEqual([]);

      await page.getByLabel('Platsens namn').fill('Busshållplatsen vid torget');
      await page.getByRole('radio', { name: 'Kväll' }).check();
      await page.getByRole('checkbox', { name: 'Dålig belysning' }).check();
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      await expect.poll(() => alert.textContent()).toContain('Välj kommun');
      expect(await page.getByLabel('Kommun').getAttribute('aria-invalid')).toBe('true');
      expect(received).toEqual([]);

      await page.getByLabel('Kommun').selectOption({ label: 'Nacka' });
      await page.getByLabel('Kommentar (frivillig)').fill('Mörkt på kvällarna');
      await page.getByRole('button', { name: 'Skicka rapporten' }).click();
      await expect.poll(() => alert.textContent()).toContain('Tack!');
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ language: 'sv', body: { placeName: 'Busshållplatsen vid torget', municipalityCode: '0182', timeOfDay: 'kvall', reasons: ['belysning'], comment: 'Mörkt på kvällarna', position: null } });
      // A simple request: no CORS preflight needed.
      expect(received[0]!.contentType).toMatch(/^text\/plain/);
      expect(await page.getByLabel('Platsens namn').inputValue()).toBe('');
      expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
      await screenshot(page, `public-report-${viewport.width}`);
      await context.close();
    });
  }

  it('speaks English on the English page, the server’s message too', async () => {
    received.length = 0;
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}en/rapportera.html`);
    await page.getByRole('button', { name: 'Send the report' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Choose the time of day');
    await page.getByLabel('Name of the place').fill('The square');
    await page.getByLabel('Municipality').selectOption({ label: 'Nacka' });
    await page.getByRole('radio', { name: 'Night' }).check();
    await page.getByRole('checkbox', { name: 'Graffiti' }).check();
    await page.getByRole('button', { name: 'Send the report' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Thank you!');
    expect(received[0]?.language).toBe('en');
    await context.close();
  });

  it('takes the place a citizen clicked on the map, without a name', async () => {
    received.length = 0;
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}rapportera.html?punkt=18.25511,59.31042`);
    await expect.poll(() => page.locator('#report-position-status').textContent()).toBe('Platsen du klickade på i kartan används för rapporten.');
    await page.getByRole('radio', { name: 'Natt' }).check();
    await page.getByRole('checkbox', { name: 'Dålig belysning' }).check();
    await page.getByRole('button', { name: /^Skicka/ }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Tack!');
    expect(received[0]?.body).toMatchObject({ position: { lon: 18.25511, lat: 59.31042 }, placeName: null, timeOfDay: 'natt' });
    await context.close();
  });
});
