import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatSweref99Tm, formatWgs84, toSweref99Tm } from '../../src/analysis/patrolSheet';
import { openApp, SCREENSHOT_DIR, useBrowser } from './harness';
import { storePlaces } from './storePlaces';
import { axeViolations } from './axe';

const browser = useBrowser();

/**
 * The shipped unsafe places are all examples, which the patrol list never holds, so the tests store
 * what a planner would import: survey places in Nordmaling, Ekerö and a tight cluster of four at
 * Nacka centrum (within 40 m: their numbers would cover each other on a map of the whole area).
 * With the shipped focus places the documents name (three in Nacka, Gustavsbergs Centrum in
 * Värmdö) there are 11 places to rank: 7 in Nacka, 1 in Värmdö, 1 in Ekerö, 2 in Nordmaling.
 */
const year = new Date().getFullYear();
const NACKA = 'nacka-2017-narvaro-pa-otrygga-platser';
const surveyPlaces = [
  { id: 'enkat-busstationen', name: 'Busstationen (enkät)', municipalityCode: '2401', activityIds: ['nordmaling-2023-atgarda-otrygga-platser'], at: [19.503, 63.5693], responses: 12 },
  { id: 'enkat-gangtunneln', name: 'Gångtunneln (enkät)', municipalityCode: '2401', activityIds: ['nordmaling-2023-atgarda-otrygga-platser'], at: [19.475, 63.58], responses: 5 },
  { id: 'enkat-ekero', name: 'Bryggan i Ekerö (enkät)', municipalityCode: '0125', activityIds: ['ekero-2020-folja-brottsutvecklingen'], at: [17.812, 59.291], responses: 6 },
  { id: 'enkat-nacka-1', name: 'Gångvägen vid Nacka centrum (enkät)', municipalityCode: '0182', activityIds: [NACKA], at: [18.161, 59.3104], responses: 8 },
  { id: 'enkat-nacka-2', name: 'Trappan vid Nacka centrum (enkät)', municipalityCode: '0182', activityIds: [NACKA], at: [18.1613, 59.3105], responses: 7 },
  { id: 'enkat-nacka-3', name: 'Busshållplatsen vid Nacka centrum (enkät)', municipalityCode: '0182', activityIds: [NACKA], at: [18.1608, 59.3102], responses: 6 },
  { id: 'enkat-nacka-4', name: 'Parkeringen vid Nacka centrum (enkät)', municipalityCode: '0182', activityIds: [NACKA], at: [18.1611, 59.3101], responses: 4 },
].map(({ at, responses, ...rest }) => ({
  ...rest,
  layer: 'unsafe-place',
  provenance: 'imported',
  provenanceNote: `Importerad ur trygghetsundersökningen ${year}.`,
  geometry: { type: 'Point', coordinates: at },
  details: { survey: `Trygghetsundersökning ${year}`, year, timeOfDay: ['kvall'], reasons: ['belysning'], responses },
}));



type Box = { x: number; y: number; width: number; height: number };
const overlapping = (boxes: Box[]) =>
  boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).map(() => i + 1));

/** The whole page: the printed sheet runs over several screens' height. */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

describe('police: the patrol list follows the filters and an area, and prints a dated sheet', () => {
  it('limits the list by the filters and by a police area, and prints the numbered places with both coordinates on a map of their area', async () => {
    const { page, context } = await openApp(browser());
    await storePlaces(page, surveyPlaces);
    await page.getByRole('tab', { name: 'Patrullera' }).click();
    const view = page.getByTestId('patrol-view');
    const items = view.getByTestId('patrol-list').locator('> li');
    await view.getByLabel('Antal platser').selectOption('20');
    await expect.poll(() => items.count()).toBe(11);
    await expect.poll(() => view.getByTestId('patrol-filters-note').textContent()).toContain('inga filter är valda');

    // The municipality filter in the side panel: only Nacka's seven are left, and the view says how many it leaves out.
    await page.getByRole('group', { name: 'Kommun' }).getByRole('checkbox', { name: /Nacka/ }).check();
    await expect.poll(() => items.count()).toBe(7);
    for (const text of await items.allTextContents()) expect(text).toContain('Nacka');
    await expect.poll(() => view.getByTestId('patrol-filters-note').textContent()).toContain('De lämnar 4 av 11 platser som kan prioriteras utanför');
    await page.getByRole('button', { name: 'Rensa alla filter' }).click();
    await expect.poll(() => items.count()).toBe(11);

    // The police area: LPO Nacka holds Nacka and Värmdö (and Tyresö, inferred), not Ekerö or Nordmaling.
    await view.getByLabel('Område', { exact: true }).selectOption({ label: 'Lokalpolisområde Nacka' });
    await expect.poll(() => items.count()).toBe(8);
    const names = await items.locator('> button').allTextContents();
    expect(names).toContain('Gustavsbergs Centrum');
    expect(names.filter((n) => /Busstationen|Gångtunneln|Ekerö/.test(n))).toEqual([]);
    const members = view.getByTestId('patrol-area-members');
    expect(await members.textContent()).toContain('Polisregion Stockholm');
    expect(await members.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Nacka: enligt .*”Nacka kommun och lokalpolisområde Nacka/),
      expect.stringMatching(/^Värmdö: enligt .*”Medborgarlöften som Värmdö kommun och Nacka lokalpolisområde/),
      expect.stringMatching(/^Tyresö: härlett, inte angivet i något dokument: Planen nämner Tyresö/),
    ]);
    expect(await view.getByTestId('patrol-filters-note').textContent()).toContain('3 platser ligger utanför Lokalpolisområde Nacka och visas inte');
    await expect.poll(() => page.locator('.number-marker').count()).toBe(8);
    expect(await axeViolations(page, '[data-testid="patrol-view"]')).toEqual([]);
    await members.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/patrol-area-1280.png` });

    // The printed sheet: dated, for this area, a map of just these places with numbers apart, and each place named.
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('patrol-sheet');
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.getByTestId('map').isVisible()).toBe(false);
    expect(await view.getByTestId('patrol-list').isVisible()).toBe(false);
    const today = await page.evaluate(() => new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long' }).format(new Date()));
    expect(await sheet.getByTestId('patrol-printed-at').textContent()).toMatch(new RegExp(`^Utskriven ${today}.*\\d{2}[:.]\\d{2}$`));
    expect(await sheet.textContent()).toContain('Område: Lokalpolisområde Nacka');
    expect(await sheet.textContent()).toContain('Filter: inga');
    expect(await view.getByText('Patrullista – Kväll, Vardag').isVisible()).toBe(true);
    const rows = sheet.getByTestId('patrol-sheet-table').locator('tbody tr');
    expect(await rows.count()).toBe(8);
    const texts = await rows.allTextContents();
    texts.forEach((text, i) => {
      expect(text.startsWith(String(i + 1))).toBe(true);
      expect(text).toMatch(/N \d{7}, E \d{6}/);
      expect(text).toMatch(/59\.\d{5}° N, 18\.\d{5}° E/);
    });
    const nacka = rows.filter({ hasText: 'Gångvägen vid Nacka centrum (enkät)' });
    expect(await nacka.textContent()).toContain(formatSweref99Tm(toSweref99Tm([18.161, 59.3104])));
    expect(await nacka.textContent()).toContain(formatWgs84([18.161, 59.3104]));
    expect(await nacka.textContent()).toContain('Nacka, nära orten Nacka');
    const markers = sheet.locator('[data-testid="patrol-sheet-map"] .sheet-marker');
    expect(await markers.count()).toBe(8);
    expect(await markers.allTextContents()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const boxes = await markers.evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect()).map(({ x, y, width, height }) => ({ x, y, width, height })));
    expect(boxes.every((b) => b.width > 10 && b.height > 10)).toBe(true);
    expect(overlapping(boxes)).toEqual([]);
    // The four Nacka centrum places lie within 40 m: without spreading their numbers would share one spot.
    expect(await sheet.locator('[data-testid="patrol-sheet-map"] line').count()).toBeGreaterThanOrEqual(3);
    expect(await axeViolations(page, '[data-testid="patrol-view"]')).toEqual([]);
    await shot(page, 'patrol-print-1280');
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  });

  it('speaks English, the police area and the sheet included', async () => {
    const { page, context } = await openApp(browser());
    await storePlaces(page, surveyPlaces);
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('tab', { name: 'Patrol' }).click();
    const view = page.getByTestId('patrol-view');
    await view.getByLabel('Area', { exact: true }).selectOption({ label: 'Lokalpolisområde Vällingby' });
    await expect.poll(() => view.getByTestId('patrol-list').locator('> li').count()).toBe(1);
    expect(await view.getByTestId('patrol-area-members').textContent()).toContain('The police area also serves districts of Stockholm municipality');
    expect(await view.getByTestId('patrol-filters-note').textContent()).toContain('10 places lie outside Lokalpolisområde Vällingby and are not listed');
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('patrol-sheet');
    expect(await sheet.getByTestId('patrol-printed-at').textContent()).toMatch(/^Printed \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(await sheet.textContent()).toContain('Area: Lokalpolisområde Vällingby');
    expect(await sheet.locator('tbody tr').first().textContent()).toContain('Ekerö, near the locality of Ekerö');
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  });

  it('fits a phone, on screen and on paper', async () => {
    const { page, context } = await openApp(browser(), { width: 375, height: 812 });
    await storePlaces(page, surveyPlaces);
    await page.getByRole('tab', { name: 'Patrullera' }).click();
    const view = page.getByTestId('patrol-view');
    await view.getByLabel('Område', { exact: true }).selectOption({ label: 'Nacka' });
    await expect.poll(() => view.getByTestId('patrol-list').locator('> li').count()).toBe(7);
    expect(await axeViolations(page, '[data-testid="patrol-view"]')).toEqual([]);
    await view.getByTestId('patrol-filters-note').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/patrol-375.png` });
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('patrol-sheet');
    expect(await sheet.textContent()).toContain('Område: Nacka (kommun)');
    const boxes = await sheet
      .locator('[data-testid="patrol-sheet-map"] .sheet-marker')
      .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect()).map(({ x, y, width, height }) => ({ x, y, width, height })));
    expect(boxes).toHaveLength(7);
    expect(overlapping(boxes)).toEqual([]);
    await shot(page, 'patrol-print-375');
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  });
});
