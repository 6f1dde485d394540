#!/usr/bin/env node
// Measures the built app in Chromium with 100 000 places in IndexedDB: start-up, a search keystroke,
// a sort click. Figures are medians of a few runs on this machine; compare them as ratios.
// Usage: npm run build && node scripts/bench-browser.mjs [count]
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const COUNT = Number(process.argv[2] ?? 100_000);
const server = await preview({ preview: { port: 4181, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
await page.goto(url);
await page.locator('.app[data-ready="true"]').waitFor({ timeout: 60_000 });

// Add synthetic unsafe places linked to a shipped activity, straight into IndexedDB.
await page.evaluate(async (count) => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('trygghetskartan');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const tx = db.transaction('features', 'readwrite');
  const store = tx.objectStore('features');
  for (let i = 0; i < count; i++) {
    store.put({
      id: `bench-${i}`, layer: 'unsafe-place', name: `Enkätplats ${i}`, municipalityCode: '0182',
      activityIds: ['nacka-2017-narvaro-pa-otrygga-platser'], provenance: 'imported', provenanceNote: 'Syntetisk testdata.',
      geometry: { type: 'Point', coordinates: [18.12 + (i % 700) / 3000, 59.25 + Math.floor(i / 700) / 1500] },
      details: { survey: 'Syntetisk', year: 2024, timeOfDay: [['dag', 'kvall', 'natt'][i % 3]], reasons: ['belysning'], responses: 1 + (i % 5) },
    });
  }
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}, COUNT);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = { startup: [], search: [], sort: [], filter: [], edit: [] };
for (let run = 0; run < 3; run++) {
  let t0 = Date.now();
  await page.reload();
  await page.locator('.app[data-ready="true"]').waitFor({ timeout: 120_000 });
  await page.locator('.row-button').first().waitFor();
  results.startup.push(Date.now() - t0);

  t0 = Date.now();
  await page.getByLabel('Sök', { exact: true }).fill(`Enkätplats ${run}12`);
  await page.waitForFunction((n) => document.querySelectorAll('.places-table tbody tr').length <= n, 50);
  await page.waitForFunction(() => /^\d+ av /.test(document.querySelector('.filters .result-count')?.textContent ?? '') && !/^100 0/.test(document.querySelector('.filters .result-count')?.textContent ?? ''));
  results.search.push(Date.now() - t0);
  await page.getByLabel('Sök', { exact: true }).fill('');

  t0 = Date.now();
  await page.getByRole('checkbox', { name: /Kväll/ }).check();
  await page.waitForFunction(() => (document.querySelector('.filters .result-count')?.textContent ?? '').startsWith('33'));
  results.filter.push(Date.now() - t0);
  await page.getByRole('checkbox', { name: /Kväll/ }).uncheck();

  t0 = Date.now();
  await page.getByRole('button', { name: 'Status', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('th[aria-sort]')?.textContent?.includes('Status'));
  results.sort.push(Date.now() - t0);

  // One edit (delete a place) until the table no longer shows it: the whole live-query round trip.
  const victim = `${run + 1}771`;
  await page.getByLabel('Sök', { exact: true }).fill(`Enkätplats ${victim}`);
  await page.waitForFunction(() => document.querySelectorAll('.places-table tbody tr').length <= 20, null, { timeout: 60_000 });
  await page.locator(`#row-bench-${victim} .row-button`).click();
  await page.getByTestId('feature-panel').waitFor({ timeout: 60_000 });
  try {
    t0 = Date.now();
    await page.getByTestId('feature-panel').getByRole('button', { name: 'Ta bort', exact: true }).click({ timeout: 20_000 });
    await page.locator(`#row-bench-${victim}`).waitFor({ state: 'detached', timeout: 60_000 });
    results.edit.push(Date.now() - t0);
  } catch (error) {
    console.warn(`edit run ${run} not measured: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  }
  await page.getByLabel('Sök', { exact: true }).fill('');
}
console.log(`${COUNT} extra places in IndexedDB (medians of 3 runs, ms):`);
for (const [name, values] of Object.entries(results)) if (values.length) console.log(`  ${name.padEnd(8)} ${median(values)}   (runs: ${values.join(', ')})`);
// One line with every figure, named, for comparing runs (milliseconds).
console.log(JSON.stringify({ places: COUNT, ...Object.fromEntries(Object.entries(results).filter(([, v]) => v.length).map(([name, v]) => [`${name}Ms`, median(v)])) }));
await browser.close();
await server.close();
