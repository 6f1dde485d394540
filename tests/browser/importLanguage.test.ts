import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser, openApp, screenshot } from './harness';

/**
 * Issue 14, "one language at a time": what the importer says about a file (its notes, why rows
 * were left out, why a file cannot be read) is in the UI's language, and switches with it after
 * the file was read, not only for files read after the switch.
 */
const browser = useBrowser();

/**
 * A planner's CSV with everything to say: the coordinate columns named the other way round (x
 * holds the latitudes), decimal commas, an empty line, a row without latitude, one with text for
 * a number and one in Germany.
 */
const CSV = ['namn;x;y', 'Torget;59,3293;18,0686', '', 'Saknar;;18,0686', 'Text;abc;18,0686', 'Berlin;52,5200;13,4050', 'Parken;59,3301;18,0712', 'Skolan;59,3310;18,0720'].join('\r\n');
const csvFile = { name: 'planerarens.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') };

async function openImport(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name }).click();
  const panel = page.getByTestId('import-panel');
  await panel.waitFor();
  return panel;
}

const text = async (locator: Locator) => (await locator.textContent()) ?? '';

describe('the importer speaks the UI’s language, and switches with it', () => {
  it('notes, reasons and details in English, then in Swedish after a switch, without reading the file again', async () => {
    const { page, context, pageErrors } = await openApp(browser());
    await page.getByLabel('Språk').selectOption('en');
    const panel = await openImport(page, 'Import file');
    await panel.getByLabel(/Choose a file/).setInputFiles(csvFile);
    await expect.poll(() => text(panel.locator('.result-count'))).toContain('3 valid, 3 rejected');

    const notes = panel.getByTestId('import-notes');
    await notes.locator('summary').click();
    const rejected = panel.getByRole('region', { name: 'Rejected rows and features' });
    const crsReason = panel.getByTestId('crs-reason');
    const english = { notes: await text(notes), rejected: await text(rejected), crs: await text(crsReason) };
    expect(english.notes).toContain('Done while reading');
    expect(english.notes).toContain('by its values the column x holds the latitude and y the longitude; they were read so');
    expect(english.notes).toContain('1 empty line was skipped');
    expect(english.notes).toContain('decimal commas read as decimal points');
    expect(english.rejected).toContain('row 4');
    expect(english.rejected).toContain('coordinates missing (x missing)');
    expect(english.rejected).toContain('the coordinates are not numbers (x = abc)');
    expect(english.rejected).toContain('lies outside Sweden (lon 13.405, lat 52.52)');
    expect(english.crs).toContain('the coordinates look like longitude/latitude in degrees (WGS 84)');
    // Nothing of the importer's Swedish is left in the English preview.
    for (const shown of Object.values(english)) expect(shown).not.toMatch(/\b(rad|saknas|kolumnen|ligger|utanför|hoppades|tolkat|koordinaterna)\b/);
    await screenshot(page, 'import-english-1280x800');

    // The language changes after the file was read: the same preview now says it all in Swedish.
    await page.getByLabel('Language').selectOption('sv');
    await expect.poll(() => text(panel.locator('.result-count'))).toContain('3 giltiga, 3 avvisade');
    const swedishRejected = panel.getByRole('region', { name: 'Avvisade rader och objekt' });
    await expect.poll(() => text(swedishRejected)).toContain('rad 4');
    expect(await text(swedishRejected)).toContain('koordinater saknas (x saknas)');
    expect(await text(swedishRejected)).toContain('koordinaterna är inte tal (x = abc)');
    expect(await text(swedishRejected)).toContain('ligger utanför Sverige (lon 13,405, lat 52,52)');
    expect(await text(notes)).toContain('Gjort vid läsningen');
    expect(await text(notes)).toContain('kolumnen x innehåller latitud och y longitud enligt värdena; de lästes så');
    expect(await text(notes)).toContain('1 tom rad hoppades över');
    expect(await text(crsReason)).toContain('koordinaterna ser ut som longitud/latitud i grader (WGS 84)');
    expect(await text(swedishRejected)).not.toMatch(/\b(row|missing|outside)\b/);

    // A file that cannot be read at all says why in the language of the moment, too.
    await panel.getByLabel(/Välj fil/).setInputFiles({ name: 'anteckningar.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('hej') });
    const failure = panel.getByTestId('import-failure');
    await expect.poll(() => text(failure)).toContain('Filformatet känns inte igen');
    await page.getByLabel('Språk').selectOption('en');
    await expect.poll(() => text(failure)).toContain('The file format is not recognised. Choose GeoJSON, CSV, KML, GPX or a zipped shapefile.');
    expect(await text(failure)).not.toContain('Filformatet');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('on a phone too', async () => {
    const { page, context } = await openApp(browser(), { width: 375, height: 812 });
    await page.getByLabel('Språk').selectOption('en');
    const panel = await openImport(page, 'Import file');
    await panel.getByLabel(/Choose a file/).setInputFiles(csvFile);
    await expect.poll(() => text(panel.locator('.result-count'))).toContain('3 valid, 3 rejected');
    await panel.getByTestId('import-notes').locator('summary').click();
    const rejected = panel.getByRole('region', { name: 'Rejected rows and features' });
    expect(await text(rejected)).toContain('coordinates missing (x missing)');
    await panel.getByTestId('import-notes').scrollIntoViewIfNeeded();
    await screenshot(page, 'import-english-375x812');
    await context.close();
  });
});
