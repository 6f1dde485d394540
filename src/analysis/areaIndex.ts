import { PROBLEM_INDEX_MAX, PROBLEM_INDEX_MIN, type AreaIndexMode, type AreaIndexRow } from '../domain/areaIndex';

/** One area's result for one question: the chosen (or latest) year, the survey before it, and the change. */
export interface AreaIndexSummary {
  areaKey: string;
  /** The year shown: the chosen year, or the area's latest when none is chosen; null without any value. */
  year: number | null;
  value: number | null;
  /** The area's latest survey before `year` that has this question. */
  previousYear: number | null;
  previousValue: number | null;
  /** value − previousValue, to two decimals: negative is better (fewer problems). */
  change: number | null;
}

/** A choropleth class: values from `min` to `max` (null = unbounded), each end included or not. */
export interface ChoroplethClass {
  key: string;
  min: number | null;
  max: number | null;
  minInclusive: boolean;
  maxInclusive: boolean;
}

/** Areas without a value for the chosen year (level) or without an earlier survey (change). */
export const NO_DATA_CLASS = 'no-data';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The questions in the order the file first gives them. */
export function areaIndexQuestions(rows: readonly AreaIndexRow[]): string[] {
  return [...new Set(rows.map((r) => r.question))];
}

/** The years with a value for the question (or any question), oldest first. */
export function areaIndexYears(rows: readonly AreaIndexRow[], question?: string): number[] {
  return [...new Set(rows.filter((r) => question === undefined || r.question === question).map((r) => r.year))].sort((a, b) => a - b);
}

/**
 * Per area and question: the value of `year` (or of the area's latest year when `year` is null),
 * the area's previous survey with the same question, and the change between them. Surveys are not
 * always yearly, so "previous" is the latest earlier year the area has, which the result names.
 * Every key in `areaKeys` gets a summary, with nulls where there is nothing to show.
 */
export function summariseAreaIndex(rows: readonly AreaIndexRow[], areaKeys: readonly string[], question: string, year: number | null = null): AreaIndexSummary[] {
  const byArea = new Map<string, Map<number, number>>();
  for (const row of rows) {
    if (row.question !== question) continue;
    const years = byArea.get(row.areaKey) ?? new Map<number, number>();
    // The importer keeps the first of duplicates; so does this.
    if (!years.has(row.year)) years.set(row.year, row.index);
    byArea.set(row.areaKey, years);
  }
  return areaKeys.map((areaKey) => {
    const years = byArea.get(areaKey);
    const sorted = years ? [...years.keys()].sort((a, b) => a - b) : [];
    const shown = year ?? sorted.at(-1) ?? null;
    const value = shown !== null ? (years?.get(shown) ?? null) : null;
    const previousYear = shown !== null ? (sorted.filter((y) => y < shown).at(-1) ?? null) : null;
    const previousValue = previousYear !== null ? years!.get(previousYear)! : null;
    const change = value !== null && previousValue !== null ? round2(value - previousValue) : null;
    return { areaKey, year: value !== null ? shown : year, value, previousYear, previousValue, change };
  });
}

const cls = (key: string, min: number | null, max: number | null, minInclusive: boolean, maxInclusive: boolean): ChoroplethClass => ({ key, min, max, minInclusive, maxInclusive });

/** The level on the survey's own fixed scale, one class per index step: 0 to under 1, …, 5 to 6. */
export const LEVEL_CLASSES: readonly ChoroplethClass[] = Array.from({ length: PROBLEM_INDEX_MAX - PROBLEM_INDEX_MIN }, (_, i) =>
  cls(`level-${i}`, PROBLEM_INDEX_MIN + i, PROBLEM_INDEX_MIN + i + 1, true, i === PROBLEM_INDEX_MAX - PROBLEM_INDEX_MIN - 1),
);

/** Where a change counts as a change, and as a large one (index steps, symmetric around 0). */
export const CHANGE_BREAKS = { small: 0.3, large: 1 } as const;

/**
 * Diverging around "about the same": lower is better, so falling values are improvements. Fixed
 * breaks, so a colour means the same change for every question and year.
 */
export const CHANGE_CLASSES: readonly ChoroplethClass[] = [
  cls('much-better', null, -CHANGE_BREAKS.large, false, true),
  cls('better', -CHANGE_BREAKS.large, -CHANGE_BREAKS.small, false, true),
  cls('unchanged', -CHANGE_BREAKS.small, CHANGE_BREAKS.small, false, false),
  cls('worse', CHANGE_BREAKS.small, CHANGE_BREAKS.large, true, false),
  cls('much-worse', CHANGE_BREAKS.large, null, true, false),
];

export const classesFor = (mode: AreaIndexMode): readonly ChoroplethClass[] => (mode === 'level' ? LEVEL_CLASSES : CHANGE_CLASSES);

export function inClass(value: number, c: ChoroplethClass): boolean {
  const aboveMin = c.min === null || (c.minInclusive ? value >= c.min : value > c.min);
  const belowMax = c.max === null || (c.maxInclusive ? value <= c.max : value < c.max);
  return aboveMin && belowMax;
}

/** The class of a value (rounded to two decimals, as shown), or null for no value. */
export function classify(value: number | null, classes: readonly ChoroplethClass[]): ChoroplethClass | null {
  if (value === null || !Number.isFinite(value)) return null;
  const v = round2(value);
  return classes.find((c) => inClass(v, c)) ?? null;
}

/** The class key an area is drawn with in a mode: its level's or its change's, or NO_DATA_CLASS. */
export function areaClassKey(summary: AreaIndexSummary, mode: AreaIndexMode): string {
  return classify(mode === 'level' ? summary.value : summary.change, classesFor(mode))?.key ?? NO_DATA_CLASS;
}

/** How many areas fall in each class, NO_DATA_CLASS included, for the legend. */
export function classCounts(summaries: readonly AreaIndexSummary[], mode: AreaIndexMode): Map<string, number> {
  const counts = new Map<string, number>([...classesFor(mode).map((c) => [c.key, 0] as [string, number]), [NO_DATA_CLASS, 0]]);
  for (const s of summaries) {
    const key = areaClassKey(s, mode);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
