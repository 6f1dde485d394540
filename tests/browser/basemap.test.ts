import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PLACE_LABEL_LAYER_IDS } from '../../src/map/placeLabels';
import { LAND_COLOUR, SEA_COLOUR } from '../../src/map/style';
import { SCREENSHOT_DIR, openApp, screenshot, useBrowser, waitForIdle, waitForMap } from './harness';

const browser = useBrowser();

type Position = [number, number];
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const LAND_LAYERS = ['land-abroad', 'land-sweden-coarse', 'land-sweden-border', 'land-sweden'];

// Points named in issue 14: the sea between Gotland and the mainland, Gotland, Småland, Vänern.
const BALTIC: Position = [17.9, 57.4];
const GOTLAND: Position = [18.5, 57.5];
const MAINLAND: Position = [15.5, 57.5];
const VANERN: Position = [13.3, 58.9];
const MALAREN: Position = [17.3, 59.45];
const EKERO: Position = [17.75, 59.3];
const EKERO_TOWN: Position = [17.81, 59.29];
const HJALMAREN: Position = [15.8, 59.25];
const STORSJON: Position = [14.4, 63.1];
// In Nacka's municipality polygon, off every detailed water polygon, and over 600 m outside
// Natural Earth's coarse Sweden: only the municipality polygons can draw it as land.
const NACKA_MUNICIPALITY_ONLY: Position = [18.29, 59.2725];
// Baggensfjärden, in the detailed sea of the county file.
const NACKA_SEA: Position = [18.32, 59.305];

async function goTo(page: Page, center: Position, zoom: number) {
  await page.evaluate((view) => window.__trygghetskartan!.map.jumpTo(view), { center, zoom });
  await waitForIdle(page);
}

/** The basemap layers drawn at a position and the colour of its pixel on the map's canvas. */
async function probe(page: Page, position: Position) {
  return page.evaluate((p) => {
    const { x, y, layers } = window.__trygghetskartan!.map.basemapAt(p);
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
    const ratio = canvas.width / canvas.clientWidth;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d')!;
    context.drawImage(canvas, 0, 0);
    const colour = [...context.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data.slice(0, 3)];
    const inside = x >= 0 && y >= 0 && x < canvas.clientWidth && y < canvas.clientHeight;
    return { layers, colour, inside };
  }, position);
}

/** The whole page, as the other tests take it, and the map alone, to look at the basemap closely. */
async function screenshots(page: Page, name: string) {
  await screenshot(page, name);
  await page.locator('.maplibregl-map').screenshot({ path: `${SCREENSHOT_DIR}/${name}-map.png` });
}

const near = (colour: number[], hex: string) => colour.every((c, i) => Math.abs(c - rgb(hex)[i]!) <= 2);

const overlaps = (a: number[], b: number[]) => a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;

describe('the offline basemap', () => {
  it('draws the Baltic between Gotland and the mainland as sea at zoom 5, Gotland and Småland as land, Vänern as water at zoom 6 and 9, Mälaren round Ekerö', async () => {
    const { page, context, foreignRequests, pageErrors } = await openApp(browser());
    // The local lakes are fetched only once the map nears the zoom that draws them, not at start-up.
    const lakeRequests: string[] = [];
    context.on('request', (request) => void (request.url().includes('lakes-local') && lakeRequests.push(request.url())));
    await page.reload();
    await waitForMap(page);
    await goTo(page, BALTIC, 5);
    const sea = await probe(page, BALTIC);
    expect(sea.inside).toBe(true);
    expect(sea.layers.filter((l) => LAND_LAYERS.includes(l))).toEqual([]);
    expect(near(sea.colour, SEA_COLOUR), `sea pixel ${sea.colour}`).toBe(true);
    for (const position of [GOTLAND, MAINLAND]) {
      const land = await probe(page, position);
      expect(land.inside).toBe(true);
      expect(land.layers, `${position}`).toContain('land-sweden-coarse');
      expect(near(land.colour, LAND_COLOUR), `land pixel ${land.colour} at ${position}`).toBe(true);
    }
    await screenshots(page, 'basemap-z5-desktop');

    await goTo(page, VANERN, 6);
    const lake = await probe(page, VANERN);
    await screenshots(page, 'basemap-z6-vanern');
    expect(lake.layers).toContain('lakes-sweden');
    expect(near(lake.colour, SEA_COLOUR), `Vänern pixel ${lake.colour}`).toBe(true);
    expect(lakeRequests).toEqual([]);
    // At local zoom too, where Sweden is drawn from the municipality polygons.
    await goTo(page, VANERN, 9);
    expect(lakeRequests).toHaveLength(1);
    const localLake = await probe(page, VANERN);
    expect(localLake.layers).toContain('lakes-local');
    expect(near(localLake.colour, SEA_COLOUR), `Vänern pixel at zoom 9 ${localLake.colour}`).toBe(true);
    // Mälaren, Hjälmaren and Storsjön lie inside the municipality polygons: still water at local zoom.
    for (const [name, position] of Object.entries({ MALAREN, HJALMAREN, STORSJON })) {
      await goTo(page, position, 9);
      const water = await probe(page, position);
      expect(water.layers, name).toContain('lakes-local');
      expect(near(water.colour, SEA_COLOUR), `${name} pixel at zoom 9 ${water.colour}`).toBe(true);
      await screenshots(page, `basemap-z9-${name.toLowerCase()}`);
    }
    // Ekerö's islands and its town stay land there: the coarse lake outline is cut by the island municipality.
    await goTo(page, EKERO, 10);
    for (const position of [EKERO, EKERO_TOWN]) {
      const island = await probe(page, position);
      expect(island.layers, `${position}`).toContain('land-sweden');
      expect(island.layers, `${position}`).not.toContain('lakes-local');
      // Land, perhaps under the white tint of a municipality with promises: anything but the sea.
      expect(near(island.colour, SEA_COLOUR), `Ekerö pixel at zoom 10 ${island.colour} at ${position}`).toBe(false);
    }
    await screenshots(page, 'basemap-z10-ekero');
    // Mälaren at small zoom, with Ekerö's islands (and its places) left out of it as land.
    await goTo(page, [17.6, 59.4], 7);
    expect((await probe(page, MALAREN)).layers).toContain('lakes-sweden');
    const ekero = await probe(page, EKERO);
    expect(ekero.layers).toContain('land-sweden-coarse');
    expect(ekero.layers).not.toContain('lakes-sweden');
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('follows the municipality polygons at the coast at local zoom (Nacka)', async () => {
    const { page, context } = await openApp(browser());
    await goTo(page, [18.3, 59.29], 11.5);
    const land = await probe(page, NACKA_MUNICIPALITY_ONLY);
    expect(land.inside).toBe(true);
    expect(land.layers).toContain('land-sweden');
    expect(land.layers).not.toContain('water');
    expect(near(land.colour, SEA_COLOUR), `land pixel ${land.colour}`).toBe(false);
    const sea = await probe(page, NACKA_SEA);
    expect(sea.layers).toContain('water');
    expect(near(sea.colour, SEA_COLOUR), `sea pixel ${sea.colour}`).toBe(true);
    await screenshots(page, 'basemap-nacka-desktop');
    await context.close();
  });

  it('keeps place names apart and under the data layers', async () => {
    const { page, context } = await openApp(browser());
    const ids = await page.evaluate(() => window.__trygghetskartan!.map.layerIds());
    const labelIndices = PLACE_LABEL_LAYER_IDS.map((id) => ids.indexOf(id));
    const dataIndices = ids.flatMap((id, i) => (id.startsWith('tk-') ? [i] : []));
    expect(labelIndices.every((i) => i >= 0)).toBe(true);
    expect(dataIndices.length).toBeGreaterThan(0);
    expect(Math.max(...labelIndices)).toBeLessThan(Math.min(...dataIndices));

    // Stockholm at zoom 9.5: some 60 towns and localities within a few pixels of each other.
    await goTo(page, [18.07, 59.33], 9.5);
    // Names are drawn once their letters are (from the browser's fonts) and faded in: wait for them.
    const placedNow = () => page.evaluate(() => window.__trygghetskartan!.map.placedLabels());
    await expect.poll(async () => (await placedNow()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    await waitForIdle(page);
    const placed = await placedNow();
    const places = (await (await fetch(new URL('basemap/places.geojson', inject('baseUrl')))).json()) as GeoJSON.FeatureCollection;
    const candidates = await page.evaluate((positions) => positions.filter((p) => {
      const { x, y } = window.__trygghetskartan!.map.basemapAt(p);
      const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
      return x >= 0 && y >= 0 && x < canvas.clientWidth && y < canvas.clientHeight;
    }).length, places.features.filter((f) => ['city', 'town', 'locality'].includes(String(f.properties?.kind))).map((f) => (f.geometry as GeoJSON.Point).coordinates as Position));
    // Collision left some out: there are more places in view than names drawn.
    expect(placed.length).toBeLessThan(candidates);
    expect(placed.map((p) => p.name)).toContain('Stockholm');
    for (const [i, a] of placed.entries())
      for (const b of placed.slice(i + 1)) expect(overlaps(a.box, b.box), `${a.name} ${a.box} / ${b.name} ${b.box}`).toBe(false);
    await screenshots(page, 'basemap-labels-stockholm');
    await context.close();
  });

  it('looks right on a phone: sea at zoom 5 and the coast at Nacka', async () => {
    const { page, context } = await openApp(browser(), { width: 375, height: 812 });
    await goTo(page, BALTIC, 5);
    const sea = await probe(page, BALTIC);
    expect(near(sea.colour, SEA_COLOUR), `sea pixel ${sea.colour}`).toBe(true);
    await screenshots(page, 'basemap-z5-phone');
    await goTo(page, [18.3, 59.29], 11.5);
    expect((await probe(page, NACKA_MUNICIPALITY_ONLY)).layers).toContain('land-sweden');
    await screenshots(page, 'basemap-nacka-phone');
    await context.close();
  });
});
