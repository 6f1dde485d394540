#!/usr/bin/env node
// Measures the built app in Chromium. Figures are medians of 5 runs on this machine; compare them as ratios.
//  1. 100 000 places in IndexedDB: start-up, a search keystroke, a facet filter, a sort, one edit (table and map).
//  2. The shipped dataset in a fresh browser: interactive; the initial JavaScript, gzip.
//  3. 1 000 000 survey answers: the CSV import committed (with progress), start-up with them, a filter
//     change, the tab's JS heap and the answers worker's heap (Chrome DevTools Protocol).
//  4. 200 000 answers: long tasks (over 50 ms) on the main thread while filtering, editing and panning.
// Usage: npm run build && node scripts/bench-browser.mjs [places] [answers]
// Prints one final JSON line with every figure (ms, MB, kB).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const COUNT = Number(process.argv[2] ?? 100_000);
const ANSWERS = Number(process.argv[3] ?? 1_000_000);
const LONG_TASK_ANSWERS = 200_000;
// Runs per figure: the first of each is often slow (a cold JIT, MapLibre still tiling), so five, and the median.
const RUNS = 5;
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
// Each step starts from a settled map: otherwise it is timed together with the tail of the one before
// (MapLibre's workers still re-tiling on the same two cores).
const settle = async (p = page) => {
  await p.evaluate(() => window.__trygghetskartan?.map.whenIdle());
  await p.waitForTimeout(300);
};
const results = { startup: [], search: [], sort: [], filter: [], edit: [], editMap: [] };
/** Start-up's phases per run, ms from the navigation's start (User Timing marks the app sets, tk:…). */
const phases = {};

/**
 * Times one step inside the page, without the test driver's own round trips: from the event to the
 * first frame after the DOM shows the result (a MutationObserver watches; the frame is the next
 * requestAnimationFrame). `trigger` and `done` run in the page; `typeInto` is there to type into a
 * labelled field as a user does (React sees an input event).
 */
async function inPage(p, trigger, done, arg = null) {
  return p.evaluate(
    async ([triggerSource, doneSource, value]) => {
      window.typeInto ??= (label, text) => {
        const field = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === label)?.control;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(field, text);
        field.dispatchEvent(new Event('input', { bubbles: true }));
      };
      const run = (0, eval)(`(${triggerSource})`);
      const check = (0, eval)(`(${doneSource})`);
      const started = performance.now();
      run(value);
      await new Promise((resolve) => {
        const finish = () => {
          if (!check(value)) return;
          observer.disconnect();
          clearInterval(poll);
          resolve();
        };
        const observer = new MutationObserver(finish);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const poll = setInterval(finish, 5);
        finish();
      });
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      return Math.round(performance.now() - started);
    },
    [trigger.toString(), done.toString(), arg],
  );
}
for (let run = 0; run < RUNS; run++) {
  let t0 = Date.now();
  await page.reload();
  await page.locator('.app[data-ready="true"]').waitFor({ timeout: 120_000 });
  await page.locator('.row-button').first().waitFor();
  // Every place, not a first view that a check corrects later (a stale start-up snapshot, startupSnapshot.ts).
  await page.waitForFunction(() => /^100 0/.test((document.querySelector('.filters .result-count')?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ')));
  results.startup.push(Date.now() - t0);
  await settle();
  // Where start-up went: the app's User Timing marks (tk:…), from the navigation's start.
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('tk:')).map((m) => [m.name.slice(3), Math.round(m.startTime)])));
  for (const [name, at] of Object.entries(marks)) (phases[name] ??= []).push(at);

  results.search.push(
    await inPage(
      page,
      (arg) => typeInto('Sök', arg),
      () => {
        const text = (document.querySelector('.filters .result-count')?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');
        return /^\d+ av /.test(text) && !/^100 0/.test(text) && document.querySelectorAll('.places-table tbody tr').length <= 50;
      },
      `Enkätplats ${run}12`,
    ),
  );
  await page.getByLabel('Sök', { exact: true }).fill('');
  await page.waitForFunction(() => /^100 0/.test((document.querySelector('.filters .result-count')?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ')));
  await settle();

  results.filter.push(
    await inPage(
      page,
      () => [...document.querySelectorAll('.filters label')].find((l) => /Kväll/.test(l.textContent ?? ''))?.querySelector('input')?.click(),
      () => (document.querySelector('.filters .result-count')?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').startsWith('33'),
    ),
  );
  await page.getByRole('checkbox', { name: /Kväll/ }).uncheck();
  await page.waitForFunction(() => /^100 0/.test((document.querySelector('.filters .result-count')?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ')));
  await settle();

  results.sort.push(
    await inPage(
      page,
      () => [...document.querySelectorAll('th .sort-button')].find((b) => b.textContent?.trim().startsWith('Status'))?.click(),
      () => document.querySelector('th[aria-sort]')?.textContent?.includes('Status'),
    ),
  );

  // One edit (delete a place) until the table no longer shows it: the whole live-query round trip.
  const victim = `${run + 1}771`;
  await page.getByLabel('Sök', { exact: true }).fill(`Enkätplats ${victim}`);
  await page.waitForFunction(() => document.querySelectorAll('.places-table tbody tr').length <= 20, null, { timeout: 60_000 });
  await page.locator(`#row-bench-${victim} .row-button`).click();
  await page.getByTestId('feature-panel').waitFor({ timeout: 60_000 });
  await settle();
  try {
    const updatesBefore = await page.evaluate(() => window.__trygghetskartan.map.sourceUpdates().length);
    t0 = Date.now();
    results.edit.push(
      await inPage(
        page,
        () => [...document.querySelectorAll('[data-testid="feature-panel"] button')].find((b) => b.textContent?.trim() === 'Ta bort')?.click(),
        (id) => !document.getElementById(`row-bench-${id}`),
        victim,
      ),
    );
    // On the map: MapLibre told (updateData of that id) and the place no longer drawn.
    await page.waitForFunction(
      ([n, id]) => window.__trygghetskartan.map.sourceUpdates().slice(n).some((u) => u.ids.includes(id)),
      [updatesBefore, `bench-${victim}`],
      { timeout: 60_000 },
    );
    await page.evaluate(() => window.__trygghetskartan.map.whenIdle());
    const drawn = await page.evaluate((id) => window.__trygghetskartan.map.renderedFeatureIds('unsafe-place').includes(id), `bench-${victim}`);
    if (drawn) throw new Error('the deleted place is still drawn');
    results.editMap.push(Date.now() - t0);
  } catch (error) {
    console.warn(`edit run ${run} not measured: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  }
  await page.getByLabel('Sök', { exact: true }).fill('');
}
console.log(`${COUNT} extra places in IndexedDB (medians of ${RUNS} runs, ms):`);
for (const [name, values] of Object.entries(results)) if (values.length) console.log(`  ${name.padEnd(8)} ${median(values)}   (runs: ${values.join(', ')})`);
console.log(`  start-up phases, ms from navigation (medians): ${Object.entries(phases).map(([name, v]) => `${name} ${median(v)}`).join(', ')}`);
const figures = { places: COUNT, ...Object.fromEntries(Object.entries(results).filter(([, v]) => v.length).map(([name, v]) => [`${name}Ms`, median(v)])) };
// The map interactive with every place drawn (its first idle after the places were set), from the navigation's start.
if (phases['map-drawn']) figures.startupMapDrawnMs = median(phases['map-drawn']);
await page.context().close();

// 2. The shipped dataset in a fresh browser, and what the first page load fetches.
{
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const fresh = await context.newPage();
    const t0 = Date.now();
    await fresh.goto(url);
    await fresh.locator('.app[data-ready="true"]').waitFor({ timeout: 60_000 });
    await fresh.locator('.row-button').first().waitFor();
    runs.push(Date.now() - t0);
    await context.close();
  }
  figures.shippedInteractiveMs = median(runs);
  console.log(`shipped dataset interactive in a fresh browser: ${figures.shippedInteractiveMs} ms (runs: ${runs.join(', ')})`);
  figures.initialJsKbGzip = initialJavaScriptKb();
  console.log(`initial JavaScript (index.html's scripts and their static imports), gzip: ${figures.initialJsKbGzip} kB`);
}

// 3. A million survey answers.
if (ANSWERS > 0) Object.assign(figures, await answersBench(ANSWERS));
// 4. Long tasks with 200 000 answers.
if (ANSWERS > 0) Object.assign(figures, await longTasksBench(LONG_TASK_ANSWERS));

await browser.close();
await server.close();
// One line with every figure, named, for comparing runs.
console.log(JSON.stringify(figures));

/** The scripts index.html loads and every chunk they import statically (modulepreload), gzip-compressed, in kB. */
function initialJavaScriptKb() {
  const html = readFileSync('dist/index.html', 'utf8');
  const files = new Set([...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  // Static imports of those chunks (rolldown writes them as import statements at the top).
  const queue = [...files];
  while (queue.length) {
    const file = queue.pop();
    const text = readFileSync(join('dist', file), 'utf8');
    for (const m of text.matchAll(/(?:^|[;\n])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      const dep = `assets/${m[1]}`;
      if (!files.has(dep)) (files.add(dep), queue.push(dep));
    }
  }
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(join('dist', file))).length;
  return Math.round(bytes / 1024);
}

function surveyFile(n) {
  const file = `/tmp/trygghetskartan-bench-answers-${n}.csv`;
  if (!existsSync(file)) execFileSync('npx', ['tsx', 'scripts/generate.ts', '--answers', String(n), '--seed', '1', '--out', file], { stdio: 'inherit' });
  return file;
}

function plain(text) {
  return (text ?? "").replace(/[\u00a0\u202f\s]/g, "");
}

async function heapMb(p) {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('HeapProfiler.collectGarbage');
  // The JS heap and the array buffers' backing store (typed columns live there, outside the heap).
  const { usedSize, backingStorageSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return Math.round((usedSize + (backingStorageSize ?? 0)) / 1e6);
}

/** Every dedicated worker's JS heap, through the browser's DevTools Protocol (attached, not flattened). */
async function workerHeapsMb() {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const heaps = [];
  let id = 0;
  for (const target of targetInfos.filter((t) => t.type === 'worker')) {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    const ask = (method) =>
      new Promise((resolve) => {
        const my = ++id;
        const listener = (event) => {
          if (event.sessionId !== sessionId) return;
          const message = JSON.parse(event.message);
          if (message.id === my) (cdp.off('Target.receivedMessageFromTarget', listener), resolve(message.result));
        };
        cdp.on('Target.receivedMessageFromTarget', listener);
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: my, method }) });
      });
    await ask('HeapProfiler.collectGarbage');
    const usage = await ask('Runtime.getHeapUsage');
    heaps.push({ url: target.url.split('/').pop(), mb: Math.round(((usage?.usedSize ?? 0) + (usage?.backingStorageSize ?? 0)) / 1e6) });
    await cdp.send('Target.detachFromTarget', { sessionId });
  }
  await cdp.detach();
  return heaps;
}

async function openPlanner(context) {
  const p = await context.newPage();
  await p.goto(url);
  await p.locator('.app[data-ready="true"]').waitFor({ timeout: 120_000 });
  await p.getByRole('tab', { name: 'Planera' }).click();
  return p;
}

async function importAnswers(p, n) {
  const file = surveyFile(n);
  const panel = p.getByTestId('answers-panel');
  const t0 = Date.now();
  let sawProgress = false;
  await panel.getByLabel('Fil med enkätsvar (CSV eller GeoJSON)').setInputFiles(file);
  while (Date.now() - t0 < 300_000) {
    if (await panel.locator('progress').count()) sawProgress = true;
    const result = plain(await panel.getByTestId('answers-result').textContent().catch(() => ''));
    if (/inlästaochsparade/.test(result)) break;
    if (/lästesinte/.test(result)) throw new Error(`import failed: ${result}`);
    await p.waitForTimeout(100);
  }
  const ms = Date.now() - t0;
  const held = plain(await panel.getByTestId('answers-count').textContent());
  if (!held.startsWith(String(n))) throw new Error(`after the import the panel says ${held}`);
  return { ms, sawProgress };
}

async function answersBench(n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let p = await openPlanner(context);
  const imported = await importAnswers(p, n);
  console.log(`${n} answers: CSV import committed in ${imported.ms} ms (progress shown: ${imported.sawProgress})`);
  const startup = [];
  const filter = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = Date.now();
    await p.reload();
    await p.locator('.app[data-ready="true"]').waitFor({ timeout: 120_000 });
    await p.getByRole('tab', { name: 'Planera' }).click().catch(() => {});
    await p.waitForFunction((count) => (document.querySelector('[data-testid="answers-included"]')?.textContent ?? '').replace(/[\s\u00a0\u202f]/g, '').includes(String(count)), n, { timeout: 120_000 });
    startup.push(Date.now() - t0);
    await settle(p);
    filter.push(
      await inPage(
        p,
        () => {
          const select = [...document.querySelectorAll('[data-testid="planner-view"] label')].find((l) => l.textContent?.trim() === 'Tid på dygnet')?.control;
          Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(select, 'kvall');
          select.dispatchEvent(new Event('change', { bubbles: true }));
        },
        (count) => {
          const text = (document.querySelector('[data-testid="answers-included"]')?.textContent ?? '').replace(/[\s\u00a0\u202f]/g, '');
          return /\d/.test(text) && !text.includes(String(count));
        },
        n,
      ),
    );
    await p.getByTestId('planner-view').getByLabel('Tid på dygnet').selectOption('');
  }
  const tabHeap = await heapMb(p);
  const workers = await workerHeapsMb();
  const answersWorker = workers.reduce((a, b) => (b.mb > a.mb ? b : a), { url: '', mb: 0 });
  console.log(`${n} answers: start-up ${median(startup)} ms (runs ${startup.join(', ')}), filter ${median(filter)} ms (runs ${filter.join(', ')}), tab heap ${tabHeap} MB, workers ${workers.map((w) => `${w.url} ${w.mb} MB`).join(', ')}`);
  await context.close();
  return {
    answers: n,
    answersImportMs: imported.ms,
    answersImportShowedProgress: imported.sawProgress,
    answersStartupMs: median(startup),
    answersFilterMs: median(filter),
    tabHeapMb: tabHeap,
    answersWorkerHeapMb: answersWorker.mb,
  };
}

async function longTasksBench(n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  });
  const p = await openPlanner(context);
  await importAnswers(p, n);
  await settle(p);
  const during = async (action) => {
    await p.evaluate(() => (window.__longTasks.length = 0));
    await action();
    await settle(p);
    const tasks = await p.evaluate(() => [...window.__longTasks]);
    return { count: tasks.length, maxMs: Math.round(Math.max(0, ...tasks)) };
  };
  const filtering = await during(async () => {
    for (const value of ['kvall', 'natt', 'dag', '']) {
      await p.getByTestId('planner-view').getByLabel('Tid på dygnet').selectOption(value);
      await p.waitForTimeout(400);
    }
  });
  const editing = await during(async () => {
    await p.getByRole('tab', { name: 'Platser' }).click();
    await p.locator('.row-button').first().click();
    await p.getByTestId('feature-panel').getByRole('button', { name: 'Ta bort', exact: true }).click();
    await p.getByRole('button', { name: 'Ångra', exact: true }).click();
    await p.waitForTimeout(500);
  });
  const panning = await during(async () => {
    const box = await p.getByTestId('map').boundingBox();
    for (let i = 0; i < 6; i++) {
      await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await p.mouse.down();
      await p.mouse.move(box.x + box.width / 2 + (i % 2 ? -150 : 150), box.y + box.height / 2 + 60, { steps: 12 });
      await p.mouse.up();
    }
  });
  console.log(`${n} answers: long tasks (count, longest ms): filtering ${filtering.count}/${filtering.maxMs}, editing ${editing.count}/${editing.maxMs}, panning ${panning.count}/${panning.maxMs}`);
  await context.close();
  return {
    longTaskAnswers: n,
    longTasksFiltering: filtering.count,
    longestTaskFilteringMs: filtering.maxMs,
    longTasksEditing: editing.count,
    longestTaskEditingMs: editing.maxMs,
    longTasksPanning: panning.count,
    longestTaskPanningMs: panning.maxMs,
  };
}
