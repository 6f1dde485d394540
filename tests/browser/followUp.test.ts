import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, renderedIds, screenshot, tableRowIds, useBrowser, waitForIdle } from './harness';

const browser = useBrowser();
const facet = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true });

describe('what is current: promises through time, the clock fixed', () => {
  it('on 2026-12-01 marks every promise expired or replaced, keeps them on the map, and "current only" empties it', async () => {
    const { page, context } = await openApp(browser(), undefined, { fixedTime: '2026-12-01T10:00:00+01:00' });
    const validity = facet(page, 'Löftets giltighet');
    const all = (await tableRowIds(page)).length;
    expect(all).toBeGreaterThan(20);
    expect(await validity.getByRole('checkbox', { name: /Gäller nu/ }).locator('..').textContent()).toBe('Gäller nu0');

    await validity.getByRole('checkbox', { name: /Gäller nu/ }).check();
    await expect.poll(() => tableRowIds(page)).toEqual([]);
    await waitForIdle(page);
    expect(await renderedIds(page)).toEqual([]);
    // Expired and replaced promises stay on the map, marked as such.
    await validity.getByRole('checkbox', { name: /Gäller nu/ }).uncheck();
    await expect.poll(async () => (await tableRowIds(page)).length).toBe(all);
    await page.locator('.row-button', { hasText: 'Nacka Forum (exempel)' }).click();
    const panel = page.getByTestId('feature-panel');
    expect(await panel.locator('[data-currency]').first().textContent()).toContain('Ersatt av');
    await page.locator('.row-button', { hasText: 'Ekerö centrum (exempel)' }).first().click();
    expect(await panel.locator('[data-currency]').first().textContent()).toBe('Har gått ut');

    await context.close();
  });

  it('in 2024 shows Nordmaling’s promise as current, and the promise tree says where each stands', async () => {
    const { page, context } = await openApp(browser(), undefined, { fixedTime: '2024-06-01T10:00:00+02:00' });
    await facet(page, 'Löftets giltighet').getByRole('checkbox', { name: /Gäller nu/ }).check();
    const municipalities = async () => [...new Set((await page.locator('.places-table tbody tr > :nth-child(3)').allTextContents()).map((s) => s.trim()))];
    await expect.poll(municipalities).toEqual(['Nordmaling']);

    await page.getByRole('tab', { name: 'Löften och aktiviteter' }).click();
    const tree = page.getByRole('region', { name: 'Löften, fokusområden och aktiviteter' });
    const standing = async (heading: RegExp) => tree.locator('section', { has: page.getByRole('heading', { name: heading }) }).locator('[data-currency]').textContent();
    expect(await standing(/^Nordmaling/)).toBe('Gäller nu');
    expect(await standing(/^Nacka: Polisens medborgarlöften/)).toMatch(/^Ersatt av /);
    expect(await standing(/^Ekerö/)).toBe('Har gått ut');
    const axe = await new AxeBuilder({ page }).include('.promise-tree').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await screenshot(page, 'promise-currency');
    await context.close();
  });

  it('leaves an unsafe place with old evidence out of density, patrol and gaps until a planner confirms it', async () => {
    const { page, context } = await openApp(browser(), undefined, { fixedTime: '2026-12-01T10:00:00+01:00' });
    await page.getByRole('button', { name: 'Ny plats' }).click();
    const chooser = page.getByTestId('new-place');
    await chooser.getByLabel('Lager').selectOption('unsafe-place');
    await chooser.getByRole('button', { name: 'Ange koordinater' }).click();
    const form = page.getByTestId('feature-form');
    await form.getByLabel('Namn').fill('Gångbron vid skolan');
    await form.getByLabel('Longitud (WGS 84)').fill('18,2501');
    await form.getByLabel('Latitud (WGS 84)').fill('59,2952');
    await form.getByPlaceholder('Sök aktivitet').fill('störst otrygghet');
    await form.getByRole('group', { name: /Hör till aktiviteter/ }).getByRole('checkbox').first().check();
    await form.getByRole('textbox', { name: 'År' }).fill('2019');
    await form.getByRole('button', { name: 'Spara' }).click();
    await form.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Planera' }).click();
    const note = page.getByTestId('planner-view').getByTestId('stale-note');
    await expect.poll(() => note.textContent()).toContain('1 otrygg plats har underlag äldre än 3 år');
    await page.getByTestId('planner-view').getByLabel('Underlag räknas i högst').selectOption('10');
    await expect.poll(() => note.textContent()).toContain('Inga otrygga platser har underlag äldre än 10 år');
    await page.getByTestId('planner-view').getByLabel('Underlag räknas i högst').selectOption('3');
    await page.getByRole('tab', { name: 'Patrullera' }).click();
    await expect.poll(() => page.getByTestId('stale-note').textContent()).toContain('1 otrygg plats har underlag äldre än 3 år');

    await page.getByRole('tab', { name: 'Platser' }).click();
    await page.locator('.row-button', { hasText: 'Gångbron vid skolan' }).click();
    const freshness = page.getByTestId('freshness');
    expect(await freshness.textContent()).toContain('Äldre än 3 år');
    await screenshot(page, 'stale-place');
    await freshness.getByRole('button', { name: 'Bekräfta att platsen fortfarande upplevs otrygg' }).click();
    await expect.poll(() => freshness.getAttribute('data-stale')).toBe('false');
    expect(await freshness.textContent()).toContain('bekräftad av planerare');
    await page.getByRole('tab', { name: 'Planera' }).click();
    await expect.poll(() => page.getByTestId('stale-note').textContent()).toContain('Inga otrygga platser har underlag äldre än 3 år');
    await context.close();
  });

  it('prints the yearly follow-up of a promise: dated, its places mapped, progress, walks, speed and what reaches each unsafe place', async () => {
    const { page, context } = await openApp(browser(), undefined, { fixedTime: '2026-12-01T10:00:00+01:00' });
    await page.getByRole('tab', { name: 'Löften och aktiviteter' }).click();
    await page.getByRole('button', { name: /^Uppföljningsrapport: Polisens medborgarlöften i Nacka 2017/ }).click();
    const report = page.getByTestId('follow-up-report');
    await report.waitFor();
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('Läget 1 december 2026.');
    expect(text).toContain('Ersatt av');
    expect(text).toContain('Aktiviteter per fokusområde');
    expect(text).toContain('Trygghetsvandring Nacka centrum (exempel)');
    expect(text).toContain('Värmdövägen');
    expect(text).toContain('Nacka Forum (exempel)');
    expect(await report.locator('svg.map-extract path, svg.map-extract circle').count()).toBeGreaterThan(5);
    const axe = await new AxeBuilder({ page }).include('[data-testid="follow-up-report"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await screenshot(page, 'follow-up-report');

    // On paper the report stands alone: the app around it is not printed.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sidebar').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    expect(await report.evaluate((el) => getComputedStyle(el).position)).toBe('static');
    await screenshot(page, 'follow-up-report-print');
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(6);
    await context.close();
  });

  it('follows an activity up with a dated status entry: the timeline and the progress chart change, undo takes it back, and the printed report carries it', async () => {
    const { page, context } = await openApp(browser(), undefined, { fixedTime: '2026-12-01T10:00:00+01:00' });
    await page.locator('.row-button', { hasText: 'Nacka Forum (exempel)' }).click();
    const panel = page.getByTestId('feature-panel');
    const timeline = panel.locator('.status-timeline').first();
    expect(await timeline.textContent()).toContain('Enligt dokumentet');
    const form = panel.getByRole('form', { name: /^Följ upp / }).first();
    // A date in the future is a plan, not a follow-up: refused with the reason, nothing saved.
    await form.getByLabel('Datum').fill('2027-01-10');
    await form.getByRole('button', { name: 'Lägg till i tidslinjen' }).click();
    expect(await form.getByRole('alert').textContent()).toContain('framtiden');
    await form.getByLabel('Ny status').selectOption('ongoing');
    await form.getByLabel('Datum').fill('2026-11-20');
    await form.getByLabel('Vad hände (valfritt)').fill('Första kvällen med fältassistenter');
    await form.getByRole('button', { name: 'Lägg till i tidslinjen' }).click();
    await expect.poll(() => timeline.locator('li').first().textContent()).toContain('Första kvällen med fältassistenter');
    expect(await timeline.locator('li').first().textContent()).toContain('20 november 2026: Pågår');
    expect(await panel.textContent()).toContain('Pågår');
    await page.getByRole('button', { name: /^Ångra: Uppföljning av / }).click();
    await expect.poll(() => timeline.locator('li').count()).toBe(1);

    // Most activities have no place: the promise tree follows them up as well, and the progress chart follows.
    await page.getByRole('tab', { name: 'Löften och aktiviteter' }).click();
    const item = page.locator('.promise-tree li', { hasText: 'Krogkontroller' }).first();
    const promise = page.locator('.tree-document', { has: page.getByRole('heading', { name: /^Nacka: Plan för samverkan/ }) });
    const chartDone = async () => Number((await promise.getByTestId('progress-chart').first().locator('.progress-done').textContent().catch(() => '0')) || '0');
    const doneBefore = await chartDone();
    const thisYear = () => promise.getByTestId('done-this-year').first().textContent();
    expect(await thisYear()).toBe('0 genomförda i år (2026)');
    await item.locator('summary').click();
    await item.getByLabel('Ny status').selectOption('done');
    await item.getByLabel('Vad hände (valfritt)').fill('Alla krogar i Nacka centrum kontrollerade');
    await item.getByRole('button', { name: 'Lägg till i tidslinjen' }).click();
    await expect.poll(() => item.locator('.tag-status').textContent()).toBe('Genomförd');
    await expect.poll(chartDone).toBe(doneBefore + 1);
    expect(await thisYear()).toBe('1 genomförd i år (2026)');
    const axe = await new AxeBuilder({ page }).include('.promise-tree').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await screenshot(page, 'follow-up-tree-entry');

    // The yearly report has it, dated, and prints as PDF pages.
    await promise.getByRole('button', { name: /^Uppföljningsrapport: / }).click();
    const report = page.getByTestId('follow-up-report');
    await report.waitFor();
    expect(await report.getByTestId('report-entries').textContent()).toContain('Krogkontroller: Genomförd – Alla krogar i Nacka centrum kontrollerade');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    await context.close();
  });

  it('lets a planner add an activity under a focus area, checked like the shipped data, undoable, and offered to places', async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('tab', { name: 'Löften och aktiviteter' }).click();
    await page.getByRole('button', { name: 'Ny aktivitet under Trygghet i den offentliga miljön' }).first().click();
    const form = page.getByTestId('activity-form');
    await form.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Ange aktivitetens namn.');
    expect(await form.getByRole('alert').textContent()).toContain('Ange citatet ur löftet.');
    const axe = await new AxeBuilder({ page }).include('[data-testid="activity-form"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await form.getByLabel('Aktivitetens namn').fill('Trygghetsvandring i Ekerö centrum');
    await form.getByRole('checkbox', { name: 'Kommunen' }).check();
    await form.getByLabel('Citat ur löftet som aktiviteten genomför').fill('trygghetsvandringar');
    await form.getByRole('button', { name: 'Spara' }).click();
    await form.waitFor({ state: 'detached' });
    const item = page.locator('.promise-tree li', { hasText: 'Trygghetsvandring i Ekerö centrum' });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('.tag-status').textContent()).toBe('Planerad');

    // A new place can serve it.
    await page.getByRole('button', { name: 'Ny plats' }).click();
    await page.getByTestId('new-place').getByRole('button', { name: 'Ange koordinater' }).click();
    const placeForm = page.getByTestId('feature-form');
    await placeForm.getByPlaceholder('Sök aktivitet').fill('Trygghetsvandring i Ekerö');
    expect(await placeForm.getByRole('checkbox', { name: /Trygghetsvandring i Ekerö centrum/ }).count()).toBe(1);
    await placeForm.getByRole('button', { name: 'Avbryt' }).click();

    await page.getByRole('button', { name: /^Ångra: lägg till aktiviteten Trygghetsvandring i Ekerö centrum/ }).click();
    await expect.poll(() => item.count()).toBe(0);
    await context.close();
  });

  it('lets a planner enter a new document with a focus area and an activity, edit each, and undo, with the shipped data’s checks', async () => {
    const { page, context } = await openApp(browser(), undefined, { fixedTime: '2026-12-01T10:00:00+01:00' });
    await page.getByRole('tab', { name: 'Löften och aktiviteter' }).click();
    await page.getByRole('button', { name: 'Nytt dokument (medborgarlöfte, plan eller överenskommelse)' }).click();
    const form = page.getByTestId('document-form');
    await form.getByRole('button', { name: 'Spara' }).click();
    const alert = () => form.getByRole('alert').textContent();
    await expect.poll(alert).toContain('Ange en titel.');
    expect(await alert()).toContain('Ange giltighetstiden');
    await form.getByLabel('Dokumentets titel').fill('Medborgarlöfte Nacka 2027');
    await form.getByLabel('Kommun').selectOption('0182');
    await form.getByLabel('Lokalpolisområde').fill('Lokalpolisområde Nacka');
    await form.getByLabel('Gäller från').fill('2027-01-01');
    await form.getByLabel('Gäller till och med').fill('2026-12-31');
    await form.getByLabel('Källa: dokumentets fil eller adress').fill('https://www.nacka.se/medborgarloften-2027.pdf');
    await form.getByLabel('Citat ur dokumentet').fill('Polisen och Nacka kommun lovar');
    await form.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(alert).toContain('Giltighetstiden slutar före den börjar.');
    await form.getByLabel('Gäller till och med').fill('2027-12-31');
    await form.getByRole('checkbox', { name: 'Trygghetsundersökning' }).check();
    const axe = await new AxeBuilder({ page }).include('[data-testid="document-form"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await form.getByRole('button', { name: 'Spara' }).click();
    await form.waitFor({ state: 'detached' });

    const document = page.locator('.tree-document', { has: page.getByRole('heading', { name: 'Nacka: Medborgarlöfte Nacka 2027' }) });
    await document.waitFor();
    // Valid from 2027: not current yet, and said so.
    expect(await document.locator('[data-currency]').textContent()).toContain('Har inte börjat gälla');
    await document.getByRole('button', { name: 'Nytt fokusområde i Medborgarlöfte Nacka 2027' }).click();
    const areaForm = page.getByTestId('focus-area-form');
    await areaForm.getByLabel('Fokusområdets namn').fill('Trygga centrum');
    await areaForm.getByLabel('Citat ur dokumentet').fill('tryggare centrum');
    await areaForm.getByRole('button', { name: 'Spara' }).click();
    await areaForm.waitFor({ state: 'detached' });
    await document.getByRole('button', { name: 'Ny aktivitet under Trygga centrum' }).click();
    const activityForm = page.getByTestId('activity-form');
    await activityForm.getByLabel('Aktivitetens namn').fill('Kvällsvandringar i Nacka centrum');
    await activityForm.getByRole('checkbox', { name: 'Polisen' }).check();
    await activityForm.getByLabel('Citat ur löftet som aktiviteten genomför').fill('kvällsvandringar');
    await activityForm.getByRole('button', { name: 'Spara' }).click();
    await activityForm.waitFor({ state: 'detached' });

    // Edit the activity: the form opens with what is stored; the new title replaces the old.
    await document.getByRole('button', { name: 'Redigera aktiviteten: Kvällsvandringar i Nacka centrum' }).click();
    const editForm = page.getByTestId('activity-form');
    expect(await editForm.getByLabel('Aktivitetens namn').inputValue()).toBe('Kvällsvandringar i Nacka centrum');
    await editForm.getByLabel('Aktivitetens namn').fill('Kvälls- och helgvandringar i Nacka centrum');
    await editForm.getByRole('button', { name: 'Spara' }).click();
    await editForm.waitFor({ state: 'detached' });
    await expect.poll(() => document.locator('.tree-activity').allTextContents()).toEqual(['Kvälls- och helgvandringar i Nacka centrum']);
    await document.getByRole('button', { name: 'Redigera fokusområdet: Trygga centrum' }).click();
    await page.getByTestId('focus-area-form').getByLabel('Fokusområdets namn').fill('Trygga centrummiljöer');
    await page.getByTestId('focus-area-form').getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => document.locator('.tree-area > h4').allTextContents()).toEqual(['Trygga centrummiljöer']);
    await screenshot(page, 'tree-new-document');

    // Each step undoes on its own, newest first.
    await page.getByRole('button', { name: /^Ångra: ändra fokusområdet Trygga centrummiljöer/ }).click();
    await expect.poll(() => document.locator('.tree-area > h4').allTextContents()).toEqual(['Trygga centrum']);
    await page.getByRole('button', { name: /^Ångra: ändra aktiviteten / }).click();
    await expect.poll(() => document.locator('.tree-activity').allTextContents()).toEqual(['Kvällsvandringar i Nacka centrum']);
    await context.close();
  });
});
