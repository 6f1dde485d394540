import type { TimeOfDay } from '../../domain/layers';
import type { SurveyReason } from '../../domain/surveyAnswer';
import { reasonMask, timeOfDayCode, type AnswerColumns } from './columns';

/**
 * Which answers count. Each list means "any of these"; an empty or missing list means "not
 * filtered on this" (the UI's nothing-ticked state, as in src/analysis/density.ts), not "none".
 */
export interface AnswerFilter {
  years?: readonly number[];
  /** null in the list: answers that gave no time of day. */
  timeOfDay?: readonly (TimeOfDay | null)[];
  /** An answer matches when it gave at least one of these. */
  reasons?: readonly SurveyReason[];
  /** Survey names, as in the columns' survey table. */
  surveys?: readonly string[];
}

/**
 * The filter as lookup tables, so testing one answer costs four array reads and no string or
 * Set: a year table over the whole Uint16 range (64 kB, no bounds test), a time-code table, a
 * reason bitmask and a table over the store's survey indexes. A null table: not filtered on it.
 */
export interface CompiledFilter {
  readonly years: Uint8Array | null;
  readonly times: Uint8Array | null;
  /** 0: not filtered on reasons. */
  readonly reasons: number;
  readonly surveys: Uint8Array | null;
  /** True when nothing is filtered: callers skip the test altogether. */
  readonly all: boolean;
}

export function compileFilter(filter: AnswerFilter | undefined, surveyNames: readonly string[]): CompiledFilter {
  let years: Uint8Array | null = null;
  if (filter?.years?.length) {
    years = new Uint8Array(0x10000);
    for (const year of filter.years) if (Number.isInteger(year) && year >= 0 && year < 0x10000) years[year] = 1;
  }
  let times: Uint8Array | null = null;
  if (filter?.timeOfDay?.length) {
    times = new Uint8Array(256);
    for (const time of filter.timeOfDay) times[timeOfDayCode(time)] = 1;
  }
  const reasons = filter?.reasons?.length ? reasonMask(filter.reasons) : 0;
  let surveys: Uint8Array | null = null;
  if (filter?.surveys?.length) {
    const chosen = new Set(filter.surveys);
    surveys = Uint8Array.from(surveyNames, (name) => (chosen.has(name) ? 1 : 0));
  }
  return { years, times, reasons, surveys, all: !years && !times && !reasons && !surveys };
}

/** Answer i passes every part of the filter. */
export function passes(columns: AnswerColumns, filter: CompiledFilter, i: number): boolean {
  if (filter.years && filter.years[columns.year[i]!] !== 1) return false;
  if (filter.times && filter.times[columns.timeOfDay[i]!] !== 1) return false;
  if (filter.reasons && (columns.reasons[i]! & filter.reasons) === 0) return false;
  if (filter.surveys && filter.surveys[columns.survey[i]!] !== 1) return false;
  return true;
}

/**
 * One pass: 1 for each answer that passes. Made once per filter change, so every query after it
 * (near me, in view, density) tests an answer with one byte read. Null when nothing is filtered.
 */
export interface FilterMask {
  readonly match: Uint8Array | null;
  /** How many answers pass. */
  readonly count: number;
}

export function filterMask(columns: AnswerColumns, filter: CompiledFilter): FilterMask {
  if (filter.all) return { match: null, count: columns.count };
  const match = new Uint8Array(columns.count);
  let count = 0;
  // passes() inlined by hand, its tables and columns in locals: at a million answers the call per
  // answer (V8 did not inline it) was two thirds of a filter change in the worker.
  const { year, timeOfDay, reasons, survey } = columns;
  const { years, times, reasons: wanted, surveys } = filter;
  for (let i = 0; i < columns.count; i++) {
    if (years && years[year[i]!] !== 1) continue;
    if (times && times[timeOfDay[i]!] !== 1) continue;
    if (wanted && (reasons[i]! & wanted) === 0) continue;
    if (surveys && surveys[survey[i]!] !== 1) continue;
    match[i] = 1;
    count++;
  }
  return { match, count };
}
