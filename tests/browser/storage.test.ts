import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shippedDataset } from '../../src/data/shipped';
import { useBrowser, openApp, screenshot, waitForMap } from './harness';

const browser = useBrowser();

const total = shippedDataset.ok ? shippedDataset.value.features.length : 0;
const listButtons = (page: Page) => page.locator('.row-button');

/** Changes a stored place behind the app's back, as another tab, an older session or an extension might: deletes it, or damages its geometry. */
function changeStoredFeature(page: Page, id: string, change: 'delete' | 'damage') {
  return page.evaluate(
    ([featureId, how]) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('trygghetskartan');
        request.onsuccess = () => {
          const tx = request.result.transaction('features', 'readwrite');
          const store = tx.objectStore('features');
          if (how === 'delete') store.delete(featureId);
          else store.get(featureId).onsuccess = (event) => store.put({ ...(event.target as IDBRequest).result, geometry: { type: 'Point', coordinates: ['x', 'y'] } });
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        request.onerror = () => reject(request.error);
      }),
    [id, change] as const,
  );
}

/** The stamp of the start-up snapshot in IndexedDB (startupSnapshot.ts), or null while there is none. */
function snapshotStamp(page: Page) {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const request = indexedDB.open('trygghetskartan');
        request.onsuccess = () => {
          const get = request.result.transaction('snapshot').objectStore('snapshot').get('records');
          get.onsuccess = () => {
            request.result.close();
            resolve((get.result as { stamp?: string } | undefined)?.stamp ?? null);
          };
          get.onerror = () => reject(get.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

describe('stored data in the browser', () => {
  it('starts from the snapshot after a reload, corrects it from the tables, and writes a new one', async () => {
    const { page, context } = await openApp(browser());
    await expect.poll(() => listButtons(page).count()).toBe(total);
    // The first start read the tables; a worker writes the snapshot a little later.
    await expect.poll(() => snapshotStamp(page), { timeout: 20_000 }).not.toBeNull();
    const first = await snapshotStamp(page);

    await changeStoredFeature(page, 'varmdo-2017-f-gustavsbergs-centrum', 'delete');
    await page.reload();
    await waitForMap(page);
    expect(await page.locator('.app').getAttribute('data-read-from')).toBe('snapshot');
    // The snapshot still holds the place; the check against the tables takes it away.
    await expect.poll(() => listButtons(page).count()).toBe(total - 1);
    expect(await page.getByRole('button', { name: 'Gustavsbergs Centrum' }).count()).toBe(0);
    await expect.poll(() => snapshotStamp(page), { timeout: 20_000 }).not.toBe(first);

    // The new snapshot holds the tables as they are: the next start shows them from it.
    await page.reload();
    await waitForMap(page);
    expect(await page.locator('.app').getAttribute('data-read-from')).toBe('snapshot');
    await expect.poll(() => listButtons(page).count()).toBe(total - 1);

    // A record damaged behind the app's back after the snapshot: the check finds it, and it is left out and reported.
    await changeStoredFeature(page, 'nacka-2022-f-orminge', 'damage');
    await page.reload();
    await waitForMap(page);
    await expect.poll(() => page.getByText('1 sparad post är skadad och visas inte.').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => listButtons(page).count()).toBe(total - 2);
    // Found by the snapshot's check, then read again through the schema.
    expect(await page.locator('.app').getAttribute('data-read-from')).toBe('tables');
    await context.close();
  });

  it('says so when a link names a place this browser does not hold, and offers the list', async () => {
    const { page, context } = await openApp(browser());
    await page.goto(`${page.url().split('?')[0]}?vald=plats-bara-i-en-annan-webblasare`);
    await waitForMap(page);
    const notice = page.getByTestId('missing-place');
    await expect.poll(() => notice.textContent()).toContain('Platsen i länken (plats-bara-i-en-annan-webblasare) finns inte i den här webbläsaren');
    await notice.getByRole('button', { name: 'Visa alla platser i listan' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('vald')).toBeNull();
    await expect.poll(() => listButtons(page).count()).toBe(total);
    await context.close();
  });

  it('starts from the records as stored, finds a damaged one in the background, leaves it out and says so', async () => {
    const { page, context } = await openApp(browser());
    await expect.poll(() => listButtons(page).count()).toBe(total);
    await changeStoredFeature(page, 'varmdo-2017-f-gustavsbergs-centrum', 'damage');
    await page.reload();
    await waitForMap(page);
    await expect.poll(() => page.getByText('1 sparad post är skadad och visas inte.').count()).toBe(1);
    await expect.poll(() => listButtons(page).count()).toBe(total - 1);
    await context.close();
  });

  it('seeds on first start, keeps changes over a reload, and restores shipped data only after asking', async () => {
    const { page, context } = await openApp(browser());
    await expect.poll(() => listButtons(page).count()).toBe(total);

    await changeStoredFeature(page, 'varmdo-2017-f-gustavsbergs-centrum', 'delete');
    await page.reload();
    await waitForMap(page);
    await expect.poll(() => listButtons(page).count()).toBe(total - 1);
    expect(await page.getByRole('button', { name: 'Gustavsbergs Centrum' }).count()).toBe(0);

    // Cancel changes nothing.
    await page.getByRole('button', { name: 'Återställ levererade data' }).click();
    const dialog = page.getByRole('dialog', { name: 'Återställa levererade data?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`(${total - 1} platser)`);
    await screenshot(page, 'restore-dialog');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await listButtons(page).count()).toBe(total - 1);

    // Confirm replaces, and says so.
    await page.getByRole('button', { name: 'Återställ levererade data' }).click();
    await dialog.getByRole('button', { name: 'Ja, ersätt' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Levererade data är återställda.');
    await expect.poll(() => listButtons(page).count()).toBe(total);

    await page.reload();
    await waitForMap(page);
    await expect.poll(() => listButtons(page).count()).toBe(total);
    await context.close();
  });
});

describe('without the offline basemap', () => {
  it('still shows the places and says plainly that the basemap is missing', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.route('**/basemap/manifest.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ available: false, reason: 'test' }) }),
    );
    const { inject } = await import('vitest');
    await page.goto(inject('baseUrl'));
    await waitForMap(page);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Bakgrundskartan saknas');
    await expect
      .poll(() => page.evaluate(() => window.__trygghetskartan!.map.renderedFeatureIds('speed-control').length), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await context.close();
  });
});

describe('on a phone', () => {
  it('shows map, list and the panel as a bottom sheet at 375×812', async () => {
    const { page, context } = await openApp(browser(), { width: 375, height: 812 });
    await page.locator('.row-button', { hasText: 'Gustavsbergs Centrum' }).click();
    const panel = page.getByTestId('feature-panel');
    await panel.waitFor();
    const box = (await panel.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(375);
    expect(box.y + box.height).toBeCloseTo(812, -1);
    await screenshot(page, 'phone-panel');
    await context.close();
  });
});
