import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shippedDataset } from '../../src/data/shipped';
import { useBrowser, openApp, tableRowIds } from './harness';

const browser = useBrowser();

const total = shippedDataset.ok ? shippedDataset.value.features.length : 0;

async function download(page: Page, click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { path: (await file.path())!, name: file.suggestedFilename() };
}

describe('export and backup', () => {
  it("exports the table's filtered rows as CSV and GeoJSON (the export code is fetched on first use)", async () => {
    const { page, context } = await openApp(browser());
    await page.getByLabel('Sök', { exact: true }).fill('Nacka');
    await expect.poll(async () => (await tableRowIds(page)).length).toBeLessThan(total);
    const shown = (await page.locator('.filters .result-count').textContent())!.replace(/[\u00a0\u202f]/g, ' ');
    const count = Number(/^(\d+) av/.exec(shown)![1]);
    const views = page.locator('#data-views');
    const csv = await download(page, () => views.getByRole('button', { name: 'Exportera CSV', exact: true }).click());
    expect(csv.name).toBe('trygghetskartan-platser.csv');
    const lines = readFileSync(csv.path, 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^id;Namn;Lager;Kommun;/);
    expect(lines).toHaveLength(count + 1);
    const geojson = await download(page, () => views.getByRole('button', { name: 'Exportera GeoJSON', exact: true }).click());
    expect(geojson.name).toBe('trygghetskartan-platser.geojson');
    expect(JSON.parse(readFileSync(geojson.path, 'utf8')).features).toHaveLength(count);
    await expect.poll(() => page.locator('[role="status"]').allTextContents()).toContainEqual(expect.stringContaining('exporterade som GeoJSON'));
    await context.close();
  });

  it('exports GeoJSON per layer and GPX, and restores a backup after asking', async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('button', { name: 'Exportera', exact: true }).click();
    const panel = page.getByTestId('export-panel');

    const all = await download(page, () => panel.getByRole('button', { name: 'Alla lager' }).click());
    expect((JSON.parse(readFileSync(all.path, 'utf8')) as GeoJSON.FeatureCollection).features).toHaveLength(total);
    const watch = await download(page, () => panel.getByRole('button', { name: 'Grannsamverkan' }).click());
    const watchAreas = JSON.parse(readFileSync(watch.path, 'utf8')) as GeoJSON.FeatureCollection;
    expect(watchAreas.features.every((f) => f.properties?.layer === 'watch-area')).toBe(true);
    const gpx = await download(page, () => panel.getByRole('button', { name: 'GPX – trygghetsvandringar' }).click());
    expect(gpx.name).toMatch(/\.gpx$/);
    expect(readFileSync(gpx.path, 'utf8').match(/<trk>/g)).toHaveLength(4);

    const backup = await download(page, () => panel.getByRole('button', { name: 'Ladda ned säkerhetskopia' }).click());
    await panel.getByRole('button', { name: 'Stäng' }).click();

    // Lose a place, then get it back from the backup.
    await page.locator('#row-varmdo-2017-f-gustavsbergs-centrum .row-button').click();
    await page.getByRole('button', { name: 'Ta bort' }).click();
    await expect.poll(() => tableRowIds(page).then((ids) => ids.length)).toBe(total - 1);

    await page.getByRole('button', { name: 'Exportera', exact: true }).click();
    await panel.getByLabel('Återställ från säkerhetskopia').setInputFiles(backup.path);
    const dialog = page.getByRole('dialog', { name: 'Ersätta allt med säkerhetskopian?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Ja, ersätt' }).click();
    await expect.poll(() => tableRowIds(page).then((ids) => ids.length)).toBe(total);
    expect(await page.getByRole('status').last().textContent()).toContain('är återställd');
    await context.close();
  });

  it('refuses a backup that would put a sensitive activity or Oslo on the map, naming the record, before asking', async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('button', { name: 'Exportera', exact: true }).click();
    const panel = page.getByTestId('export-panel');
    const backup = await download(page, () => panel.getByRole('button', { name: 'Ladda ned säkerhetskopia' }).click());
    const content = JSON.parse(readFileSync(backup.path, 'utf8')) as { activities: { id: string; sensitive: boolean }[]; features: { id: string; activityIds: string[]; geometry: unknown }[] };
    const secret = content.activities.find((a) => a.sensitive)!;
    const hostile = structuredClone(content);
    hostile.features.push({ ...hostile.features[0]!, id: 'planted-secret', activityIds: [secret.id] });
    await panel.getByLabel('Återställ från säkerhetskopia').setInputFiles({ name: 'fientlig.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
    await expect.poll(() => panel.getByRole('alert').textContent()).toMatch(/planted-secret: känslig aktivitet/);
    expect(await page.getByRole('dialog').count()).toBe(0);

    const oslo = structuredClone(content);
    const point = oslo.features.find((f) => (f.geometry as { type: string }).type === 'Point')!;
    point.geometry = { type: 'Point', coordinates: [10.7522, 59.9139] };
    await panel.getByLabel('Återställ från säkerhetskopia').setInputFiles({ name: 'oslo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(oslo)) });
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain(`${point.id}: `);
    expect((await tableRowIds(page)).length).toBe(total);
    await context.close();
  });

  it('refuses a file that is not a backup, with a message, changing nothing', async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('button', { name: 'Exportera', exact: true }).click();
    const panel = page.getByTestId('export-panel');
    await panel.getByLabel('Återställ från säkerhetskopia').setInputFiles({ name: 'fel.json', mimeType: 'application/json', buffer: Buffer.from('{"type":"FeatureCollection"}') });
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('ingen säkerhetskopia');
    expect((await tableRowIds(page)).length).toBe(total);
    await context.close();
  });
});
