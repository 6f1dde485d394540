import { describe, expect, it } from 'vitest';
import { useBrowser, openApp, screenshot, waitForIdle, waitForMap } from './harness';
import { storePlaces } from './storePlaces';
import { axeViolations } from './axe';

const browser = useBrowser();


/**
 * Every shipped unsafe place is an example (no document names one, no survey result is given), and
 * examples never count in the analyses. So these tests first store what a planner would import:
 * three places from a safety survey, with their answers. The Nacka one lies 20 m from the example
 * walk round Nacka centrum, which reaches nothing: it is still a gap.
 */
const year = new Date().getFullYear();
const surveyPlaces = [
  { id: 'enkat-busstationen', name: 'Busstationen (enkät)', municipalityCode: '2401', activityIds: ['nordmaling-2023-atgarda-otrygga-platser'], at: [19.503, 63.5693], responses: 12, timeOfDay: ['kvall'], reasons: ['belysning'] },
  { id: 'enkat-gangtunneln', name: 'Gångtunneln (enkät)', municipalityCode: '2401', activityIds: ['nordmaling-2023-atgarda-otrygga-platser'], at: [19.475, 63.58], responses: 5, timeOfDay: ['natt'], reasons: ['skymd sikt'] },
  { id: 'enkat-nacka-centrum', name: 'Gångvägen vid Nacka centrum (enkät)', municipalityCode: '0182', activityIds: ['nacka-2017-narvaro-pa-otrygga-platser'], at: [18.161, 59.3104], responses: 8, timeOfDay: ['dag'], reasons: ['folksamlingar'] },
].map(({ at, responses, timeOfDay, reasons, ...rest }) => ({
  ...rest,
  layer: 'unsafe-place',
  provenance: 'imported',
  provenanceNote: `Importerad ur trygghetsundersökningen ${year}.`,
  geometry: { type: 'Point', coordinates: at },
  details: { survey: `Trygghetsundersökning ${year}`, year, timeOfDay, reasons, responses },
}));


describe('planners: density and gaps', () => {
  it('shows unsafe places as hexagons, lists the places no activity reaches, and starts a walk from a gap', async () => {
    const { page, context } = await openApp(browser());
    // The shipped data alone: its unsafe places are all examples, so there is nothing to count, and the view says why.
    await page.getByRole('tab', { name: 'Planera' }).click();
    const view = page.getByTestId('planner-view');
    await expect.poll(() => view.getByRole('status').textContent()).toBe('Inga otrygga platser matchar.');
    expect(await view.getByTestId('gap-list').locator('> li').count()).toBe(0);
    expect(await view.getByTestId('examples-note').textContent()).toContain('Exempelplatser räknas inte här');
    expect(await view.getByTestId('examples-note').textContent()).toContain('7 otrygga platser i data är sådana exempel');

    await storePlaces(page, surveyPlaces);
    await page.getByRole('tab', { name: 'Planera' }).click();
    await expect.poll(() => view.getByRole('status').textContent()).toBe('3 hexagoner med sammanlagt 25 svar eller markeringar');
    const gaps = view.getByTestId('gap-list').locator('> li');
    // No example walk, watch area or focus place reaches them; the examples themselves are not listed.
    expect(await gaps.allTextContents()).toEqual([
      expect.stringContaining('Busstationen (enkät)'),
      expect.stringContaining('Gångvägen vid Nacka centrum (enkät)'),
      expect.stringContaining('Gångtunneln (enkät)'),
    ]);
    expect(await view.textContent()).toContain('3 av 3 otrygga platser nås inte');
    // The gaps are numbered on the map in their listed order, and the legend says what the numbers count.
    await expect.poll(() => page.locator('.number-marker').allTextContents()).toEqual(['1', '2', '3']);
    expect(await page.getByTestId('legend-numbered').textContent()).toBe('1Siffra: luckans plats i listan (3 luckor utan trygghetsvandring)');
    await view.getByLabel('Tid på dygnet').selectOption('kvall');
    await expect.poll(() => view.getByRole('status').textContent()).toContain('1 hexagon med sammanlagt 12 svar');
    expect(await axeViolations(page)).toEqual([]);
    await view.getByLabel('Hexagonstorlek').selectOption('7');
    await page.getByLabel('Gå till kommun').selectOption('2401');
    await waitForIdle(page);
    await screenshot(page, 'planner-density');
    await gaps.first().getByRole('button', { name: 'Rita en trygghetsvandring här' }).click();
    await expect.poll(() => page.locator('.draw-banner').textContent()).toContain('Klicka för varje punkt längs linjen');
    await context.close();
  });
});

describe('police: tonight’s patrol', () => {
  it('ranks places with the score’s parts, numbers them on the map, and prints a sheet', async () => {
    const { page, context } = await openApp(browser());
    await storePlaces(page, surveyPlaces);
    await page.getByRole('tab', { name: 'Patrullera' }).click();
    const view = page.getByTestId('patrol-view');
    const items = view.getByTestId('patrol-list').locator('> li');
    // The three survey places and the four focus places the documents name; no example is on the list.
    await expect.poll(() => items.count()).toBe(7);
    expect((await items.allTextContents()).filter((text) => /exempel/i.test(text))).toEqual([]);
    // The evening place with the most answers leads the evening list.
    expect(await items.first().textContent()).toContain('Busstationen (enkät)');
    expect(await items.first().textContent()).toMatch(/kvällstid/);
    expect(await view.getByTestId('examples-note').textContent()).toContain('Exempelplatser räknas inte här');
    await expect.poll(() => page.locator('.number-marker').count()).toBe(7);
    await view.getByLabel('Antal platser').selectOption('5');
    await expect.poll(() => page.locator('.number-marker').count()).toBe(5);
    expect(await axeViolations(page)).toEqual([]);
    await view.getByRole('button', { name: 'Visa på kartan' }).click();
    await waitForIdle(page);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'patrol-print');
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await view.getByText('Patrullista – Kväll, Vardag').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  });
});

describe('citizens: near me', () => {
  it('finds a place by name, lists what is done nearby nearest first, and keeps it in a shareable link', async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('tab', { name: 'Nära mig' }).click();
    const view = page.getByTestId('near-view');
    await view.getByLabel('Sök plats').fill('Fisksätra');
    await view.getByRole('button', { name: /^Fisksätra \(ort\)/ }).click();
    await view.getByLabel('Avstånd').selectOption('2000');
    const list = view.getByTestId('near-list').locator('> li');
    await expect.poll(() => list.count()).toBeGreaterThan(0);
    const distances = await list.evaluateAll((items) => items.map((li) => li.textContent ?? ''));
    expect(distances.join(' ')).toContain('Fisksätra');
    expect(await view.textContent()).toContain('114 14');
    await expect.poll(() => page.url()).toContain('flik=nara');
    expect(page.url()).toMatch(/nara=18\.\d+,59\.\d+&radie=2000/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'near-me');

    const shared = page.url();
    const fresh = await browser().newContext({ viewport: { width: 375, height: 812 } });
    const phone = await fresh.newPage();
    await phone.goto(shared);
    await waitForMap(phone);
    await expect.poll(() => phone.getByTestId('near-list').locator('> li').count()).toBe(await list.count());
    await screenshot(phone, 'near-me-phone');
    await fresh.close();
    await context.close();
  });

  it('searches a deployment’s online geocoder when one is configured, showing its answer only as text', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.route('**/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ basemapStyleUrl: null, geocoderUrl: 'https://geo.example.invalid/search?q={q}' }) }),
    );
    await page.route('https://geo.example.invalid/**', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify([{ lat: '59.2940', lon: '18.2570', display_name: 'Fisksätra torg, <b>Nacka</b>' }]) }),
    );
    const { inject } = await import('vitest');
    await page.goto(inject('baseUrl'));
    await waitForMap(page);
    await page.getByRole('tab', { name: 'Nära mig' }).click();
    const view = page.getByTestId('near-view');
    await view.getByLabel('Sök plats').fill('Fisksätra torg');
    await view.getByRole('button', { name: 'Sök online' }).click();
    await view.getByRole('button', { name: /Fisksätra torg, <b>Nacka<\/b>/ }).click();
    await expect.poll(() => view.getByTestId('near-list').textContent()).toContain('Fisksätra station');
    expect(await view.locator('b').count()).toBe(0);
    await context.close();
  });

  it('picks a point on the map, and uses the browser position when allowed', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, geolocation: { latitude: 59.327, longitude: 18.389 }, permissions: ['geolocation'] });
    const page = await context.newPage();
    const { inject } = await import('vitest');
    await page.goto(inject('baseUrl'));
    await waitForMap(page);
    await page.getByRole('tab', { name: 'Nära mig' }).click();
    const view = page.getByTestId('near-view');
    await view.getByRole('button', { name: 'Använd min position' }).click();
    await expect.poll(() => view.getByTestId('near-list').textContent()).toContain('Gustavsbergs Centrum');
    expect(await view.locator('.result-count').textContent()).toContain('din position');

    await view.getByRole('button', { name: 'Välj plats på kartan' }).click();
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => view.locator('.result-count').textContent()).toContain('vald punkt');
    await context.close();
  });

  it('never ends in a dead end: a municipality by name covers the municipality, and nothing within the largest distance offers the municipality', async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('tab', { name: 'Nära mig' }).click();
    const view = page.getByTestId('near-view');
    await view.getByLabel('Sök plats').fill('Nordmaling');
    await view.getByRole('button', { name: /^Nordmaling \(kommun\)/ }).click();
    const count = view.locator('.result-count');
    await expect.poll(() => count.textContent()).toMatch(/^7 platser i Nordmaling, närmast kommunens mitt först/);
    expect(await count.textContent()).not.toContain('större');
    // A point with nothing near: first a larger distance, then at the largest the whole municipality.
    await view.getByLabel('Sök plats').fill('Ekerö');
    await view.getByRole('button', { name: /^Ekerö \(kommun\)/ }).click();
    await view.getByLabel('Avstånd').selectOption('500');
    await expect.poll(() => count.textContent()).toMatch(/inom 500 m från Ekerö\.$/);
    await view.getByRole('button', { name: 'Sök inom 1 km' }).click();
    await view.getByRole('button', { name: 'Sök inom 2 km' }).click();
    await expect.poll(() => count.textContent()).toContain('det största avståndet här');
    await view.getByRole('button', { name: 'Visa allt i Ekerö' }).click();
    await expect.poll(() => count.textContent()).toMatch(/^3 platser i Ekerö/);
    await screenshot(page, 'near-municipality');
    await context.close();
  });
});
