import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, useBrowser } from './harness';

const browser = useBrowser();
const EKERO = readFileSync(new URL('../../../shared/seeds/002_03a7ebd1eb6f95e1.txt', import.meta.url), 'utf8');

/** The seed text printed as a PDF (Helvetica, lines wrapped at the page width), as a planner would get it. */
async function pdfOf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let page = doc.addPage([595, 842]);
  let y = 792;
  for (const source of text.replace(/\uF0B7/gu, '•').replace(/[^\n\x20-\x7e\u00a0-\u00ff•–”’]/gu, ' ').split('\n')) {
    const words = source.split(' ');
    let line = '';
    const flush = () => {
      if (line.trim()) page.drawText(line, { x: 50, y, size: 10, font });
      y -= 14;
      if (y < 50) [page, y] = [doc.addPage([595, 842]), 792];
      line = '';
    };
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(next, 10) > 495) (flush(), (line = word));
      else line = next;
    }
    flush();
  }
  return Buffer.from(await doc.save());
}

describe('a new document from its text', () => {
  it('drafts the Ekerö promise from a PDF, loads pdf.js only then, and saves what the planner confirms part by part', async () => {
    const { page, context } = await openApp(browser(), undefined, { fixedTime: '2026-12-01T10:00:00+01:00' });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.getByRole('tab', { name: 'Löften och aktiviteter' }).click();
    await page.getByRole('button', { name: 'Nytt dokument ur text eller PDF' }).click();
    const source = page.getByTestId('draft-source');
    expect(requested.filter((u) => /pdf/i.test(u))).toEqual([]);
    // Nothing to read is said, not drafted.
    await source.getByRole('button', { name: 'Gör ett utkast' }).click();
    expect(await source.getByRole('alert').textContent()).toBe('Det finns ingen text att läsa.');
    await source.getByLabel('Fil (text eller PDF)').setInputFiles({ name: 'ekero-medborgarlofte-2020.pdf', mimeType: 'application/pdf', buffer: await pdfOf(EKERO) });

    const review = page.getByTestId('draft-review');
    await review.waitFor({ timeout: 20_000 });
    expect(requested.some((u) => /pdf\.worker/i.test(u))).toBe(true);
    const form = review.getByTestId('document-form');
    expect(await form.getByLabel('Dokumentets titel').inputValue()).toContain('Ekerö');
    expect(await form.getByLabel('Kommun').inputValue()).toBe('0125');
    expect(await form.getByLabel('Källa: dokumentets fil eller adress').inputValue()).toBe('ekero-medborgarlofte-2020.pdf');
    // What the draft could not find, the planner fills in.
    if (!(await form.getByLabel('Lokalpolisområde').inputValue())) await form.getByLabel('Lokalpolisområde').fill('Lokalpolisområde Vällingby');
    if (!(await form.getByLabel('Gäller från').inputValue())) await form.getByLabel('Gäller från').fill('2020-02-05');
    if (!(await form.getByLabel('Gäller till och med').inputValue())) await form.getByLabel('Gäller till och med').fill('2020-12-31');
    await form.getByLabel('Dokumentets titel').fill('Medborgarlöfte Ekerö 2020 (utkast ur PDF)');
    await form.getByRole('button', { name: 'Spara' }).click();

    const areas = review.getByTestId('draft-area');
    expect(await areas.count()).toBeGreaterThanOrEqual(2);
    // A quote changed so it no longer stands in the text is caught by the same check as data/.
    const firstQuote = areas.first().getByLabel('Citat ur dokumentet');
    const quote = await firstQuote.inputValue();
    await firstQuote.fill(`${quote} och något som inte står där`);
    await review.getByRole('button', { name: 'Bekräfta fokusområdena' }).click();
    expect(await areas.first().textContent()).toContain('Citatet finns inte ordagrant i texten.');
    await firstQuote.fill(quote);
    await review.getByRole('button', { name: 'Bekräfta fokusområdena' }).click();

    const activities = review.getByTestId('draft-activity');
    await activities.first().waitFor();
    const found = await activities.count();
    expect(found).toBeGreaterThanOrEqual(4);
    // Leave the last one out; give any without a focus area or a responsible party both.
    await activities.last().getByRole('checkbox', { name: /^Ta med/ }).uncheck();
    for (let i = 0; i < found - 1; i++) {
      const card = activities.nth(i);
      if (!(await card.getByLabel('Fokusområde').inputValue())) await card.getByLabel('Fokusområde').selectOption({ index: 1 });
      if (!(await card.getByRole('checkbox', { name: 'Polisen', exact: true }).isChecked()) && !(await card.getByRole('checkbox', { name: 'Kommunen', exact: true }).isChecked()))
        await card.getByRole('checkbox', { name: 'Polisen', exact: true }).check();
    }
    const axe = await new AxeBuilder({ page }).include('[data-testid="draft-review"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await screenshot(page, 'draft-activities');
    await review.getByRole('button', { name: /^Spara dokumentet med / }).click();
    await review.waitFor({ state: 'detached' });

    const document = page.locator('.tree-document', { has: page.getByRole('heading', { name: 'Ekerö: Medborgarlöfte Ekerö 2020 (utkast ur PDF)' }) });
    await document.waitFor();
    expect(await document.locator('.tree-area > ul > li').count()).toBe(found - 1);
    // All of it was one step: one undo takes the document with its parts away.
    await page.getByRole('button', { name: /^Ångra: lägg till dokumentet Medborgarlöfte Ekerö 2020 \(utkast ur PDF\) ur dess text/ }).click();
    await document.waitFor({ state: 'detached' });
    await context.close();
  });
});
