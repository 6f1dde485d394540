import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser, openApp, screenshot, waitForIdle, waitForMap } from './harness';
import { axeViolations } from './axe';

const browser = useBrowser();

const FIXTURES = 'tests/fixtures/areaIndex';


const renderedAreas = (page: Page) => page.evaluate(() => window.__trygghetskartan!.map.renderedChoropleth());

describe('the police survey’s area index', () => {
  it('reads results (CSV) and areas (GeoJSON in SWEREF 99 TM), colours the areas by change with a legend, and lists them', async () => {
    const { page, context, foreignRequests, pageErrors } = await openApp(browser());
    await page.getByRole('tab', { name: 'Områdesindex' }).click();
    const view = page.getByTestId('area-index-view');
    await view.getByLabel(/^Resultat \(CSV/).setInputFiles(`${FIXTURES}/syntetiskt_omradesindex_nacka.csv`);
    await expect.poll(() => view.getByTestId('area-csv-summary').textContent()).toContain('42 värden godtagna, 2 avvisade');
    await expect.poll(() => view.textContent()).toContain('Läs in områdena (GeoJSON)');
    await view.getByLabel(/^Områden \(GeoJSON/).setInputFiles(`${FIXTURES}/syntetiska_omraden_nacka_sweref99tm.geojson`);
    const polygons = view.getByTestId('area-polygon-summary');
    await expect.poll(() => polygons.textContent()).toContain('6 områden godtagna, 0 avvisade');
    expect(await polygons.textContent()).toContain('SWEREF 99 TM');

    // Every rejected row, with its line and reason: index out of range, missing year, unknown area.
    const csvRejected = (await view.getByRole('region', { name: /Avvisat ur syntetiskt_omradesindex_nacka\.csv$/ }).textContent()) ?? '';
    expect(csvRejected).toContain('rad 11, Narkotikaförsäljning');
    expect(csvRejected).toContain('indexet ligger utanför 0–6');
    expect(csvRejected).toContain('rad 13');
    expect(csvRejected).toContain('år saknas');
    expect(await view.getByTestId('area-match-summary').textContent()).toContain('38 värden hör till 5 av 6 områden. 1 rad kunde inte knytas');
    const matchRejected = (await view.getByTestId('area-match-report').textContent()) ?? '';
    expect(matchRejected).toContain('rad 12');
    expect(matchRejected).toContain('området finns inte bland polygonerna');

    // The legend: change classes with ranges and counts; the default question is the file's first.
    const legend = view.getByTestId('area-index-legend');
    expect(await legend.textContent()).toContain('Förändring till 2024, Nedskräpning');
    expect(await legend.locator('li[data-class="much-worse"]').textContent()).toMatch(/Klart sämre: \+1 eller högre\s*1 område/);
    expect(await legend.locator('li[data-class="no-data"]').textContent()).toContain('1 område');

    // The list: what the map shows, as text.
    const table = view.getByTestId('area-index-table');
    const row = (key: string) => table.locator(`tr[data-area="${key}"]`);
    expect(await table.locator('tbody tr').count()).toBe(6);
    expect(((await row('N02').textContent()) ?? '').replace(/\s+/g, ' ')).toMatch(/Fisksätra.*3,1.*2023: 4,3.*−1,2.*Klart bättre/);
    expect(await row('N06').textContent()).toContain('ingen jämförelse');

    // The map draws all six areas, each with its class.
    await waitForIdle(page);
    await expect.poll(() => renderedAreas(page)).toEqual([
      { key: 'N01', classKey: 'better' },
      { key: 'N02', classKey: 'much-better' },
      { key: 'N03', classKey: 'unchanged' },
      { key: 'N04', classKey: 'much-worse' },
      { key: 'N05', classKey: 'worse' },
      { key: 'N06', classKey: 'no-data' },
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'area-index-change');
    // Tall enough to show the whole view: reports, choices, legend and list.
    await page.setViewportSize({ width: 1280, height: 1500 });
    await waitForIdle(page);
    await screenshot(page, 'area-index-change-tall');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Level for another question and year; sorting the list by index, worst first.
    await view.getByLabel('Fråga', { exact: true }).selectOption('Narkotikaförsäljning');
    await view.getByLabel('År', { exact: true }).selectOption('2023');
    await view.getByRole('radio', { name: /Nivå/ }).check();
    expect(await legend.textContent()).toContain('Problemindex 2023, Narkotikaförsäljning');
    await expect.poll(() => renderedAreas(page)).toContainEqual({ key: 'N02', classKey: 'level-3' });
    await table.getByRole('button', { name: 'Sortera efter Index 2023' }).click();
    expect(await table.locator('tbody tr').first().getAttribute('data-area')).toBe('N02');
    await table.getByRole('button', { name: 'Orminge' }).click();
    await expect.poll(() => table.locator('tr.selected').getAttribute('data-area')).toBe('N04');
    await waitForIdle(page);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'area-index-level');

    // Kept for the session when switching tabs; gone from the map when the tab closes.
    await page.getByRole('tab', { name: 'Platser' }).click();
    await expect.poll(() => renderedAreas(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Områdesindex' }).click();
    await expect.poll(() => view.getByTestId('area-index-table').locator('tbody tr').count()).toBe(6);

    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('works in English at 375×812', async () => {
    const { page, context } = await openApp(browser(), { width: 375, height: 812 });
    await page.goto(`${page.url().split('?')[0]}?sprak=en&flik=omradesindex`);
    await waitForMap(page);
    const view = page.getByTestId('area-index-view');
    await view.getByLabel(/^Results \(CSV/).setInputFiles(`${FIXTURES}/syntetiskt_omradesindex_nacka.csv`);
    await view.getByLabel(/^Areas \(GeoJSON/).setInputFiles(`${FIXTURES}/syntetiska_omraden_nacka_sweref99tm.geojson`);
    await expect.poll(() => view.getByTestId('area-match-report').textContent()).toContain('the area is not among the polygons');
    expect(await view.getByTestId('area-index-legend').textContent()).toContain('Much worse: +1 or higher');
    await waitForIdle(page);
    await expect.poll(async () => (await renderedAreas(page)).length).toBe(6);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);
    await view.getByTestId('area-index-legend').scrollIntoViewIfNeeded();
    await screenshot(page, 'area-index-phone-en');
    await context.close();
  });
});
