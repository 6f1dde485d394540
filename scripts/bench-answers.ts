/**
 * npm run bench:answers [-- --sizes 100000,1000000 --runs 3]
 *
 * The answers path at 100 000 and 1 000 000 synthetic answers (scripts/generate-answers.ts,
 * area "four": 85 % around Stockholm, 15 % Nordmaling, 60 % in hot spots, as PERFORMANCE.md
 * measured): medians of `runs` runs, each against the naive way on the same data, as ratios. Ends
 * with one JSON line naming every figure (ms, MB). Run it alone (flock /tmp/heavy.lock): two
 * cores shared with a build halve every number.
 */
import { distance, point } from '@turf/turf';
import { latLngToCell } from 'h3-js';
import { parseArgs } from 'node:util';
import { columnsByteLength, fromRows, fromTransferable, toTransferable, type AnswerColumns } from '../src/analysis/answers/columns';
import { assignCells, assignmentByteLength, densityOf } from '../src/analysis/answers/density';
import { answerFacets } from '../src/analysis/answers/facets';
import { compileFilter, filterMask, type AnswerFilter } from '../src/analysis/answers/filter';
import { buildAnswerIndex, indexByteLength, inView, nearMe, treePrefix, type AnswerIndex } from '../src/analysis/answers/index';
import { haversineMetres } from '../src/analysis/geo';
import type { SurveyAnswer } from '../src/domain/surveyAnswer';
import { parseAnswersCsv } from '../src/io/answers/parseAnswersCsv';
import { AnswerStore } from '../src/analysis/answers/store';
import { generateAnswers, mulberry32, writeAnswersCsv } from './generate-answers';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '100000,1000000' }, runs: { type: 'string', default: '3' }, seed: { type: 'string', default: '20250615' } },
});
const SIZES = values.sizes.split(',').map(Number);
const RUNS = Math.max(3, Number(values.runs));
const SEED = Number(values.seed);
/** A filter like the analysis bench's (kväll + belysning), widened by a reason and narrowed to two years. */
const FILTER: AnswerFilter = { timeOfDay: ['kvall'], reasons: ['belysning', 'skymd sikt'], years: [2023, 2024] };
const QUERIES = 64;
const MB = 1024 * 1024;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** Median over runs of one timed call. */
function time(fn: () => unknown, runs = RUNS): number {
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

/** Median over runs of the per-query median, for queries too fast to time one by one alone. */
function timePerQuery(queries: readonly [number, number][], fn: (q: [number, number]) => unknown): number {
  queries.forEach(fn); // warm the JIT: the app asks the same function many times
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const each = queries.map((q) => {
      const t = performance.now();
      fn(q);
      return performance.now() - t;
    });
    runs.push(median(each));
  }
  return median(runs);
}

async function timeAsync(fn: () => Promise<unknown>, runs = RUNS): Promise<number> {
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

function turfNear(rows: readonly SurveyAnswer[], [lon, lat]: [number, number]) {
  const here = point([lon, lat]);
  const found: { i: number; d: number }[] = [];
  rows.forEach((row, i) => {
    const d = distance(here, [row.lon, row.lat], { units: 'meters' });
    if (d <= 1000) found.push({ i, d });
  });
  return found.sort((a, b) => a.d - b.d).slice(0, 20);
}

function haversineNear(columns: AnswerColumns, [lon, lat]: [number, number]) {
  let count = 0;
  for (let i = 0; i < columns.count; i++) if (haversineMetres(lon, lat, columns.lon[i]!, columns.lat[i]!) <= 1000) count++;
  return count;
}

async function measure(n: number): Promise<Record<string, number>> {
  const rows = generateAnswers({ answers: n, seed: SEED, area: 'four' });
  const random = mulberry32(SEED + n);
  const queries = Array.from({ length: QUERIES }, () => {
    const row = rows[Math.floor(random() * n)]!;
    return [row.lon, row.lat] as [number, number];
  });
  const figures: Record<string, number> = {};
  const put = (name: string, value: number) => (figures[`${name}_${n}`] = round(value));

  let columns: AnswerColumns = fromRows(rows, n);
  put('columnsFromRowsMs', time(() => (columns = fromRows(rows, n))));
  let index: AnswerIndex = buildAnswerIndex(columns);
  put('kdbushBuildMs', time(() => (index = buildAnswerIndex(columns))));

  const near = timePerQuery(queries, (q) => nearMe(index, q[0], q[1], 1000, null, 20));
  const turf = time(() => turfNear(rows, queries[1]!));
  const loop = time(() => haversineNear(columns, queries[2]!));
  put('nearMe1kmMs', near);
  put('nearMe1kmTurfMs', turf);
  put('nearMe1kmHaversineLoopMs', loop);
  put('nearMeVsTurfRatio', turf / near);
  put('nearMeAnswersWithin1kmMedian', median(queries.map((q) => nearMe(index, q[0], q[1], 1000, null, 0).count)));

  let mask = filterMask(columns, compileFilter(FILTER, columns.surveys));
  let prefix = treePrefix(index, mask.match!);
  put('filterChangeMs', time(() => {
    mask = filterMask(columns, compileFilter(FILTER, columns.surveys));
    prefix = treePrefix(index, mask.match!);
  }));
  put('filteredAnswers', mask.count);
  put('nearMe1kmFilteredMs', timePerQuery(queries, (q) => nearMe(index, q[0], q[1], 1000, mask.match, 20)));
  // One screen at zoom 13 (1280×800 px ≈ 0.11° × 0.035° at 59°N) and the whole region.
  put('inViewScreenZ13Ms', timePerQuery(queries, (q) => inView(index, [q[0] - 0.055, q[1] - 0.0175, q[0] + 0.055, q[1] + 0.0175], mask.match, prefix, 5000)));
  put('inViewRegionMs', time(() => inView(index, [17, 59, 20, 64], mask.match, prefix, 0)));

  // As the worker does it: cells assigned in the tree's order (neighbours together), then counted.
  let assignment = assignCells(columns, 8, undefined, index.tree!.ids);
  // All answers assigned and counted, as the naive loop below and PERFORMANCE.md's 1530 ms floor at 1M.
  const density = time(() => densityOf((assignment = assignCells(columns, 8, undefined, index.tree!.ids)), null));
  put('densityRes8Ms', density);
  put('densityRes8InsertionOrderMs', time(() => densityOf(assignCells(columns, 8), null)));
  const naiveDensity = time(() => {
    const counts = new Map<string, number>();
    for (let i = 0; i < columns.count; i++) {
      const h3 = latLngToCell(columns.lat[i]!, columns.lon[i]!, 8);
      counts.set(h3, (counts.get(h3) ?? 0) + 1);
    }
  });
  put('densityRes8NaivePerPointMs', naiveDensity);
  put('densityVsNaiveRatio', naiveDensity / density);
  put('densityRes8RefilterMs', time(() => densityOf(assignment, filterMask(columns, compileFilter({ timeOfDay: ['natt'] }, columns.surveys)).match)));
  put('facetCountsFilteredMs', time(() => answerFacets(columns, compileFilter(FILTER, columns.surveys))));
  // What load costs in postMessage: the columns' buffers transferred (a copy made first, untimed, so `columns` stays).
  const transferMs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const copy = fromTransferable(structuredClone(toTransferable(columns).message));
    const t = performance.now();
    const { message, transfer } = toTransferable(copy);
    structuredClone(message, { transfer });
    transferMs.push(performance.now() - t);
  }
  put('transferToWorkerMs', median(transferMs));

  put('columnsMB', columnsByteLength(columns) / MB);
  put('indexMB', indexByteLength(index) / MB);
  put('columnsPlusIndexMB', (columnsByteLength(columns) + indexByteLength(index)) / MB);
  put('workerStoreMB', (columnsByteLength(columns) + indexByteLength(index) + mask.match!.byteLength + prefix.byteLength + assignmentByteLength(assignment)) / MB);

  // The worker's store end to end (what a request costs inside the worker, messaging aside).
  const received = fromTransferable(structuredClone(toTransferable(columns).message));
  let store = new AnswerStore();
  // Load, then the first near-me (which builds the tree): what start-up costs in the worker.
  put('workerLoadAndFirstNearMeMs', time(() => {
    store = new AnswerStore();
    store.load(received);
    store.nearMe(queries[0]![0], queries[0]![1], 1000);
  }));
  store.density(8);
  const filters: AnswerFilter[] = [FILTER, { timeOfDay: ['natt'] }, { years: [2022], reasons: ['narkotika'] }];
  let f = 0;
  // A filter change as the UI sees it: new mask, then the counts in view, the density and the facets again.
  put('workerFilterChangeMs', time(() => {
    store.setFilter(filters[f++ % filters.length]!);
    store.inView([17.5, 59, 19.5, 59.6], 5000);
    store.density(8);
    store.facetCounts();
  }));
  put('workerMemoryMB', store.memory().totalMB);

  if (n <= 1_000_000) {
    const parts: string[] = [];
    writeAnswersCsv({ answers: n, seed: SEED, area: 'four' }, (t) => parts.push(t));
    const csv = parts.join('');
    put('csvMB', csv.length / MB);
    put('csvImportMs', await timeAsync(() => parseAnswersCsv(csv, { onChunk: () => {} })));
  }
  return figures;
}

const all: Record<string, number> = {};
for (const n of SIZES) {
  const figures = await measure(n);
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(40)} ${value}`);
  Object.assign(all, figures);
}
console.log(JSON.stringify({ bench: 'answers', runs: RUNS, seed: SEED, node: process.version, ...all }));
