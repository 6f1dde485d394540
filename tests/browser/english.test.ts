import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { openApp, screenshot, useBrowser, waitForIdle } from './harness';

const browser = useBrowser();

const TABS = ['Places', 'Promises and activities', 'Plan', 'Patrol', 'Near me', 'Area index'];
// Words that only the Swedish dictionary has: none may be left on an English page.
const SWEDISH = /\b(Platser|Löften och aktiviteter|Planera|Patrullera|Nära mig|Områdesindex|Dölj|Visa|Exportera|Sök|Kommun|Spara|Avbryt|Stäng)\b/;

async function english(page: Page) {
  await page.getByLabel('Språk').selectOption('en');
  await page.getByRole('tab', { name: 'Places' }).waitFor();
}

/** The visible text of the page's chrome (the table's and the panels' records are data, in the data's language). */
const chrome = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('header, .sidebar, .edit-toolbar, .tabs-bar, .map-legend, .panel h2, .panel label, .panel button')].map((el) => (el as HTMLElement).innerText).join('\n'));

describe('every view and state in English, with axe', () => {
  it('has no axe violations and no Swedish chrome in each tab, a place panel, the new-place form with its errors, export and import, at 1280×800', async () => {
    const { page, context, pageErrors } = await openApp(browser());
    // The check below can fail: in Swedish the same chrome holds those words.
    expect(await chrome(page)).toMatch(SWEDISH);
    await english(page);
    for (const tab of TABS) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
      // A tab's part loads when first opened: wait for it to replace the "Loading" line.
      await expect.poll(() => page.locator('.tabpanel').textContent()).not.toMatch(/^Loading/);
      await waitForIdle(page);
      expect(await axeViolations(page), tab).toEqual([]);
      expect(await chrome(page), tab).not.toMatch(SWEDISH);
    }
    await screenshot(page, 'english-area-index-1280x800');

    await page.getByRole('tab', { name: 'Places' }).click();
    await page.locator('.row-button').first().click();
    await page.getByTestId('feature-panel').waitFor();
    expect(await axeViolations(page), 'place panel').toEqual([]);
    expect(await chrome(page), 'place panel').not.toMatch(SWEDISH);
    await screenshot(page, 'english-panel-1280x800');

    await page.getByRole('button', { name: 'New place' }).click();
    const chooser = page.getByTestId('new-place');
    await chooser.getByLabel('Layer').selectOption('unsafe-place');
    expect(await axeViolations(page), 'new place').toEqual([]);
    await chooser.getByRole('button', { name: 'Enter coordinates' }).click();
    const form = page.getByTestId('feature-form');
    await form.waitFor();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Enter a name');
    expect(await axeViolations(page), 'form with errors').toEqual([]);
    expect(await chrome(page), 'form').not.toMatch(SWEDISH);
    await screenshot(page, 'english-form-errors-1280x800');
    await form.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByTestId('export-panel').waitFor();
    expect(await axeViolations(page), 'export').toEqual([]);
    expect(await chrome(page), 'export').not.toMatch(SWEDISH);
    await page.getByTestId('export-panel').getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Import file' }).click();
    await page.getByTestId('import-panel').waitFor();
    expect(await axeViolations(page), 'import').toEqual([]);
    expect(await chrome(page), 'import').not.toMatch(SWEDISH);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('has no axe violations in each tab and in a place panel on a phone (375×812)', async () => {
    const { page, context } = await openApp(browser(), { width: 375, height: 812 });
    await english(page);
    for (const tab of TABS) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => page.locator('.tabpanel').textContent()).not.toMatch(/^Loading/);
      expect(await axeViolations(page), tab).toEqual([]);
    }
    await page.getByRole('tab', { name: 'Places' }).click();
    await page.locator('.row-button').first().click();
    await page.getByTestId('feature-panel').waitFor();
    expect(await axeViolations(page), 'place panel').toEqual([]);
    await screenshot(page, 'english-panel-375x812');
    await context.close();
  });
});
