import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser, openApp, screenshot, waitForIdle, waitForMap } from './harness';

const browser = useBrowser();

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('planners: density and gaps', () => {
  it('shows unsafe places as hexagons, lists the places no activity reaches, and starts a walk from a gap', async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('tab', { name: 'Planera' }).click();
    const view = page.getByTestId('planner-view');
    await expect.poll(() => view.getByRole('status').textContent()).toMatch(/\d+ hexagon(er)? med sammanlagt \d+ svar/);
    const gaps = view.getByTestId('gap-list').locator('> li');
    expect(await gaps.count()).toBeGreaterThan(0);
    expect(await view.textContent()).toMatch(/\d+ av 7 otrygga platser nås inte/);
    await view.getByLabel('Tid på dygnet').selectOption('kvall');
    await expect.poll(() => view.getByRole('status').textContent()).toContain('1 hexagon med sammanlagt 1 svar');
    expect(await axe(page)).toEqual([]);
    await view.getByLabel('Hexagonstorlek').selectOption('7');
    await page.getByLabel('Gå till kommun').selectOption('2401');
    await waitForIdle(page);
    await screenshot(page, 'planner-density');
    await gaps.first().getByRole('button', { name: 'Rita en trygghetsvandring här' }).click();
    await expect.poll(() => page.locator('.draw-banner').textContent()).toContain('Klicka för varje punkt längs linjen');
    await context.close();
  });
});

describe('police: tonight’s patrol', () => {
  it('ranks places with the score’s parts, numbers them on the map, and prints a sheet', async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('tab', { name: 'Patrullera' }).click();
    const view = page.getByTestId('patrol-view');
    const items = view.getByTestId('patrol-list').locator('> li');
    await expect.poll(() => items.count()).toBe(10);
    // Ekerö centrum is the one unsafe place the documents tie to evenings: it leads the evening list.
    expect(await items.first().textContent()).toContain('Ekerö centrum');
    expect(await items.first().textContent()).toMatch(/Tid på dygnet|kväll/i);
    await expect.poll(() => page.locator('.number-marker').count()).toBe(10);
    await view.getByLabel('Antal platser').selectOption('5');
    await expect.poll(() => page.locator('.number-marker').count()).toBe(5);
    expect(await axe(page)).toEqual([]);
    await view.getByRole('button', { name: 'Visa på kartan' }).click();
    await waitForIdle(page);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'patrol-print');
    expect(await page.locator('.sidebar').isVisible()).toBe(false);
    expect(await view.getByText('Patrullista – Kväll, Vardag').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  });
});

describe('citizens: near me', () => {
  it('finds a place by name, lists what is done nearby nearest first, and keeps it in a shareable link', async () => {
    const { page, context } = await openApp(browser());
    await page.getByRole('tab', { name: 'Nära mig' }).click();
    const view = page.getByTestId('near-view');
    await view.getByLabel('Sök plats').fill('Fisksätra');
    await view.getByRole('button', { name: /^Fisksätra \(ort\)/ }).click();
    await view.getByLabel('Avstånd').selectOption('2000');
    const list = view.getByTestId('near-list').locator('> li');
    await expect.poll(() => list.count()).toBeGreaterThan(0);
    const distances = await list.evaluateAll((items) => items.map((li) => li.textContent ?? ''));
    expect(distances.join(' ')).toContain('Fisksätra');
    expect(await view.textContent()).toContain('114 14');
    await expect.poll(() => page.url()).toContain('flik=nara');
    expect(page.url()).toMatch(/nara=18\.\d+,59\.\d+&radie=2000/);
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'near-me');

    const shared = page.url();
    const fresh = await browser().newContext({ viewport: { width: 375, height: 812 } });
    const phone = await fresh.newPage();
    await phone.goto(shared);
    await waitForMap(phone);
    await expect.poll(() => phone.getByTestId('near-list').locator('> li').count()).toBe(await list.count());
    await screenshot(phone, 'near-me-phone');
    await fresh.close();
    await context.close();
  });

  it('searches a deployment’s online geocoder when one is configured, showing its answer only as text', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.route('**/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ basemapStyleUrl: null, geocoderUrl: 'https://geo.example.invalid/search?q={q}' }) }),
    );
    await page.route('https://geo.example.invalid/**', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify([{ lat: '59.2940', lon: '18.2570', display_name: 'Fisksätra torg, <b>Nacka</b>' }]) }),
    );
    const { inject } = await import('vitest');
    await page.goto(inject('baseUrl'));
    await waitForMap(page);
    await page.getByRole('tab', { name: 'Nära mig' }).click();
    const view = page.getByTestId('near-view');
    await view.getByLabel('Sök plats').fill('Fisksätra torg');
    await view.getByRole('button', { name: 'Sök online' }).click();
    await view.getByRole('button', { name: /Fisksätra torg, <b>Nacka<\/b>/ }).click();
    await expect.poll(() => view.getByTestId('near-list').textContent()).toContain('Fisksätra station');
    expect(await view.locator('b').count()).toBe(0);
    await context.close();
  });

  it('picks a point on the map, and uses the browser position when allowed', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, geolocation: { latitude: 59.327, longitude: 18.389 }, permissions: ['geolocation'] });
    const page = await context.newPage();
    const { inject } = await import('vitest');
    await page.goto(inject('baseUrl'));
    await waitForMap(page);
    await page.getByRole('tab', { name: 'Nära mig' }).click();
    const view = page.getByTestId('near-view');
    await view.getByRole('button', { name: 'Använd min position' }).click();
    await expect.poll(() => view.getByTestId('near-list').textContent()).toContain('Gustavsbergs Centrum');
    expect(await view.locator('.result-count').textContent()).toContain('din position');

    await view.getByRole('button', { name: 'Välj plats på kartan' }).click();
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => view.locator('.result-count').textContent()).toContain('vald punkt');
    await context.close();
  });
});
