import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const SCREENSHOT_DIR = 'tests/browser/screenshots';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** One browser per test file, launched before its tests and closed after; call at the top of the file. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS });
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  /** Every request the page made to another origin: the app must make none by default. */
  foreignRequests: string[];
  pageErrors: string[];
}

/** A fresh context (fresh IndexedDB) with the app loaded and its map ready. */
export async function openApp(browser: Browser, viewport = { width: 1280, height: 800 }, options: { fixedTime?: string } = {}): Promise<AppPage> {
  const baseUrl = inject('baseUrl');
  const context = await browser.newContext({ viewport, locale: 'sv-SE' });
  // The app's "today" (what is current, what is upcoming) follows the clock: tests fix it.
  if (options.fixedTime) await context.clock.setSystemTime(new Date(options.fixedTime));
  // A missing element fails in seconds with its locator named, instead of hanging the suite.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(baseUrl);
  await waitForMap(page);
  return { context, page, baseUrl, foreignRequests, pageErrors };
}

export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__trygghetskartan?.map.isLoaded() === true, null, { timeout: 30_000 });
  await page.locator('.app[data-ready="true"]').waitFor();
}

/** Ids of the places in the table, on the current page, in table order. */
export async function tableRowIds(page: Page): Promise<string[]> {
  return page.locator('.places-table tbody tr').evaluateAll((rows) => rows.map((r) => r.id.replace(/^row-/, '')));
}

export async function renderedIds(page: Page): Promise<string[]> {
  const layers = ['unsafe-place', 'safety-walk', 'watch-area', 'speed-control', 'focus-place'] as const;
  const ids = await Promise.all(layers.map((l) => page.evaluate((layer) => window.__trygghetskartan!.map.renderedFeatureIds(layer), l)));
  return ids.flat().sort();
}

/** Waits until the map has finished moving and drawing (fitBounds animates). */
export async function waitForIdle(page: Page): Promise<void> {
  // fitBounds animates for 400 ms; wait past it, then for MapLibre's own idle.
  await page.waitForTimeout(600);
  await page.evaluate(() => window.__trygghetskartan?.map.whenIdle());
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}

/** The map's zoom, as the page's link keeps it (karta=zoom/lat/lon). */
export function mapZoom(page: Page): number {
  return Number(new URL(page.url()).searchParams.get('karta')?.split('/')[0] ?? 0);
}

/** Whether a place is drawn inside the map's canvas now. */
export async function placeInView(page: Page, id: string): Promise<boolean> {
  return page.evaluate((i) => {
    const point = window.__trygghetskartan?.map.screenPointOf(i);
    const canvas = document.querySelector('.maplibregl-canvas')?.getBoundingClientRect();
    return !!point && !!canvas && point.x >= 0 && point.y >= 0 && point.x <= canvas.width && point.y <= canvas.height;
  }, id);
}
