import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shippedDataset } from '../../src/data/shipped';
import { LAYER_KINDS } from '../../src/domain/layers';
import { useBrowser, openApp, screenshot, tableRowIds, waitForIdle } from './harness';
import { axeViolations } from './axe';

const browser = useBrowser();

const dataset = shippedDataset.ok ? shippedDataset.value : null;


/** Zooms in on the place with the mouse wheel, as a user would to tell neighbours apart, then clicks it. */
async function clickFeature(page: Page, featureId: string) {
  const box = (await page.getByTestId('map').boundingBox())!;
  const pointOf = () => page.evaluate((id) => window.__trygghetskartan!.map.screenPointOf(id), featureId);
  const before = await pointOf();
  expect(before, featureId).not.toBeNull();
  await page.mouse.move(box.x + before!.x, box.y + before!.y);
  await page.mouse.wheel(0, -500);
  await waitForIdle(page);
  const point = (await pointOf())!;
  await page.mouse.click(box.x + point.x, box.y + point.y);
}

describe('clicking a place shows its whole chain', () => {
  it('shows activity, focus area and promise for Kummelbergets industriområde, then all places of the promise', async () => {
    const { page, context, foreignRequests } = await openApp(browser());
    await page.getByLabel('Gå till kommun').selectOption('0182');
    await waitForIdle(page);
    await clickFeature(page, 'nacka-2022-f-kummelberget');

    const panel = page.getByTestId('feature-panel');
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).textContent()).toBe('Kummelbergets industriområde');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('Platsen namnges i dokumentet');
    expect(text).toContain('Aktivitet: Platssamverkan i Industriområde');
    expect(text).toContain('Industriområden är generellt en brottsdrabbad plats.');
    expect(text).toContain('Fokusområde: Platssamverkan');
    expect(text).toContain('Löftet: Plan för samverkan Nacka kommun / polisen');
    expect(text).toContain('001_31426a8171599e31.txt');
    expect(text).toMatch(/Polisen/);
    expect(await page.locator('#row-nacka-2022-f-kummelberget').getAttribute('class')).toContain('selected');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'panel-kummelberget');

    expect(await page.evaluate(() => window.__trygghetskartan!.map.renderedHaloIds())).toEqual([]);
    await panel.getByRole('button', { name: 'Visa alla platser för detta löfte' }).click();
    const expected = dataset!.features
      .filter((f) => f.activityIds.some((id) => id.startsWith('nacka-2022-')))
      .map((f) => f.id)
      .sort();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`${expected.length} platser för löftet är markerade på kartan.`);
    await waitForIdle(page);
    const rendered = (
      await Promise.all(LAYER_KINDS.map((l) => page.evaluate((layer) => window.__trygghetskartan!.map.renderedFeatureIds(layer), l)))
    ).flat();
    expect(rendered).toEqual(expect.arrayContaining(expected));
    // The halo marks the promise's places and no other place (none had one before).
    const halos = await page.evaluate(() => window.__trygghetskartan!.map.renderedHaloIds());
    expect(halos.length).toBeGreaterThan(0);
    expect(expected).toEqual(expect.arrayContaining(halos));
    await screenshot(page, 'promise-highlighted');
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('clicking empty map closes the panel', async () => {
    const { page, context } = await openApp(browser());
    await page.getByLabel('Gå till kommun').selectOption('0120');
    await waitForIdle(page);
    await clickFeature(page, 'varmdo-2017-f-gustavsbergs-centrum');
    await page.getByTestId('feature-panel').waitFor();
    const box = (await page.getByTestId('map').boundingBox())!;
    // Top right, left of the zoom buttons: empty map (the legend and the keyboard list sit on the left).
    await page.mouse.click(box.x + box.width - 90, box.y + 60);
    await page.getByTestId('feature-panel').waitFor({ state: 'detached' });
    await context.close();
  });
});

describe('keyboard', () => {
  it('opens a place from the list, moves focus into the panel, and back on Escape', async () => {
    const { page, context } = await openApp(browser());
    const listButton = page.locator('.row-button', { hasText: 'Gustavsbergs Centrum' });
    await listButton.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('feature-panel');
    await panel.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('panel-heading');
    expect(await panel.textContent()).toContain('Situations- och platsanpassade insatser');

    // Every control in the panel is reachable with Tab.
    const reached: string[] = [];
    while (reached.length < 25 && reached.at(-1) !== 'Visa alla platser för detta löfte') {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.textContent ?? ''));
    }
    expect(reached.filter(Boolean)).toEqual([
      '×',
      'Redigera uppgifter',
      'Ändra formen på kartan',
      'Ta bort',
      'Platsens historik i den här webbläsaren',
      // The follow-up of the place's activity: new status (a select: its text is its options), then
      // date and note (no text of their own: left out above), then add.
      'PlaneradPågårGenomfördOkänd (anges inte i dokumentet)',
      'Lägg till i tidslinjen',
      'Aktivitetens historik i den här webbläsaren',
      'Dokumentets historik i den här webbläsaren',
      'Visa alla platser för detta löfte',
    ]);

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Gustavsbergs Centrum');
    await context.close();
  });
});

describe('layers and language', () => {
  it('hides a layer from map and table with its toggle, and switches to English', async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('checkbox', { name: /Otrygga platser/ }).uncheck();
    await waitForIdle(page);
    expect(await page.evaluate(() => window.__trygghetskartan!.map.renderedFeatureIds('unsafe-place'))).toEqual([]);
    const unsafe = dataset!.features.filter((f) => f.layer === 'unsafe-place').map((f) => f.id);
    await expect.poll(() => tableRowIds(page).then((ids) => ids.length)).toBe(dataset!.features.length - unsafe.length);
    const rows = await tableRowIds(page);
    expect(rows.filter((id) => unsafe.includes(id))).toEqual([]);

    await page.getByLabel('Språk').selectOption('en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('checkbox', { name: /Speed controls/ }).isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
