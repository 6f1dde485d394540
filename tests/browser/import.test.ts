import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shippedDataset } from '../../src/data/shipped';
import { featuresToGeoJson } from '../../src/io/exportFormats';
import { SWEREF99_TM_PRJ, writeDbf, writePointShp, writeZip } from '../unit/io/importHelpers';
import { SHARED } from '../unit/sharedFiles';
import { mapZoom, openApp, placeInView, screenshot, tableRowIds, useBrowser } from './harness';

const browser = useBrowser();

const FIXTURES = 'tests/fixtures/import';
const shippedIds = new Set(shippedDataset.ok ? shippedDataset.value.features.map((f) => f.id) : []);
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
    // The map goes to what was imported: zoomed in from all of Sweden, the new place in view.
    await expect.poll(() => mapZoom(page), { timeout: 10_000 }).toBeGreaterThan(10);
    const id = (await tableRowIds(page)).find((i) => !shippedIds.has(i))!;
    await expect.poll(() => placeInView(page, id)).toBe(true);

    await page.getByRole('button', { name: /^Ångra: importera 1 plats från felaktiga_rader.csv/ }).click();
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
    // Waypoints are findings with their position, listed one by one.
    const findings = await page.getByTestId('feature-panel').locator('.findings li').allTextContents();
    expect(findings).toEqual([expect.stringMatching(/^Trasig lampa \(på kartan: lat 59,3251, lon 18,0711\)$/), expect.stringMatching(/^Klotter /)]);
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

  it('imports the app’s own export whole: layers, activities and ids kept, existing places updated in one undoable step', async () => {
    if (!shippedDataset.ok) throw new Error('invalid');
    const shipped = shippedDataset.value.features;
    const { page, context } = await openApp(browser());
    const before = await tableRowIds(page);
    const renamed = shipped.map((f, i) => (i === 0 ? { ...f, name: 'Omdöpt i QGIS' } : f));
    const panel = await openImport(page);
    await panel.getByLabel(/Välj fil/).setInputFiles({ name: 'trygghetskartan.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(featuresToGeoJson(renamed, 'all')) });
    await expect.poll(() => panel.getByTestId('import-advice').textContent()).toContain(`Trygghetskartan-export: ${shipped.length} platser behåller sina lager och aktiviteter`);
    expect(await panel.getByLabel('Importera som').count()).toBe(0);
    expect(await panel.getByPlaceholder('Sök aktivitet').count()).toBe(0);
    await panel.getByRole('button', { name: `Importera ${shipped.length} platser` }).click();
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => rowNames(page)).toContain('Omdöpt i QGIS');
    expect([...(await tableRowIds(page))].sort()).toEqual([...before].sort());
    await page.getByRole('button', { name: /^Ångra: importera/ }).click();
    await expect.poll(() => rowNames(page)).not.toContain('Omdöpt i QGIS');
    await context.close();
  });

  it('explains why a GPX with only waypoints makes no safety walk, and offers another layer', async () => {
    const gpx = `<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
      <wpt lat="59.2951" lon="18.2561"><name>Trasig lampa</name></wpt><wpt lat="59.2960" lon="18.2570"><name>Klotter</name></wpt></gpx>`;
    const { page, context } = await openApp(browser());
    const panel = await openImport(page);
    await panel.getByLabel(/Välj fil/).setInputFiles({ name: 'punkter.gpx', mimeType: 'application/gpx+xml', buffer: Buffer.from(gpx) });
    await expect.poll(() => panel.getByLabel('Importera som').inputValue()).toBe('unsafe-place');
    const advice = panel.getByTestId('import-advice');
    expect(await advice.textContent()).toContain('Filen har bara vägpunkter (2)');
    await panel.getByLabel('Importera som').selectOption('safety-walk');
    await expect.poll(() => advice.textContent()).toContain('En trygghetsvandring är en linje');
    expect(await panel.locator('.result-count').textContent()).toContain('0 giltiga');
    await page.getByLabel('Språk').selectOption('en');
    await expect.poll(() => advice.textContent()).toContain('A safety walk is a line, so nothing can be imported as a safety walk');
    expect(await advice.getByRole('button').allTextContents()).toEqual(['Import as Unsafe places', 'Import as Focus places']);
    await page.getByLabel('Language').selectOption('sv');
    await advice.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-walk-needs-line');
    await panel.getByRole('button', { name: 'Importera som Fokusplatser' }).click();
    await expect.poll(() => panel.getByLabel('Importera som').inputValue()).toBe('focus-place');
    expect(await panel.locator('.result-count').textContent()).toContain('2 giltiga');
    const axe = await new AxeBuilder({ page }).include('[data-testid="import-panel"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await context.close();
  });

  it('names places from the property the planner picks, keeps the other properties, and can leave out places in another municipality', async () => {
    const geojson = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { OBJECTID: 1, Område: 'Fisksätra torg', typ: 'torg' }, geometry: { type: 'Point', coordinates: [18.2561, 59.2951] } },
        { type: 'Feature', properties: { OBJECTID: 2, Område: 'Stortorget', typ: 'torg' }, geometry: { type: 'Point', coordinates: [18.0707, 59.325] } },
      ],
    };
    const { page, context } = await openApp(browser());
    const panel = await openImport(page);
    await panel.getByLabel(/Välj fil/).setInputFiles({ name: 'omraden.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(geojson)) });
    await expect.poll(() => panel.getByLabel('Namn från egenskapen').inputValue()).toBe('Område');
    expect(await panel.textContent()).toContain('T.ex. Fisksätra torg, Stortorget');
    await pickActivity(panel, 'störst otrygghet'); // a Nacka activity
    const flagged = panel.getByTestId('flagged-places');
    await expect.poll(() => flagged.textContent()).toContain('1 plats ligger utanför de valda aktiviteternas kommun');
    await flagged.getByLabel('Lämna bort Stortorget (Stockholm)').check();
    await flagged.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-flagged');
    await panel.getByRole('button', { name: 'Importera 1 plats' }).click();
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => rowNames(page)).toContain('Fisksätra torg');
    expect(await rowNames(page)).not.toContain('Stortorget');
    await page.locator('.row-button', { hasText: 'Fisksätra torg' }).click();
    const attributes = page.getByTestId('feature-panel').getByRole('region', { name: 'Uppgifter från den importerade filen' });
    expect(await attributes.textContent()).toContain('typtorg');
    expect(await attributes.textContent()).toContain('OBJECTID1');
    await context.close();
  });
});
