import { describe, expect, inject, it } from 'vitest';
import { useBrowser, waitForIdle, waitForMap } from './harness';

const browser = useBrowser();

describe('a deployment with an online basemap style', () => {
  it('loads the style named in config.json and draws the data layers on top of it', async () => {
    const styleUrl = 'https://tiles.example.invalid/styles/street.json';
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.route('**/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ basemapStyleUrl: styleUrl }) }),
    );
    await page.route(styleUrl, (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#dde' } }] }),
      }),
    );
    await page.goto(inject('baseUrl'));
    await waitForMap(page);
    await page.getByLabel('Gå till kommun').selectOption('2401');
    await waitForIdle(page);
    expect(requested).toContain(styleUrl);
    expect(requested.some((url) => url.endsWith('basemap/water.geojson'))).toBe(false);
    expect(await page.evaluate(() => window.__trygghetskartan!.map.renderedFeatureIds('unsafe-place'))).toHaveLength(4);
    await context.close();
  });
});
