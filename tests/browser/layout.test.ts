import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { openApp, screenshot, useBrowser, waitForIdle } from './harness';

const browser = useBrowser();

const area = (box: { width: number; height: number } | null) => (box ? box.width * box.height : 0);
/** The visible part of an element inside the window (a phone's page scrolls: what is on the first screen counts). */
async function visibleArea(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el || (el as HTMLElement).hidden) return 0;
    const r = el.getBoundingClientRect();
    const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
    const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    return w * h;
  }, selector);
}
/** Whether the list's tools stand on the tabs' row rather than wrapped under it. */
async function toolsBesideTabs(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const tabs = document.querySelector('.tabs-bar [role="tablist"]')!.getBoundingClientRect();
    const tools = document.querySelector('.tabs-bar .export-buttons')!.getBoundingClientRect();
    return tools.top < tabs.bottom && tools.left >= tabs.right;
  });
}
const PARTS = ['.app-header', '.sidebar', '.edit-toolbar', '.data-views', '.panel'];

describe('map first', () => {
  for (const viewport of [
    { width: 375, height: 812 },
    { width: 768, height: 1024 },
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    it(`gives the map the largest part of the first screen at ${viewport.width}×${viewport.height}, without sideways scrolling`, async () => {
      const { page, context } = await openApp(browser(), viewport);
      await waitForIdle(page);
      const map = await visibleArea(page, '.map-area');
      for (const part of PARTS) expect(map, part).toBeGreaterThan(await visibleArea(page, part));
      expect(map / (viewport.width * viewport.height)).toBeGreaterThan(0.4);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      // The legend sits on the map, whole (its names are not cut at an edge).
      const legend = page.getByTestId('map-legend');
      if (viewport.width > 760) {
        const names = await legend.locator('li').allTextContents();
        expect(names.join(' ')).toContain('Trygghetsvandringar');
        const inner = await legend.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
        expect(inner).toBe(true);
      }
      // From 1280 px on, the tabs and the list's tools (hide, export) share one row, filters open.
      if (viewport.width >= 1280) expect(await toolsBesideTabs(page)).toBe(true);
      await screenshot(page, `layout-${viewport.width}x${viewport.height}`);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('folds and resizes the filters and the list, by mouse and by keyboard, and keeps the choice after a reload', async () => {
    const { page, context } = await openApp(browser());
    const before = area(await page.locator('.map-area').boundingBox());
    await page.getByRole('button', { name: 'Dölj filter' }).click();
    await expect.poll(() => page.locator('#filters-body').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Dölj listan' }).click();
    await expect.poll(async () => area(await page.locator('.map-area').boundingBox())).toBeGreaterThan(before * 1.5);
    await screenshot(page, 'layout-folded-1280x800');
    expect(await axeViolations(page)).toEqual([]);

    // A tab brings the list back; the splitter then resizes it from the keyboard.
    await page.getByRole('tab', { name: 'Platser' }).click();
    await expect.poll(() => page.locator('.places-table').isVisible()).toBe(true);
    const list = page.getByRole('separator', { name: 'Listans höjd' });
    const height = Number(await list.getAttribute('aria-valuenow'));
    await list.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => Number(await list.getAttribute('aria-valuenow'))).toBe(height + 48);
    const box = (await page.locator('.data-views').boundingBox())!;
    expect(Math.round(box.height)).toBe(height + 48);

    // Dragging the bar with the mouse moves it as far as the pointer went.
    const bar = (await list.boundingBox())!;
    await page.mouse.move(bar.x + bar.width / 2, bar.y + 2);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width / 2, bar.y + 2 + 60, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Number(await list.getAttribute('aria-valuenow'))).toBe(height + 48 - 60);

    await page.getByRole('button', { name: 'Visa filter' }).click();
    const filters = page.getByRole('separator', { name: 'Filterpanelens bredd' });
    await filters.focus();
    await page.keyboard.press('End');
    await expect.poll(async () => Math.round((await page.locator('.sidebar').boundingBox())!.width)).toBe(Number(await filters.getAttribute('aria-valuemax')));

    await page.reload();
    await page.locator('.app[data-ready="true"]').waitFor();
    expect(Number(await page.getByRole('separator', { name: 'Listans höjd' }).getAttribute('aria-valuenow'))).toBe(height + 48 - 60);
    await context.close();
  });
});

describe('every layer explained', () => {
  it('names each layer on the map, explains the hexagon classes and numbers of a view, and names a place on hover', async () => {
    const { page, context } = await openApp(browser());
    const legend = page.getByTestId('map-legend');
    for (const name of ['Otrygga platser', 'Trygghetsvandringar', 'Hastighetskontroller', 'Grannsamverkan', 'Fokusplatser']) await expect.poll(() => legend.textContent()).toContain(name);

    // Unchecking a layer takes it out of the legend too.
    await page.getByRole('group', { name: 'Kartlager' }).getByRole('checkbox', { name: /Fokusplatser/ }).uncheck();
    await expect.poll(() => legend.locator('li[data-layer="focus-place"]').count()).toBe(0);
    await page.getByRole('group', { name: 'Kartlager' }).getByRole('checkbox', { name: /Fokusplatser/ }).check();

    await page.getByRole('tab', { name: 'Planera' }).click();
    const hexagons = page.getByTestId('legend-hexagons');
    await hexagons.waitFor();
    expect(await hexagons.textContent()).toContain('Otrygga platser per hexagon');
    const ranges = await hexagons.locator('li').allTextContents();
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges[0]).toMatch(/^1(–\d+)?$/);
    await screenshot(page, 'legend-planner-1280x800');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Patrullera' }).click();
    await expect.poll(() => page.getByTestId('legend-numbered').textContent()).toContain('ordningen i patrullistan');
    const stops = await page.locator('.number-marker').count();
    expect(stops).toBeGreaterThan(0);
    expect(await page.getByTestId('legend-numbered').textContent()).toBe(`1Siffra: ordningen i patrullistan (${stops} ${stops === 1 ? 'plats' : 'platser'})`);
    await screenshot(page, 'legend-patrol-1280x800');
    await page.getByRole('tab', { name: 'Platser' }).click();

    // Hover: the place's name by it on the map.
    await page.getByLabel('Gå till kommun').selectOption('0182');
    await waitForIdle(page);
    const id = await page.evaluate(() => window.__trygghetskartan!.map.renderedFeatureIds('unsafe-place')[0]!);
    const point = (await page.evaluate((f) => window.__trygghetskartan!.map.screenPointOf(f), id))!;
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.move(box.x + point.x, box.y + point.y);
    const tooltip = page.locator('.map-tooltip');
    await tooltip.waitFor();
    const name = await page.locator(`#row-${id} .row-button`).textContent();
    expect(await tooltip.textContent()).toBe(`${name} · Otrygg plats`);
    await screenshot(page, 'tooltip-1280x800');
    await page.mouse.move(box.x + 5, box.y + box.height - 5);
    await tooltip.waitFor({ state: 'detached' });
    await context.close();
  });

  it('folds the legend on a phone and opens it on request', async () => {
    const { page, context } = await openApp(browser(), { width: 375, height: 812 });
    const legend = page.getByTestId('map-legend');
    expect(await legend.getAttribute('open')).toBeNull();
    await legend.locator('summary').click();
    await expect.poll(() => legend.locator('li').count()).toBe(5);
    await screenshot(page, 'legend-375x812');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('without a mouse', () => {
  it('skips to the map, shows the focus ring, moves between places with the arrow keys and opens one with Enter', async () => {
    const { page, context } = await openApp(browser());
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hoppa till kartan' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await skip.boundingBox())!.x).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(ring).toBe('solid');

    // A few stops on (past the zoom buttons and the credit) is the list of the map's places.
    const list = page.getByRole('listbox', { name: 'Platser på kartan' });
    for (let i = 0; i < 6 && !(await list.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await list.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => list.getAttribute('aria-activedescendant')).toBeTruthy();
    const optionId = (await list.getAttribute('aria-activedescendant'))!;
    const option = page.locator(`[id="${optionId}"]`);
    const first = (await option.textContent())!;
    expect(first).toMatch(/, (Otrygg plats|Trygghetsvandring|Hastighetskontroll|Grannsamverkan|Fokusplats)$/);
    await expect.poll(() => page.locator('.map-tooltip').textContent()).toBe(first.replace(/, ([^,]+)$/, ' · $1'));
    await expect.poll(() => page.locator('.map-keys [aria-live]').textContent()).toContain(first.split(', ')[0]!);
    await screenshot(page, 'keyboard-1280x800');
    expect(await axeViolations(page)).toEqual([]);

    // Another arrow goes to another place; Enter opens the one that is active.
    const keys = ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'];
    let moved = false;
    for (const key of keys) {
      await page.keyboard.press(key);
      if ((await list.getAttribute('aria-activedescendant')) !== optionId) {
        moved = true;
        break;
      }
    }
    expect(moved).toBe(true);
    const chosen = (await page.locator(`[id="${(await list.getAttribute('aria-activedescendant'))!}"]`).textContent())!.split(', ')[0]!;
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('feature-panel');
    await panel.waitFor();
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe(chosen);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    // Focus comes back to where the keyboard was.
    await expect.poll(() => list.evaluate((el) => el === document.activeElement)).toBe(true);
    await context.close();
  });

  it('skips to the list', async () => {
    const { page, context } = await openApp(browser(), { width: 375, height: 812 });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till listan');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tabpanel');
    await context.close();
  });
});

describe('one language at a time', () => {
  it('gives the layout, the legend and the keyboard list in English after a switch', async () => {
    const { page, context } = await openApp(browser());
    await page.getByLabel('Språk').selectOption('en');
    await expect.poll(() => page.getByTestId('map-legend').locator('summary').textContent()).toBe('Legend');
    expect(await page.getByTestId('map-legend').textContent()).toContain('Safety walks');
    await page.getByRole('button', { name: 'Hide the list' }).waitFor();
    await page.getByRole('button', { name: 'Hide filters' }).waitFor();
    expect(await page.getByRole('link', { name: 'Skip to the map' }).count()).toBe(1);
    const list = page.getByRole('listbox', { name: 'Places on the map' });
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('.map-keys [aria-live]').textContent()).toMatch(/\d+ of \d+ in view/);
    expect(await page.getByRole('separator', { name: 'Height of the list' }).count()).toBe(1);
    expect(await toolsBesideTabs(page)).toBe(true);
    // The credit, made anew in English, stays folded to its (i) button over the map, as on load.
    await expect.poll(() => page.locator('.maplibregl-ctrl-attrib').count()).toBe(1);
    expect(await page.locator('.maplibregl-ctrl-attrib.maplibregl-compact-show').count()).toBe(0);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('Land and lakes');
    await screenshot(page, 'layout-english-1280x800');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
