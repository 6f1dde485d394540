import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SWEREF99_TM_PRJ, writeDbf, writePointShp, writeZip } from '../unit/io/importHelpers';
import { SHARED } from '../unit/sharedFiles';
import { useBrowser, openApp, screenshot, tableRowIds } from './harness';

const browser = useBrowser();

const FIXTURES = 'tests/fixtures/import';
const rowNames = (page: Page) => page.locator('.row-button').allTextContents();

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'Importera fil' }).click();
  const panel = page.getByTestId('import-panel');
  await panel.waitFor();
  return panel;
}

async function pickActivity(panel: ReturnType<Page['getByTestId']>, search: string) {
  await panel.getByPlaceholder('Sök aktivitet').fill(search);
  await panel.getByRole('group', { name: /Hör till aktiviteter/ }).getByRole('checkbox').first().check();
}

describe('importing a planner’s file with a preview', () => {
  it('previews a Swedish CSV with bad rows, imports the valid one in one undoable step', async () => {
    const { page, context } = await openApp(browser());
    const before = (await tableRowIds(page)).length;
    const panel = await openImport(page);
    await panel.getByLabel(/Välj fil/).setInputFiles(`${FIXTURES}/felaktiga_rader.csv`);
    await expect.poll(() => panel.locator('.result-count').textContent()).toContain('1 giltiga, 4 avvisade');
    const rejected = (await panel.getByRole('region', { name: 'Avvisade rader och objekt' }).textContent()) ?? '';
    expect(rejected).toContain('rad 3');
    expect(rejected).toContain('koordinater saknas');
    expect(rejected).toContain('koordinaterna är inte tal');
    expect(rejected).toContain('latitud och longitud verkar ha bytt plats');
    expect(rejected).toContain('ligger utanför Sverige');
    expect(await panel.getByLabel('Latitud eller N').inputValue()).toBe('1');
    const axe = await new AxeBuilder({ page }).include('[data-testid="import-panel"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await screenshot(page, 'import-preview');

    await panel.getByRole('button', { name: 'Importera 1 plats' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('Välj minst en aktivitet');
    await pickActivity(panel, 'störst otrygghet');
    await panel.getByRole('button', { name: 'Importera 1 plats' }).click();
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => rowNames(page)).toContain('Bra plats');
    expect((await tableRowIds(page)).length).toBe(before + 1);

    await page.getByRole('button', { name: /^Ångra: importera 1 platser från felaktiga_rader.csv/ }).click();
    await expect.poll(() => rowNames(page)).not.toContain('Bra plats');
    await context.close();
  });

  it('detects SWEREF 99 TM, asks the user to confirm, and re-projects when the choice changes', async () => {
    const { page, context } = await openApp(browser());
    const panel = await openImport(page);
    await panel.getByLabel(/Välj fil/).setInputFiles(`${FIXTURES}/sweref99tm.csv`);
    await expect.poll(() => panel.locator('.result-count').textContent()).toMatch(/2 giltiga, 0 avvisade/);
    expect(await panel.getByLabel('Koordinatsystem').inputValue()).toBe('EPSG:3006');
    expect(await panel.textContent()).toContain('kontrollera att det stämmer');
    await panel.getByLabel('Koordinatsystem').selectOption('EPSG:4326');
    await expect.poll(() => panel.locator('.result-count').textContent()).toMatch(/0 giltiga, 2 avvisade/);
    await panel.getByLabel('Koordinatsystem').selectOption('EPSG:3006');
    await expect.poll(() => panel.locator('.result-count').textContent()).toMatch(/2 giltiga/);
    await context.close();
  });

  it('reads a legacy EPSG:3006 GeoJSON from QGIS (Lantmäteriet roads) and a GPX walk with waypoints as findings', async () => {
    const { page, context } = await openApp(browser());
    let panel = await openImport(page);
    await panel.getByLabel(/Välj fil/).setInputFiles(`${SHARED}/fixtures/real/lantmateriet_vaglinje_sweref99tm.geojson`);
    await expect.poll(() => panel.locator('.result-count').textContent()).toContain('22 giltiga, 0 avvisade');
    expect(await panel.getByLabel('Koordinatsystem').inputValue()).toBe('EPSG:3006');
    expect(await panel.getByLabel('Importera som').inputValue()).toBe('speed-control');
    await panel.getByRole('button', { name: 'Stäng' }).click();

    panel = await openImport(page);
    await panel.getByLabel(/Välj fil/).setInputFiles(`${FIXTURES}/spar_rutt_vagpunkter.gpx`);
    await expect.poll(() => panel.getByLabel('Importera som').inputValue()).toBe('safety-walk');
    await pickActivity(panel, 'Trygghetsvandringar Nacka');
    await panel.getByRole('button', { name: /^Importera 2 platser$/ }).click();
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => rowNames(page)).toContain('Genomförd vandring');
    await page.locator('.row-button', { hasText: 'Planerad vandring' }).click();
    const details = (await page.getByTestId('feature-panel').textContent()) ?? '';
    expect(details).toContain('Trasig lampa, Klotter');
    expect(details).toContain('Importerad från spar_rutt_vagpunkter.gpx');
    await context.close();
  });

  it('reads a Windows-1252 CSV from older Excel, a KML from a public register and a zipped Shapefile from ArcGIS', async () => {
    const { page, context } = await openApp(browser());
    let panel = await openImport(page);
    await panel.getByLabel(/Välj fil/).setInputFiles(`${FIXTURES}/semikolon_windows1252.csv`);
    await expect.poll(() => panel.locator('.result-count').textContent()).toMatch(/giltiga, 0 avvisade/);
    await pickActivity(panel, 'störst otrygghet');
    await panel.getByRole('button', { name: /^Importera \d+ platser$/ }).click();
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => rowNames(page)).toContain('Östra Ågatan');

    panel = await openImport(page);
    await panel.getByLabel(/Välj fil/).setInputFiles(`${SHARED}/fixtures/real/odok_offentlig_konst_stockholm.kml`);
    await expect.poll(() => panel.locator('.result-count').textContent()).toContain('214 giltiga');
    await panel.getByRole('button', { name: 'Stäng' }).click();

    const { shp, shx } = writePointShp([
      [674032, 6580822],
      [676000, 6581000],
    ]);
    const dbf = writeDbf([{ name: 'NAMN', length: 20 }], [['Sergels torg'], ['Slussen']]);
    const zip = writeZip({ 'platser.shp': shp, 'platser.shx': shx, 'platser.dbf': dbf, 'platser.prj': SWEREF99_TM_PRJ });
    panel = await openImport(page);
    await panel.getByLabel(/Välj fil/).setInputFiles({ name: 'platser.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await expect.poll(() => panel.locator('.result-count').textContent()).toContain('2 giltiga, 0 avvisade');
    expect(await panel.textContent()).toContain('.prj');
    await context.close();
  });

  it('refuses a truncated file with a clear message and leaves the data untouched', async () => {
    const { page, context } = await openApp(browser());
    const before = await tableRowIds(page);
    const panel = await openImport(page);
    await panel.getByLabel(/Välj fil/).setInputFiles({ name: 'trasig.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('{"type":"FeatureCollection","features":[{"type":"Feature","geom') });
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('Inget har ändrats');
    expect(await panel.getByRole('button', { name: /Importera \d/ }).count()).toBe(0);
    expect(await tableRowIds(page)).toEqual(before);
    await context.close();
  });

  it('shows hostile names only as text', async () => {
    const { page, context } = await openApp(browser());
    const panel = await openImport(page);
    await panel.getByLabel(/Välj fil/).setInputFiles(`${FIXTURES}/fientliga_namn.geojson`);
    await expect.poll(() => panel.locator('.result-count').textContent()).toMatch(/giltiga/);
    await pickActivity(panel, 'störst otrygghet');
    await panel.getByRole('button', { name: /^Importera \d+ platse?r?$/ }).click();
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => rowNames(page)).toContain('<script>alert(1)</script>');
    expect(await page.locator('.places-table script, .places-table img').count()).toBe(0);
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    await context.close();
  });

  it('parses a large CSV in a worker with a progress bar, without freezing the page', async () => {
    const { page, context } = await openApp(browser());
    const lines = ['namn;lat;lon;tid'];
    for (let i = 0; i < 60_000; i++) lines.push(`Plats ${i};59,${3000 + (i % 900)};18,${100 + (i % 800)};kväll`);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const panel = await openImport(page);
    await panel.getByLabel(/Välj fil/).setInputFiles({ name: 'stor.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    // The page answers while the worker parses.
    const answered = await page.evaluate(() => new Promise<number>((resolve) => { const start = performance.now(); setTimeout(() => resolve(performance.now() - start), 0); }));
    expect(answered).toBeLessThan(500);
    await expect.poll(() => panel.locator('.result-count').textContent(), { timeout: 30_000 }).toContain('60000 giltiga, 0 avvisade');
    expect(requests.some((url) => /importWorker/.test(url))).toBe(true);
    await context.close();
  });
});
