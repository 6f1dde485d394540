import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { shippedDataset } from '../../src/data/shipped';
import { useBrowser, openApp, screenshot, waitForMap } from './harness';

const browser = useBrowser();

const total = shippedDataset.ok ? shippedDataset.value.features.length : 0;
const listButtons = (page: Page) => page.locator('.row-button');
const problem = (page: Page) => page.getByTestId('storage-problem');

/** Opens the app's database at a higher version from the page, as a newer app version in another tab would. */
function bumpDatabaseVersion(page: Page, version: number) {
  return page.evaluate(
    (v) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('trygghetskartan', v);
        request.onsuccess = () => {
          const got = request.result.version;
          request.result.close();
          resolve(got);
        };
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('blocked'));
      }),
    version,
  );
}

/** Read-only: nothing offers to save. */
async function expectReadOnly(page: Page) {
  expect(await page.getByRole('button', { name: 'Ny plats' }).isDisabled()).toBe(true);
  expect(await page.getByRole('button', { name: 'Återställ levererade data' }).isDisabled()).toBe(true);
  await listButtons(page).first().click();
  const panel = page.getByTestId('feature-panel');
  await panel.waitFor();
  expect(await panel.getByRole('button', { name: 'Ta bort' }).count()).toBe(0);
  await page.keyboard.press('Escape');
}

describe('a database the app cannot open', () => {
  it('says a newer version made it, in Swedish and English, and shows the shipped places read-only', async () => {
    const { page, context, pageErrors } = await openApp(browser());
    await expect.poll(() => listButtons(page).count()).toBe(total);
    expect(await problem(page).count()).toBe(0);

    // A newer version opens the database in "another tab": this one lets go and says so.
    expect(await bumpDatabaseVersion(page, 999)).toBe(999);
    await expect.poll(() => problem(page).getAttribute('data-reason')).toBe('upgraded-elsewhere');
    expect(await problem(page).textContent()).toContain('Ladda om sidan');
    expect(await listButtons(page).count()).toBe(total);

    await page.reload();
    await waitForMap(page);
    await expect.poll(() => problem(page).getAttribute('data-reason')).toBe('newer-version');
    const text = (await problem(page).textContent()) ?? '';
    expect(text).toContain('Ändringar kan inte sparas just nu.');
    expect(text).toContain('skapats av en nyare version av Trygghetskartan');
    expect(text).toContain('Det du ser nu är de levererade data');
    await expect.poll(() => listButtons(page).count()).toBe(total);
    expect(await page.getByRole('button', { name: 'Gustavsbergs Centrum' }).count()).toBe(1);
    await expectReadOnly(page);
    await screenshot(page, 'storage-newer-version');

    await page.getByLabel('Språk').selectOption('en');
    await expect.poll(() => problem(page).textContent()).toContain('created by a newer version of Trygghetskartan');
    expect(await problem(page).textContent()).toContain('What you see now is the shipped data, and changes cannot be saved.');
    await screenshot(page, 'storage-newer-version-en');

    // Nothing was written to the newer database.
    expect(await page.evaluate(() => indexedDB.databases())).toContainEqual({ name: 'trygghetskartan', version: 999 });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('says an older tab blocks the upgrade, shows the shipped places meanwhile, and goes on once that tab closes', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, locale: 'sv-SE' });
    context.setDefaultTimeout(15_000);
    const baseUrl = inject('baseUrl');
    // "An older version" in another tab: version 1 (IndexedDB 10) held open, deaf to requests to close.
    const older = await context.newPage();
    await older.goto(new URL('config.json', baseUrl).href);
    await older.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('trygghetskartan', 10);
          request.onsuccess = () => {
            (window as unknown as { held: IDBDatabase }).held = request.result;
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
    );

    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(baseUrl);
    await waitForMap(page);
    await expect.poll(() => problem(page).getAttribute('data-reason')).toBe('blocked');
    expect(await problem(page).textContent()).toContain('Stäng de andra flikarna med Trygghetskartan och ladda om sidan');
    await expect.poll(() => listButtons(page).count()).toBe(total);
    expect(await page.getByRole('button', { name: 'Ny plats' }).isDisabled()).toBe(true);
    await screenshot(page, 'storage-blocked');

    // The older tab goes away: the upgrade runs, the data is seeded, editing comes back.
    await older.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
    await expect.poll(() => problem(page).count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: 'Ny plats' }).isDisabled()).toBe(false);
    expect(await listButtons(page).count()).toBe(total);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('says when the browser offers no IndexedDB (as in some private windows), and shows the shipped places', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, locale: 'sv-SE' });
    context.setDefaultTimeout(15_000);
    await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(inject('baseUrl'));
    await waitForMap(page);
    await expect.poll(() => problem(page).getAttribute('data-reason')).toBe('no-indexeddb');
    expect(await problem(page).textContent()).toContain('privat fönster');
    await expect.poll(() => listButtons(page).count()).toBe(total);
    await expectReadOnly(page);
    await screenshot(page, 'storage-no-indexeddb');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
