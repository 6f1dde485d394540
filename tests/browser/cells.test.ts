import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { mapZoom, openApp, renderedIds, screenshot, useBrowser, waitForIdle } from './harness';
import { storePlaces } from './storePlaces';

const browser = useBrowser();

/** 3 000 survey places in a few hundred metres of Nacka: more than a tile draws one by one below the deepest zoom. */
const CENTRE = [18.19, 59.305] as const;
const places = Array.from({ length: 3000 }, (_, i) => ({
  id: `cell-test-${i}`,
  layer: 'unsafe-place',
  name: `Testplats ${i}`,
  municipalityCode: '0182',
  activityIds: ['nacka-2017-narvaro-pa-otrygga-platser'],
  provenance: 'imported',
  provenanceNote: 'Syntetisk testdata.',
  geometry: { type: 'Point', coordinates: [CENTRE[0] - 0.006 + (i % 60) / 5000, CENTRE[1] - 0.003 + Math.floor(i / 60) / 8500] },
  details: { survey: 'Syntetisk', year: 2024, timeOfDay: [['dag', 'kvall', 'natt'][i % 3]], reasons: ['belysning'], responses: 1 },
}));

type Cell = { count: number; x: number; y: number };
const cells = (page: import('playwright-core').Page): Promise<Cell[]> => page.evaluate(() => window.__trygghetskartan!.map.renderedCells());
const total = (list: Cell[]) => list.reduce((sum, c) => sum + c.count, 0);
/** The test's places the map shows: counted in cells, or drawn one by one where a tile holds few enough. */
const shown = async (page: import('playwright-core').Page) => total(await cells(page)) + (await renderedIds(page)).filter((id) => id.startsWith('cell-test-')).length;

describe('many places: counted in cells at low zoom, one by one close up', () => {
  it('draws counts that follow the filter, zooms in on a clicked cell, and draws the places themselves at street level', async () => {
    const { page, context, pageErrors } = await openApp(browser());
    await storePlaces(page, places);
    await page.evaluate((center) => window.__trygghetskartan!.map.jumpTo({ center: [...center] as [number, number], zoom: 11 }), CENTRE);
    await waitForIdle(page);
    // Only the test's places: their name is in no shipped record.
    await page.getByLabel('Sök', { exact: true }).fill('Testplats');
    await expect.poll(async () => total(await cells(page)), { timeout: 20_000 }).toBe(3000);
    expect((await cells(page)).length).toBeGreaterThan(1);
    // None of them is drawn as a place of its own at this zoom.
    expect((await renderedIds(page)).filter((id) => id.startsWith('cell-test-'))).toEqual([]);
    // The legend says what a ring with a number is, as long as there are enough places to make one.
    expect(await page.getByTestId('legend-place-cells').textContent()).toContain('Ring med siffra: så många otrygga platser på det stället');
    await screenshot(page, 'place-cells');
    expect(await axeViolations(page)).toEqual([]);
    // The counts are of what the filter shows: evenings are every third place (few enough per tile
    // that some are drawn one by one again).
    await page.getByRole('checkbox', { name: /Kväll/ }).check();
    await expect.poll(() => shown(page), { timeout: 20_000 }).toBe(1000);
    await page.getByRole('checkbox', { name: /Kväll/ }).uncheck();
    await expect.poll(() => shown(page), { timeout: 20_000 }).toBe(3000);

    // A click on the biggest cell zooms in on it.
    const biggest = (await cells(page)).sort((a, b) => b.count - a.count)[0]!;
    const box = (await page.getByTestId('map').boundingBox())!;
    const before = mapZoom(page);
    await page.mouse.click(box.x + biggest.x, box.y + biggest.y);
    await expect.poll(() => mapZoom(page)).toBeGreaterThanOrEqual(before + 1.9);
    await waitForIdle(page);
    await page.getByRole('checkbox', { name: /Natt/ }).check();

    // At street level every place is drawn by itself, and no cell.
    await page.evaluate((center) => window.__trygghetskartan!.map.jumpTo({ center: [...center] as [number, number], zoom: 16 }), CENTRE);
    await waitForIdle(page);
    await expect.poll(async () => (await renderedIds(page)).filter((id) => id.startsWith('cell-test-')).length, { timeout: 20_000 }).toBeGreaterThan(50);
    expect(await cells(page)).toEqual([]);
    const drawn = (await renderedIds(page)).filter((id) => id.startsWith('cell-test-'));
    // Still the filter's: night places only.
    expect(drawn.every((id) => Number(id.slice('cell-test-'.length)) % 3 === 2)).toBe(true);
    await screenshot(page, 'place-cells-street');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
