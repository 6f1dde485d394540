import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mapZoom, openApp, placeInView, renderedIds, screenshot, tableRowIds, useBrowser, waitForIdle, waitForMap } from './harness';
import { mercatorX, mercatorY, tileHolds } from '../../src/map/pointTiles/tileGrid';

const browser = useBrowser();

const rowNames = (page: Page) => page.locator('.row-button').allTextContents();

async function storedFeature(page: Page, name: string) {
  return page.evaluate(
    (wanted) =>
      new Promise<unknown>((resolve, reject) => {
        const request = indexedDB.open('trygghetskartan');
        request.onsuccess = () => {
          const all = request.result.transaction('features').objectStore('features').getAll();
          all.onsuccess = () => {
            request.result.close();
            resolve((all.result as { name: string }[]).find((f) => f.name === wanted) ?? null);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    name,
  ) as Promise<{ id: string; geometry: { type: string; coordinates: unknown }; activityIds: string[]; municipalityCode: string; details: Record<string, unknown> } | null>;
}

describe('a planner adds, edits, reshapes and deletes places', () => {
  it('adds a point by typing coordinates, with validation messages, and undo/redo survive a reload', async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('button', { name: 'Ny plats' }).click();
    const chooser = page.getByTestId('new-place');
    await chooser.getByLabel('Lager').selectOption('unsafe-place');
    await chooser.getByRole('button', { name: 'Ange koordinater' }).click();

    const form = page.getByTestId('feature-form');
    await form.waitFor();
    await form.getByRole('button', { name: 'Spara' }).click();
    const summary = form.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('Ange ett namn.');
    expect(await summary.textContent()).toContain('Välj minst en aktivitet');

    await form.getByLabel('Namn').fill('Gångtunneln <b>vid</b> skolan');
    await form.getByLabel('Longitud (WGS 84)').fill('18,2501');
    await form.getByLabel('Latitud (WGS 84)').fill('59.2952');
    await form.getByPlaceholder('Sök aktivitet').fill('störst otrygghet');
    const picker = form.getByRole('group', { name: /Hör till aktiviteter/ });
    expect(await picker.getByText('Äldre Brå').count()).toBe(0);
    await picker.getByRole('checkbox').first().check();
    await form.getByLabel('År').fill('tjugo');
    await form.getByRole('checkbox', { name: 'kväll' }).check();
    await form.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => summary.textContent()).toContain('Ange ett heltal.');
    expect(await form.getByLabel('År').getAttribute('aria-invalid')).toBe('true');
    const axe = await new AxeBuilder({ page }).include('[data-testid="feature-form"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await screenshot(page, 'form-errors');

    await form.getByLabel('År').fill('2024');
    await form.getByRole('button', { name: 'Spara' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => rowNames(page)).toContain('Gångtunneln <b>vid</b> skolan');
    const stored = await storedFeature(page, 'Gångtunneln <b>vid</b> skolan');
    expect(stored).toMatchObject({ geometry: { type: 'Point', coordinates: [18.2501, 59.2952] }, municipalityCode: '0182' });
    expect(stored!.details).toMatchObject({ year: 2024, timeOfDay: ['kvall'] });
    // The map goes to the saved place: zoomed in from all of Sweden, the place in view.
    await expect.poll(() => mapZoom(page), { timeout: 10_000 }).toBeGreaterThan(10);
    await expect.poll(() => placeInView(page, stored!.id)).toBe(true);
    // Imported or typed text is shown as text, never as markup.
    expect(await page.locator('.places-table b').count()).toBe(0);
    // Without a team server the history is this browser's own.
    await page.locator('.row-button', { hasText: 'Gångtunneln <b>vid</b> skolan' }).click();
    const history = page.getByTestId('history-features');
    await history.getByText('Platsens historik i den här webbläsaren').click();
    await expect.poll(() => history.locator('li').allTextContents()).toEqual([expect.stringContaining('i den här webbläsaren: skapade')]);

    await page.reload();
    await waitForMap(page);
    await expect.poll(() => rowNames(page)).toContain('Gångtunneln <b>vid</b> skolan');
    const undoButton = page.getByRole('button', { name: /^Ångra: lägg till Gångtunneln/ });
    await undoButton.click();
    await expect.poll(() => rowNames(page)).not.toContain('Gångtunneln <b>vid</b> skolan');
    await page.getByRole('button', { name: /^Gör om: lägg till Gångtunneln/ }).click();
    await expect.poll(() => rowNames(page)).toContain('Gångtunneln <b>vid</b> skolan');
    await context.close();
  });

  it('draws an area on the map with the mouse and saves it as a grannsamverkan area', async () => {
    const { page, context } = await openApp(browser());
    await page.getByLabel('Gå till kommun').selectOption('2401');
    await waitForIdle(page);
    await page.getByRole('button', { name: 'Ny plats' }).click();
    const chooser = page.getByTestId('new-place');
    await chooser.getByLabel('Lager').selectOption('watch-area');
    await chooser.getByRole('button', { name: 'Rita på kartan' }).click();
    await expect.poll(() => page.locator('.draw-banner').textContent()).toContain('Klicka för varje hörn');

    const box = (await page.getByTestId('map').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const corners = [
      [cx - 40, cy - 30],
      [cx + 40, cy - 30],
      [cx + 40, cy + 30],
      [cx - 40, cy + 30],
      [cx - 40, cy - 30],
    ];
    for (const [x, y] of corners) {
      await page.mouse.move(x!, y!);
      await page.mouse.click(x!, y!);
      await page.waitForTimeout(150);
    }
    const form = page.getByTestId('feature-form');
    await form.waitFor();
    await form.getByLabel('Namn').fill('Grannsamverkan Kyrkbacken');
    await form.getByPlaceholder('Sök aktivitet').fill('grannsamverkansgrupper');
    await form.getByRole('group', { name: /Hör till aktiviteter/ }).getByRole('checkbox').first().check();
    await form.getByLabel('Hushåll').fill('34');
    await form.getByRole('button', { name: 'Spara' }).click();
    await form.waitFor({ state: 'detached' });
    const stored = await storedFeature(page, 'Grannsamverkan Kyrkbacken');
    expect(stored?.geometry.type).toBe('Polygon');
    expect((stored!.geometry.coordinates as number[][][])[0]!.length).toBe(5);
    expect(stored).toMatchObject({ municipalityCode: '2401', details: { households: 34 } });
    await waitForIdle(page);
    expect(await renderedIds(page)).toContain(stored!.id);
    await screenshot(page, 'drawn-area');
    await context.close();
  });

  it('moves a point by dragging it, deletes a place, and undoes with Ctrl+Z', async () => {
    const { page, context } = await openApp(browser());
    const id = 'nacka-2017-f-otrygg-fisksatra-station';
    await page.locator(`#row-${id} .row-button`).click();
    await waitForIdle(page);
    const before = (await storedFeature(page, 'Fisksätra station (exempel)'))!.geometry.coordinates as number[];

    await page.getByRole('button', { name: 'Ändra formen på kartan' }).click();
    await expect.poll(() => page.locator('.draw-banner').textContent()).toContain('Dra i formen');
    // The drawing tool loads on first use and the map may still be settling: drag only once both are still
    // (on a loaded 2-core CI machine the drag otherwise now and then lands before the tool listens).
    await waitForIdle(page);
    await page.waitForTimeout(300);
    const point = (await page.evaluate((f) => window.__trygghetskartan!.map.screenPointOf(f), id))!;
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.move(box.x + point.x, box.y + point.y);
    await page.mouse.down();
    await page.mouse.move(box.x + point.x + 30, box.y + point.y + 10, { steps: 8 });
    await page.mouse.up();
    const updates = () => page.evaluate(() => window.__trygghetskartan!.map.sourceUpdates());
    const beforeSave = (await updates()).length;
    await page.getByRole('button', { name: 'Spara formen' }).click();
    await expect.poll(async () => ((await storedFeature(page, 'Fisksätra station (exempel)'))!.geometry.coordinates as number[])[0]).toBeGreaterThan(before[0]!);
    // The store commits before the map hears of it: count from after the saved shape's own update.
    await expect.poll(async () => (await updates()).length).toBeGreaterThan(beforeSave);
    await waitForIdle(page);

    // Each edit reaches MapLibre as an updateData of the one place it touched, never a setData of a layer.
    const sent = (await updates()).length;
    const reloads = () => page.evaluate(() => window.__trygghetskartan!.map.pointTileReloads());
    const reloadsBefore = await reloads();
    const [lon, lat] = (await storedFeature(page, 'Fisksätra station (exempel)'))!.geometry.coordinates as [number, number];
    await page.getByRole('button', { name: 'Ta bort' }).click();
    await expect.poll(() => tableRowIds(page)).not.toContain(id);
    // The survey places are cut into tiles by our own worker: a delete reaches them as a change at the
    // place's position, which reloads the loaded tiles holding it, never as a reload of every tile.
    await expect.poll(async () => (await reloads()).tiles.length).toBeGreaterThan(reloadsBefore.tiles.length);
    await waitForIdle(page);
    const after = await reloads();
    expect(after.full).toBe(reloadsBefore.full);
    expect(after.tiles.slice(reloadsBefore.tiles.length).filter(({ z, x, y }) => !tileHolds(z, x, y, mercatorX(lon), mercatorY(lat)))).toEqual([]);
    expect(await page.evaluate(() => window.__trygghetskartan!.map.renderedFeatureIds('unsafe-place'))).not.toContain(id);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => tableRowIds(page)).toContain(id);
    await expect.poll(async () => (await updates()).slice(sent)).toEqual([
      { layer: 'unsafe-place', kind: 'updateData', ids: [id] },
      { layer: 'unsafe-place', kind: 'updateData', ids: [id] },
    ]);
    await waitForIdle(page);
    expect(await page.evaluate(() => window.__trygghetskartan!.map.renderedFeatureIds('unsafe-place'))).toContain(id);
    await context.close();
  });

  it('shows an edit made in one tab in another tab at once', async () => {
    const first = await openApp(browser());
    const second = await first.context.newPage();
    await second.goto(first.baseUrl);
    await waitForMap(second);
    expect(await second.locator('.row-button').allTextContents()).toContain('Ekerö centrum (exempel)');
    await first.page.locator('#row-ekero-2020-f-ekero-centrum .row-button').click();
    await first.page.getByRole('button', { name: 'Ta bort' }).click();
    await expect.poll(() => second.locator('.row-button').allTextContents(), { timeout: 10_000 }).not.toContain('Ekerö centrum (exempel)');
    await first.context.close();
  });

  it('treats two tabs as two users: a save or an undo on a record the other tab changed is a conflict, shown side by side', async () => {
    const first = await openApp(browser());
    const second = await first.context.newPage();
    await second.goto(first.baseUrl);
    await waitForMap(second);
    const a = first.page;
    const row = (page: Page, name: string) => page.locator('.row-button', { hasText: name }).first();

    // A opens the form; B renames the place meanwhile; A's save would silently revert B's rename.
    await row(a, 'Fisksätra station (exempel)').click();
    await a.getByRole('button', { name: 'Redigera uppgifter' }).click();
    const formA = a.getByTestId('feature-form');
    await formA.getByRole('textbox', { name: 'År' }).fill('2025');
    await row(second, 'Fisksätra station (exempel)').click();
    await second.getByRole('button', { name: 'Redigera uppgifter' }).click();
    await second.getByTestId('feature-form').getByLabel('Namn').fill('Fisksätra station, flik B');
    await second.getByTestId('feature-form').getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => rowNames(a), { timeout: 10_000 }).toContain('Fisksätra station, flik B');
    await formA.getByRole('button', { name: 'Spara' }).click();

    const dialog = a.getByTestId('stale-conflict');
    await dialog.waitFor();
    const text = await dialog.textContent();
    // Field names in words, mine and theirs side by side.
    expect(text).toContain('Namn');
    expect(text).toContain('Fisksätra station, flik B');
    expect(text).toContain('År');
    expect(text).toContain('2025');
    const axe = await new AxeBuilder({ page: a }).include('[data-testid="stale-conflict"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await screenshot(a, 'two-tabs-conflict');
    expect((await storedFeature(a, 'Fisksätra station, flik B'))!.details.year).not.toBe(2025);
    // Different fields changed: both can be kept, B's name and A's year.
    expect(text).toContain('Ni ändrade olika uppgifter');
    await dialog.getByRole('button', { name: 'Spara båda ändringarna' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await storedFeature(a, 'Fisksätra station, flik B'))?.details.year).toBe(2025);
    expect(await storedFeature(a, 'Fisksätra station (exempel)')).toBeNull();

    // A place deleted in B does not come back when A saves a form opened before.
    await row(a, 'Ekerö centrum (exempel)').click();
    await a.getByRole('button', { name: 'Redigera uppgifter' }).click();
    await row(second, 'Ekerö centrum (exempel)').click();
    await second.getByRole('button', { name: 'Ta bort' }).click();
    await expect.poll(() => rowNames(a), { timeout: 10_000 }).not.toContain('Ekerö centrum (exempel)');
    await a.getByTestId('feature-form').getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('(borttagen)');
    expect(await dialog.getByRole('button', { name: 'Spara båda ändringarna' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Behåll deras version' }).click();
    expect(await storedFeature(a, 'Ekerö centrum (exempel)')).toBeNull();

    await a.close();
    await first.context.close();
  });
});
