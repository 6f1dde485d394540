import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shippedDataset } from '../../src/data/shipped';
import { indexDataset } from '../../src/domain/dataset';
import { buildFeatureRows } from '../../src/domain/featureRows';
import { EMPTY_FILTER, filterRows } from '../../src/domain/filters';
import { compareSwedish } from '../../src/ui/PlacesTable';
import { useBrowser, openApp, renderedIds, screenshot, tableRowIds, waitForIdle, waitForMap } from './harness';
import { axeViolations } from './axe';

const browser = useBrowser();

if (!shippedDataset.ok) throw new Error('invalid dataset');
const dataset = shippedDataset.value;
const rows = buildFeatureRows(indexDataset(dataset));
const total = rows.length;

const columnTexts = (page: Page, index: number) =>
  page.locator(`.places-table tbody tr > :nth-child(${index})`).evaluateAll((cells) => cells.map((c) => c.textContent ?? ''));
const facet = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true });

describe('the table beside the map', () => {
  it('sorts with Swedish collation, hides columns, and lists every place', async () => {
    const { page, context } = await openApp(browser());
    expect(await tableRowIds(page)).toHaveLength(total);
    const names = await columnTexts(page, 1);
    expect(names).toEqual([...names].sort(compareSwedish));

    await page.getByRole('button', { name: 'Fokusområde', exact: true }).click();
    const ascending = await columnTexts(page, 5);
    expect(ascending).toEqual([...ascending].sort(compareSwedish));
    expect(ascending.at(-1)).toBe('Ökad trygghet och synlighet');
    expect(await page.getByRole('columnheader', { name: /Fokusområde/ }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Fokusområde', exact: true }).click();
    expect((await columnTexts(page, 5))[0]).toBe('Ökad trygghet och synlighet');

    await page.locator('.column-menu summary').click();
    await page.getByRole('checkbox', { name: 'Ursprung' }).uncheck();
    expect(await page.getByRole('columnheader', { name: 'Ursprung' }).count()).toBe(0);
    await context.close();
  });

  it('lists promises → focus areas → activities, saying which have no place yet', async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('tab', { name: 'Löften och aktiviteter' }).click();
    const tree = page.getByRole('region', { name: 'Löften, fokusområden och aktiviteter' });
    await tree.waitFor();
    const text = (await tree.textContent()) ?? '';
    expect(text).toContain('Krogkontroller');
    expect(text).toContain('Ingen plats på kartan ännu');
    expect(text).toContain('Känslig verksamhet – visas aldrig på kartan');
    expect(await tree.locator('.tree-area > ul > li').count()).toBe(dataset.activities.length);
    expect(await axeViolations(page)).toEqual([]);
    await tree.getByRole('button', { name: /Visa platserna: Trygghetsvärdar i Fisksätra och Orminge/ }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('2 platser för löftet är markerade på kartan.');
    await context.close();
  });
});

describe('one filter state for map and table', () => {
  it('applies a filter while a place is open (the table once re-rendered for ever and the filter never took)', async () => {
    const { page, context } = await openApp(browser());
    await page.locator('.row-button', { hasText: 'Nacka Forum (exempel)' }).click();
    await page.getByTestId('feature-panel').waitFor();
    await facet(page, 'Kommun').getByRole('checkbox', { name: /Ekerö/ }).check();
    await expect.poll(async () => (await tableRowIds(page)).length).toBe(rows.filter((r) => r.municipalityCode === '0125').length);
    await context.close();
  });

  it('filters map and table identically, counts per value, and clears in one action', async () => {
    const { page, context } = await openApp(browser());
    const municipalities = facet(page, 'Kommun');
    expect(await municipalities.getByText('Nordmaling').locator('..').textContent()).toBe(
      `Nordmaling${rows.filter((r) => r.municipalityCode === '2401').length}`,
    );
    await municipalities.getByRole('checkbox', { name: /Nordmaling/ }).check();
    await page.getByLabel('Gå till kommun').selectOption('2401');
    await waitForIdle(page);
    const expected = filterRows(rows, { ...EMPTY_FILTER, municipality: ['2401'] }, null).map((r) => r.id).sort();
    await expect.poll(() => tableRowIds(page).then((ids) => [...ids].sort())).toEqual(expected);
    expect(await renderedIds(page)).toEqual(expected);
    expect(await page.getByText(`${expected.length} av ${total} platser visas`).count()).toBe(1);

    await page.getByLabel('Sök').fill('grannsamverkan');
    await waitForIdle(page);
    const both = filterRows(rows, { ...EMPTY_FILTER, municipality: ['2401'], text: 'grannsamverkan' }, null).map((r) => r.id).sort();
    expect(both.length).toBeGreaterThan(0);
    await expect.poll(() => tableRowIds(page).then((ids) => [...ids].sort())).toEqual(both);
    expect(await renderedIds(page)).toEqual(both);
    await screenshot(page, 'explore-filtered');

    await page.getByRole('button', { name: 'Rensa alla filter' }).click();
    await expect.poll(() => tableRowIds(page).then((ids) => ids.length)).toBe(total);
    expect(await page.getByLabel('Sök').inputValue()).toBe('');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Alla filter är borttagna.');
    await context.close();
  });

  it('shows only what is in view when asked', async () => {
    const { page, context } = await openApp(browser());
    await page.getByLabel('Gå till kommun').selectOption('0120');
    await waitForIdle(page);
    await page.getByRole('checkbox', { name: 'Bara det som syns på kartan' }).check();
    await expect.poll(() => tableRowIds(page).then((ids) => ids.length)).toBeLessThan(total);
    const inTable = await tableRowIds(page);
    expect(inTable).toContain('varmdo-2017-f-gustavsbergs-centrum');
    const onMap = await renderedIds(page);
    expect(inTable).toEqual(expect.arrayContaining(onMap));
    expect(inTable.some((id) => id.startsWith('nordmaling'))).toBe(false);
    await context.close();
  });
});

describe('two-way sync between table and map', () => {
  it('hovering and selecting a row highlights and fits the map, and hovering the map marks the row', async () => {
    const { page, context } = await openApp(browser());
    const id = 'nacka-2022-f-kummelberget';
    const row = page.locator(`#row-${id}`);
    await row.hover();
    await expect.poll(() => page.evaluate((f) => window.__trygghetskartan!.map.featureState(f), id)).toMatchObject({ hovered: true });

    await row.getByRole('button').click();
    await waitForIdle(page);
    expect(await page.evaluate((f) => window.__trygghetskartan!.map.featureState(f), id)).toMatchObject({ selected: true });
    expect(await renderedIds(page)).toContain(id);
    expect(await row.getAttribute('class')).toContain('selected');

    const other = 'nacka-2017-f-grannsamverkan-2';
    await page.getByLabel('Gå till kommun').selectOption('0182');
    await waitForIdle(page);
    const point = await page.evaluate((f) => window.__trygghetskartan!.map.screenPointOf(f), other);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.move(box.x + point!.x, box.y + point!.y);
    await expect.poll(() => page.locator(`#row-${other}`).getAttribute('class')).toContain('hovered');
    await context.close();
  });
});

describe('shareable state in the URL', () => {
  it('restores filters, selection and map view from a reload or a pasted link, and back/forward walk through them', async () => {
    const { page, context, baseUrl } = await openApp(browser());
    await facet(page, 'Kommun').getByRole('checkbox', { name: /Nacka/ }).check();
    await page.locator('.row-button', { hasText: 'Orminge centrum' }).click();
    await waitForIdle(page);
    await expect.poll(() => page.url()).toContain('vald=nacka-2022-f-orminge');
    const url = page.url();
    expect(url).toContain('kommun=0182');
    expect(url).toMatch(/karta=[\d.]+\/[\d.]+\/[\d.]+/);

    // Back undoes the selection, then the filter; forward brings the selection back.
    await page.goBack();
    await expect.poll(() => page.getByTestId('feature-panel').count()).toBe(0);
    expect(await facet(page, 'Kommun').getByRole('checkbox', { name: /Nacka/ }).isChecked()).toBe(true);
    await page.goBack();
    await expect.poll(() => facet(page, 'Kommun').getByRole('checkbox', { name: /Nacka/ }).isChecked()).toBe(false);
    await page.goForward();
    await page.goForward();
    await page.getByTestId('feature-panel').waitFor();

    // A pasted link in a fresh browser context opens the same view.
    const fresh = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const pasted = await fresh.newPage();
    await pasted.goto(url);
    await waitForMap(pasted);
    await pasted.getByTestId('feature-panel').waitFor();
    expect(await pasted.getByTestId('feature-panel').getByRole('heading', { level: 2 }).textContent()).toBe('Orminge centrum');
    expect(await facet(pasted, 'Kommun').getByRole('checkbox', { name: /Nacka/ }).isChecked()).toBe(true);
    const karta = (u: string) => new URL(u).searchParams.get('karta');
    await waitForIdle(pasted);
    expect(karta(pasted.url())).toBe(karta(url));
    expect(baseUrl).toBeTruthy();
    await fresh.close();
    await context.close();
  });
});

describe('languages', () => {
  it('switches every string, date and number to English', async () => {
    const { page, context } = await openApp(browser());
    await page.getByLabel('Språk').selectOption('en');
    await expect.poll(() => page.getByRole('button', { name: 'Clear all filters' }).count()).toBe(1);
    expect(await page.getByText(`${total} of ${total} places shown`).count()).toBe(1);
    expect((await columnTexts(page, 9)).join(' ')).toMatch(/January 2022/);
    await page.getByRole('tab', { name: 'Promises and activities' }).click();
    // The tree loads when its tab is first opened.
    await expect.poll(() => page.getByText('No place on the map yet').count()).toBeGreaterThan(0);
    await expect.poll(() => page.url()).toContain('sprak=en');
    // The map's credit switches too (MapLibre fixes it when its control is made).
    const credit = () => page.locator('.maplibregl-ctrl-attrib-inner').textContent();
    await expect.poll(credit).toContain('Promises: the municipalities of Nacka');
    // The offline basemap's credit too, and once: no Swedish left in it.
    expect(await credit()).toContain('Land and lakes: Made with Natural Earth');
    expect(await credit()).toContain('Place names: GeoNames');
    expect(await credit()).not.toMatch(/Land och sjöar|Ortnamn|Kommungränser/);
    expect((await credit())?.match(/Natural Earth/g)).toHaveLength(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Language').selectOption('sv');
    await expect.poll(credit).toContain('Löften: Nacka, Värmdö');
    expect(await credit()).toContain('Land och sjöar: Made with Natural Earth');
    expect(await credit()).not.toContain('Land and lakes');
    expect((await columnTexts(page, 9)).join(' ')).toBe('');
    await page.getByRole('tab', { name: 'Platser' }).click();
    expect((await columnTexts(page, 9)).join(' ')).toMatch(/januari 2022/);
    await context.close();
  });
});

describe('export of what is shown', () => {
  it('downloads the filtered rows as CSV for Swedish Excel and as GeoJSON', async () => {
    const { page, context } = await openApp(browser());
    await facet(page, 'Kommun').getByRole('checkbox', { name: /Ekerö/ }).check();
    const expected = rows.filter((r) => r.municipalityCode === '0125').length;

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera CSV' }).click()]);
    const csv = readFileSync((await csvDownload.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(expected + 1);
    expect(lines[0]).toMatch(/^id;Namn;Lager;Kommun;/);
    expect(lines.slice(1).every((l) => l.includes(';Ekerö;0125;'))).toBe(true);
    // The last column holds the imported file's own attributes (empty for shipped places).
    expect(lines[1]).toMatch(/;59,\d+;17,\d+;[^;]*$/);
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`${expected} platser exporterade som CSV.`);

    const [geoDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera GeoJSON' }).click()]);
    const collection = JSON.parse(readFileSync((await geoDownload.path())!, 'utf8')) as GeoJSON.FeatureCollection;
    expect(collection.features).toHaveLength(expected);
    await context.close();
  });
});

describe('accessibility and sizes', () => {
  it('has no axe violations with filters set and a place open, and works at 375×812 with the panel as a bottom sheet', async () => {
    const { page, context } = await openApp(browser());
    await facet(page, 'Status').getByRole('checkbox', { name: /Okänd/ }).check();
    await page.locator('.row-button').first().click();
    await page.getByTestId('feature-panel').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'desktop-1280x800');
    await context.close();

    const phone = await openApp(browser(), { width: 375, height: 812 });
    await phone.page.getByRole('button', { name: 'Visa filter' }).click();
    await phone.page.getByLabel('Sök').fill('centrum');
    await phone.page.getByRole('button', { name: 'Dölj filter' }).click();
    await phone.page.locator('.row-button').first().click();
    const panel = phone.page.getByTestId('feature-panel');
    await panel.waitFor();
    await expect.poll(() => phone.page.evaluate(() => document.activeElement?.id)).toBe('panel-heading');
    const box = (await panel.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(375);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await axeViolations(phone.page)).toEqual([]);
    await screenshot(phone.page, 'phone-375x812');
    await phone.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await phone.context.close();
  });
});
