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

  it('lets a planner set an activity’s status from the panel, as one undoable step', async () => {
    const { page, context } = await openApp(browser());
    await page.locator('.row-button', { hasText: 'Nacka Forum (exempel)' }).click();
    const panel = page.getByTestId('feature-panel');
    const select = panel.getByLabel('Ändra status').first();
    const statusBefore = await select.inputValue();
    await select.selectOption('done');
    await panel.getByRole('button', { name: 'Spara status' }).first().click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('status genomförd');
    expect(await panel.textContent()).toContain('Genomförd');
    await page.getByRole('button', { name: /^Ångra: sätt status genomförd på / }).click();
    await expect.poll(() => panel.getByLabel('Ändra status').first().inputValue()).toBe(statusBefore);

    // Most activities have no place: the promise tree follows them up as well.
    await page.getByRole('tab', { name: 'Löften och aktiviteter' }).click();
    const item = page.locator('.promise-tree li', { hasText: 'Krogkontroller' });
    const promise = page.locator('.tree-document', { has: page.getByRole('heading', { name: /^Nacka: Plan för samverkan/ }) });
    const done = async () => Number(/^(\d+) av/.exec((await promise.getByTestId('progress').first().textContent())?.replace(/^.*?: /, '') ?? '')?.[1]);
    const before = await done();
    await item.locator('summary').click();
    await item.getByLabel('Ändra status').selectOption('done');
    await item.getByRole('button', { name: 'Spara status' }).click();
    await expect.poll(() => item.locator('.tag-status').textContent()).toBe('Genomförd');
    // The promise's progress follows.
    await expect.poll(done).toBe(before + 1);
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
});
