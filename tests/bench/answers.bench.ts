import { distance, point } from '@turf/turf';
import { latLngToCell } from 'h3-js';
import { bench, describe } from 'vitest';
import { columnsByteLength, fromRows } from '../../src/analysis/answers/columns';
import { assignCells, densityOf } from '../../src/analysis/answers/density';
import { answerFacets } from '../../src/analysis/answers/facets';
import { compileFilter, filterMask, type AnswerFilter } from '../../src/analysis/answers/filter';
import { buildAnswerIndex, indexByteLength, nearMe } from '../../src/analysis/answers/index';
import { generateAnswers, mulberry32 } from '../../scripts/generate-answers';

/**
 * Survey answers as columns at 100 000 and 1 000 000 (scripts/generate-answers.ts, area "four",
 * as PERFORMANCE.md's data), each against the naive way in the same run. The one-line JSON summary
 * with every figure and ratio is `npm run bench:answers` (scripts/bench-answers.ts).
 */
const FILTER: AnswerFilter = { timeOfDay: ['kvall'], reasons: ['belysning', 'skymd sikt'], years: [2023, 2024] };
const heavy = { time: 0, iterations: 3, warmupIterations: 1 };

for (const n of [100_000, 1_000_000]) {
  const rows = generateAnswers({ answers: n, seed: 20250615, area: 'four' });
  const columns = fromRows(rows, n);
  const index = buildAnswerIndex(columns);
  const compiled = compileFilter(FILTER, columns.surveys);
  const { match } = filterMask(columns, compiled);
  const assignment = assignCells(columns, 8, undefined, index.tree!.ids);
  const random = mulberry32(n);
  const queries = Array.from({ length: 64 }, () => rows[Math.floor(random() * n)]!);
  let q = 0;
  const next = () => queries[q++ % queries.length]!;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(`answers ${n}: columns ${mb(columnsByteLength(columns))} MB + KDBush ${mb(indexByteLength(index))} MB = ${mb(columnsByteLength(columns) + indexByteLength(index))} MB`);

  describe(`near me, answers within 1 km (count + 20 nearest), ${n} answers`, () => {
    bench('nearMe (tree walk + geokdbush around)', () => {
      const { lon, lat } = next();
      nearMe(index, lon, lat, 1000, null, 20);
    });
    bench('nearMe under a filter', () => {
      const { lon, lat } = next();
      nearMe(index, lon, lat, 1000, match, 20);
    });
    bench('naive: turf.distance over every answer', () => {
      const { lon, lat } = next();
      const here = point([lon, lat]);
      const found: number[] = [];
      for (let i = 0; i < rows.length; i++) {
        if (distance(here, [rows[i]!.lon, rows[i]!.lat], { units: 'meters' }) <= 1000) found.push(i);
      }
    }, heavy);
  });

  // Only the density benches do the naive way's job: they have a group of their own, so each
  // ratio against the naive way compares like with like.
  describe(`H3 density res 8, ${n} answers`, () => {
    bench('cells assigned in tree order + counts (first time, as the worker does)', () => {
      densityOf(assignCells(columns, 8, undefined, index.tree!.ids), match);
    }, heavy);
    bench('naive: latLngToCell per answer + Map of counts', () => {
      const counts = new Map<string, number>();
      for (let i = 0; i < columns.count; i++) {
        const h3 = latLngToCell(columns.lat[i]!, columns.lon[i]!, 8);
        counts.set(h3, (counts.get(h3) ?? 0) + 1);
      }
    }, heavy);
    bench('counts under a new filter, cells already assigned', () => {
      densityOf(assignment, filterMask(columns, compileFilter({ timeOfDay: ['natt'] }, columns.surveys)).match);
    }, heavy);
  });

  describe(`once per data or filter change, ${n} answers`, () => {
    bench('columns from rows (fromRows)', () => {
      fromRows(rows, n);
    }, heavy);
    bench('KDBush build', () => {
      buildAnswerIndex(columns);
    }, heavy);
    bench('filter change (mask)', () => {
      filterMask(columns, compileFilter(FILTER, columns.surveys));
    }, heavy);
    bench('facet counts under a filter', () => {
      answerFacets(columns, compiled);
    }, heavy);
  });
}
