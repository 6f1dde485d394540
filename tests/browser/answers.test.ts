import AxeBuilder from '@axe-core/playwright';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, useBrowser, waitForMap } from './harness';

const browser = useBrowser();
/** Swedish numbers group thousands with a narrow no-break space: compare as plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** A synthetic survey near Nacka centrum: 3 000 good answers in a hot spot, and three bad lines. */
function surveyCsv(): string {
  const lines = ['lon;lat;enkät;år;tid;skäl'];
  for (let i = 0; i < 3000; i++) {
    const lon = (18.16 + ((i * 7919) % 1000) / 100_000).toFixed(5).replace('.', ',');
    const lat = (59.31 + ((i * 104729) % 1000) / 200_000).toFixed(5).replace('.', ',');
    lines.push(`${lon};${lat};SYNTETISK testenkät;2025;${['dag', 'kväll', 'natt'][i % 3]};belysning`);
  }
  lines.push('13,40;52,52;SYNTETISK testenkät;2025;kväll;belysning'); // Berlin
  lines.push('18,16;59,31;SYNTETISK testenkät;1850;kväll;belysning');
  lines.push(';;SYNTETISK testenkät;2025;kväll;belysning');
  return lines.join('\n');
}

describe('survey answers as their own data', () => {
  it('imports individual answers with progress, names the rejected lines, counts them in the density from the worker, and keeps them over a reload', async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('tab', { name: 'Planera' }).click();
    const panel = page.getByTestId('answers-panel');
    expect(plain(await panel.getByTestId('answers-count').textContent())).toBe('0 enkätsvar i den här webbläsaren.');
    await panel.getByLabel('Fil med enkätsvar (CSV eller GeoJSON)').setInputFiles({ name: 'syntetisk-enkat.csv', mimeType: 'text/csv', buffer: Buffer.from(surveyCsv(), 'utf8') });
    await expect.poll(async () => plain(await panel.getByTestId('answers-result').textContent()), { timeout: 20_000 }).toContain('3 000 svar inlästa och sparade, 3 avvisade');
    const result = (await panel.getByTestId('answers-result').textContent()) ?? '';
    expect(result).toMatch(/Rad \d+: punkten ligger utanför Sverige/);
    expect(result).toMatch(/Rad \d+: året saknas/);
    await expect.poll(async () => plain(await panel.getByTestId('answers-count').textContent())).toBe('3 000 enkätsvar i den här webbläsaren.');
    // The hexagons count them, from the worker.
    await expect.poll(async () => plain(await page.getByTestId('answers-included').textContent())).toBe('Varav 3 000 enskilda enkätsvar.');
    await page.getByTestId('planner-view').getByLabel('Tid på dygnet').selectOption('kvall');
    await expect.poll(async () => plain(await page.getByTestId('answers-included').textContent())).toBe('Varav 1 000 enskilda enkätsvar.');
    const axe = await new AxeBuilder({ page }).include('[data-testid="planner-view"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await screenshot(page, 'answers-imported');

    // An unsafe place's evidence: the answers in its H3 cell, counted in the worker; the same number counted here.
    const placeId = 'nacka-2017-f-otrygg-nacka-forum';
    const placeCell = latLngToCell(59.3105, 18.1635, 9);
    const expected = surveyCsv()
      .split('\n')
      .slice(1, 3001)
      .map((line) => line.split(';').map((v) => Number(v.replace(',', '.'))))
      .filter(([lon, lat]) => latLngToCell(lat!, lon!, 9) === placeCell).length;
    expect(expected).toBeGreaterThan(0);
    await page.goto(`${page.url().split('?')[0]}?vald=${placeId}`);
    await waitForMap(page);
    await expect.poll(async () => plain(await page.getByTestId('place-answers').textContent()), { timeout: 20_000 }).toBe(
      `${expected.toLocaleString('sv-SE').replace(/[\u00a0\u202f]/g, ' ')} enskilda enkätsvar i platsens hexagon (H3 upplösning 9, cirka 0,1 km²).`,
    );
    await page.getByRole('tab', { name: 'Planera' }).click();

    // On the map: hexagons with counts from the worker when zoomed out, the single points once zoomed in far enough.
    const shown = () => page.evaluate(() => window.__trygghetskartan!.map.answersShown());
    await page.getByLabel('Gå till kommun').selectOption('0182');
    await expect.poll(async () => (await shown()).kind, { timeout: 15_000 }).toBe('cells');
    expect((await shown()).count).toBeGreaterThan(0);
    // A pan at the same zoom shows the same cells: MapLibre is not handed them again.
    await waitForMap(page);
    const before = await shown();
    await expect.poll(() => new URL(page.url()).searchParams.get('karta')).not.toBeNull();
    const [zoom, lat, lon] = new URL(page.url()).searchParams.get('karta')!.split('/').map(Number) as [number, number, number];
    await page.evaluate((view) => window.__trygghetskartan!.map.jumpTo(view), { center: [lon + 0.01, lat] as [number, number], zoom });
    await waitForMap(page);
    await page.waitForTimeout(300);
    expect(await shown()).toEqual(before);
    await page.goto(`${page.url().split('?')[0]}?karta=15/59.3125/18.1650`);
    await waitForMap(page);
    await expect.poll(async () => (await shown()).kind, { timeout: 15_000 }).toBe('points');
    const points = (await shown()).count;
    expect(points).toBeGreaterThan(0);
    expect(points).toBeLessThanOrEqual(3000);
    await screenshot(page, 'answers-points');

    // Stored in IndexedDB as columns, not as records: after a reload they are back in the worker.
    await page.reload();
    await waitForMap(page);
    await page.getByRole('tab', { name: 'Planera' }).click();
    await expect.poll(async () => plain(await page.getByTestId('answers-count').textContent()), { timeout: 20_000 }).toBe('3 000 enkätsvar i den här webbläsaren.');
    await page.getByRole('button', { name: 'Ta bort svaren från syntetisk-enkat.csv' }).click();
    await expect.poll(async () => plain(await page.getByTestId('answers-count').textContent())).toBe('0 enkätsvar i den här webbläsaren.');
    await context.close();
  });
});
