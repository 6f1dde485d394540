import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { AnswerColumnsBuilder, answerAt, type AnswerColumns } from '../../src/analysis/answers/columns';
import { answerDensity, assignCells, densityOf } from '../../src/analysis/answers/density';
import { answerFacets } from '../../src/analysis/answers/facets';
import { compileFilter, filterMask, passes, type AnswerFilter } from '../../src/analysis/answers/filter';
import { buildAnswerIndex, inView, nearMe, treePrefix } from '../../src/analysis/answers/index';
import { haversineMetres } from '../../src/analysis/geo';
import type { Bounds } from '../../src/domain/geometry';
import { TIMES_OF_DAY } from '../../src/domain/layers';
import { SURVEY_REASONS } from '../../src/domain/surveyAnswer';
import { FIRST_YEAR, YEARS, generateAnswerColumns, mulberry32 } from '../../scripts/generate-answers';

/**
 * Property-style: for several seeds, synthetic answers (clustered, so queries hit dense and empty
 * places), random filters and random query points; every indexed answer must equal a brute-force
 * pass over all answers with the same haversine.
 */
const SEEDS = [1, 2, 3, 42, 2025];
const N = 6000;

function randomFilter(random: () => number, columns: AnswerColumns): AnswerFilter {
  const some = <T>(items: readonly T[]) => items.filter(() => random() < 0.4);
  const filter: AnswerFilter = {};
  if (random() < 0.5) filter.years = some(Array.from({ length: YEARS }, (_, y) => FIRST_YEAR + y));
  if (random() < 0.5) filter.timeOfDay = some([...TIMES_OF_DAY, null]);
  if (random() < 0.5) filter.reasons = some(SURVEY_REASONS);
  if (random() < 0.3) filter.surveys = some(columns.surveys);
  return filter;
}

/** The filter's meaning, written out without the compiled tables. */
function bruteMatches(columns: AnswerColumns, filter: AnswerFilter): boolean[] {
  return Array.from({ length: columns.count }, (_, i) => {
    const a = answerAt(columns, i);
    if (filter.years?.length && !filter.years.includes(a.year)) return false;
    if (filter.timeOfDay?.length && !filter.timeOfDay.includes(a.timeOfDay)) return false;
    if (filter.reasons?.length && !a.reasons.some((r) => filter.reasons!.includes(r))) return false;
    if (filter.surveys?.length && !filter.surveys.includes(a.survey)) return false;
    return true;
  });
}

function queryPoint(random: () => number, columns: AnswerColumns): [number, number] {
  // Half at an answer (dense), half anywhere in the data's box (often empty).
  if (random() < 0.5) {
    const i = Math.floor(random() * columns.count);
    return [columns.lon[i]!, columns.lat[i]!];
  }
  return [17.3 + random() * 2.5, 59 + random() * 5];
}

describe.each(SEEDS)('answers index, seed %i', (seed) => {
  const columns = generateAnswerColumns({ answers: N, seed, area: seed % 2 ? 'four' : 'sweden' });
  const index = buildAnswerIndex(columns);
  const random = mulberry32(seed * 7919);

  it('filter mask: compiled tables agree with the written-out filter', () => {
    for (let k = 0; k < 10; k++) {
      const filter = randomFilter(random, columns);
      const compiled = compileFilter(filter, columns.surveys);
      const brute = bruteMatches(columns, filter);
      const mask = filterMask(columns, compiled);
      expect(mask.count).toBe(brute.filter(Boolean).length);
      expect(Array.from({ length: columns.count }, (_, i) => passes(columns, compiled, i))).toEqual(brute);
      expect(mask.match === null ? brute.map(() => true) : [...mask.match].map((m) => m === 1)).toEqual(brute);
    }
  });

  it('nearMe equals a haversine over every answer: count, nearest ids and distances, with filters', () => {
    let beyondLimit = 0;
    for (let k = 0; k < 40; k++) {
      const [lon, lat] = queryPoint(random, columns);
      const radius = [50, 300, 1000, 5000, 20_000][k % 5]!;
      const filter = k % 3 === 0 ? {} : randomFilter(random, columns);
      const { match } = filterMask(columns, compileFilter(filter, columns.surveys));
      const brute = bruteMatches(columns, filter)
        .map((ok, id) => ({ ok, id, d: haversineMetres(lon, lat, columns.lon[id]!, columns.lat[id]!) }))
        .filter((x) => x.ok && x.d <= radius)
        .sort((a, b) => a.d - b.d || a.id - b.id);
      const limit = 1 + (k % 25);
      // With and without the prefix sums that let whole subtrees inside the circle count at once.
      const found = nearMe(index, lon, lat, radius, match, limit, match && k % 2 ? treePrefix(index, match) : null);
      expect(found.count).toBe(brute.length);
      expect([...found.distances]).toEqual(brute.slice(0, limit).map((x) => x.d));
      expect([...found.ids]).toEqual(brute.slice(0, limit).map((x) => x.id));
      if (brute.length > limit) beyondLimit++;
    }
    // The property is only worth something if many queries found more than they list.
    expect(beyondLimit).toBeGreaterThan(5);
  });

  it('inView counts what a box holds (whole subtrees counted at once), with and without filters', () => {
    for (let k = 0; k < 40; k++) {
      const [lon, lat] = queryPoint(random, columns);
      const w = random() * (k % 5 === 0 ? 12 : 0.3), h = random() * (k % 5 === 0 ? 10 : 0.15);
      const bounds: Bounds = [lon - w / 2, lat - h / 2, lon + w / 2, lat + h / 2];
      const filter = k % 2 ? randomFilter(random, columns) : {};
      const { match } = filterMask(columns, compileFilter(filter, columns.surveys));
      const brute = bruteMatches(columns, filter)
        .map((ok, id) => ({ ok, id }))
        .filter(({ ok, id }) => ok && columns.lon[id]! >= bounds[0] && columns.lon[id]! <= bounds[2] && columns.lat[id]! >= bounds[1] && columns.lat[id]! <= bounds[3])
        .map(({ id }) => id);
      const prefix = match ? treePrefix(index, match) : null;
      const found = inView(index, bounds, match, prefix, 500);
      expect(found.count).toBe(brute.length);
      if (brute.length <= 500) expect([...(found.ids ?? [])].sort((a, b) => a - b)).toEqual(brute);
      else expect(found.ids).toBeNull();
    }
  });

  it('density: every answer in the cell latLngToCell gives it, counts summing to the filtered total', () => {
    let k = 0;
    for (const resolution of [5, 6, 7, 8, 9, 10]) {
      const filter = randomFilter(random, columns);
      const { match, count } = filterMask(columns, compileFilter(filter, columns.surveys));
      const density = k++ % 2 ? answerDensity(columns, resolution, match) : densityOf(assignCells(columns, resolution, undefined, index.tree!.ids), match);
      const expected = new Map<string, number>();
      bruteMatches(columns, filter).forEach((ok, i) => {
        if (!ok) return;
        const h3 = latLngToCell(columns.lat[i]!, columns.lon[i]!, resolution);
        expected.set(h3, (expected.get(h3) ?? 0) + 1);
      });
      expect(density.total).toBe(count);
      expect([...density.counts].reduce((a, b) => a + b, 0)).toBe(count);
      expect(new Map(density.cells.map((h3, k) => [h3, density.counts[k]!]))).toEqual(expected);
      for (let k = 1; k < density.counts.length; k++) expect(density.counts[k - 1]!).toBeGreaterThanOrEqual(density.counts[k]!);
    }
  });

  it('facet counts: each facet counted with every other facet applied, not its own', () => {
    for (let k = 0; k < 8; k++) {
      const filter = randomFilter(random, columns);
      const facets = answerFacets(columns, compileFilter(filter, columns.surveys));
      const without = (key: keyof AnswerFilter) => bruteMatches(columns, { ...filter, [key]: [] });
      const rows = Array.from({ length: columns.count }, (_, i) => answerAt(columns, i));
      const tally = <K>(ok: boolean[], keys: (i: number) => K[]) => {
        const counts = new Map<K, number>();
        ok.forEach((pass, i) => pass && keys(i).forEach((key) => counts.set(key, (counts.get(key) ?? 0) + 1)));
        return counts;
      };
      expect(facets.total).toBe(bruteMatches(columns, filter).filter(Boolean).length);
      expect(new Map(facets.years.map((y) => [y.year, y.count]))).toEqual(tally(without('years'), (i) => [rows[i]!.year]));
      const times = tally(without('timeOfDay'), (i) => [rows[i]!.timeOfDay ?? 'okand']);
      for (const [key, value] of Object.entries(facets.timeOfDay)) expect(value).toBe(times.get(key as never) ?? 0);
      const reasons = tally(without('reasons'), (i) => rows[i]!.reasons);
      for (const reason of SURVEY_REASONS) expect(facets.reasons[reason]).toBe(reasons.get(reason) ?? 0);
      const surveys = tally(without('surveys'), (i) => [rows[i]!.survey]);
      for (const { survey, count } of facets.surveys) expect(count).toBe(surveys.get(survey) ?? 0);
    }
  });
});

describe('cell assignment after an append', () => {
  it('extends to the new answers only and equals one made from scratch', () => {
    const first = generateAnswerColumns({ answers: 2000, seed: 5, area: 'four' });
    const more = generateAnswerColumns({ answers: 1500, seed: 6, area: 'sweden' });
    const builder = AnswerColumnsBuilder.adopt(first);
    const before = assignCells(builder.view(), 8);
    builder.append(more);
    const extended = assignCells(builder.view(), 8, before);
    expect(extended.count).toBe(3500);
    expect(densityOf(extended, null)).toEqual(answerDensity(builder.finish(), 8));
  });

  it('refuses a resolution outside 5–10', () => {
    expect(() => answerDensity(generateAnswerColumns({ answers: 10, seed: 1, area: 'four' }), 11)).toThrow(RangeError);
  });
});

describe('empty store', () => {
  it('answers every query with nothing', () => {
    const empty = new AnswerColumnsBuilder(0).finish();
    const index = buildAnswerIndex(empty);
    expect(nearMe(index, 18, 59, 1000).count).toBe(0);
    expect(inView(index, [0, 0, 90, 90]).count).toBe(0);
    expect(answerDensity(empty, 8).total).toBe(0);
    expect(answerFacets(empty, compileFilter({}, [])).total).toBe(0);
  });
});

describe('cell assignment in tree order (the inscribed-disc shortcut)', () => {
  it('gives exactly latLngToCell for dense answers near every edge, at every resolution', () => {
    // 40 000 answers packed into a few cells, so many lie within metres of an edge.
    const random = mulberry32(99);
    const builder = new AnswerColumnsBuilder(40_000);
    const survey = builder.surveyIndex('S');
    for (let i = 0; i < 40_000; i++) builder.push(18.07 + random() * 0.02, 59.33 + random() * 0.01, survey, 2024, 0, 0);
    const columns = builder.finish();
    const order = buildAnswerIndex(columns).tree!.ids;
    for (let resolution = 5; resolution <= 10; resolution++) {
      const assignment = assignCells(columns, resolution, undefined, order);
      for (let i = 0; i < columns.count; i++) {
        const want = latLngToCell(columns.lat[i]!, columns.lon[i]!, resolution);
        if (assignment.cells[assignment.cellOf[i]!] !== want) expect.fail(`answer ${i} at res ${resolution}: ${assignment.cells[assignment.cellOf[i]!]} ≠ ${want}`);
      }
    }
  });
});
