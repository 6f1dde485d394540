import { TIMES_OF_DAY, type TimeOfDay } from '../../domain/layers';
import { SURVEY_REASONS, type SurveyReason } from '../../domain/surveyAnswer';
import { TIME_CODE_COUNT, timeOfDayOfCode, type AnswerColumns } from './columns';
import type { CompiledFilter } from './filter';

/** Time-of-day facet keys: the three times and 'okand' for answers that gave none. */
export type TimeFacetKey = TimeOfDay | 'okand';

export interface AnswerFacets {
  /** Answers passing the whole filter. */
  total: number;
  /** Non-zero years only, oldest first. */
  years: { year: number; count: number }[];
  timeOfDay: Record<TimeFacetKey, number>;
  /** An answer with two reasons counts under both. */
  reasons: Record<SurveyReason, number>;
  /** By survey name, in the order of the columns' survey table. */
  surveys: { survey: string; count: number }[];
}

/**
 * Facet counts in one pass, as the table's facets count (src/domain/filters.ts facetCounts): each
 * facet's numbers are taken with every other facet's choice applied but not its own, so they say
 * what ticking that value would give. An answer failing no facet counts in all of them; failing
 * exactly one, only in that one; failing two or more, nowhere.
 */
export function answerFacets(columns: AnswerColumns, filter: CompiledFilter): AnswerFacets {
  const years = new Uint32Array(0x10000);
  const times = new Uint32Array(TIME_CODE_COUNT);
  const reasons = new Uint32Array(SURVEY_REASONS.length);
  const surveys = new Uint32Array(columns.surveys.length);
  const { year, timeOfDay, reasons: reasonBits, survey } = columns;
  let total = 0;
  for (let i = 0; i < columns.count; i++) {
    const y = year[i]!, t = timeOfDay[i]!, r = reasonBits[i]!, s = survey[i]!;
    const failYear = filter.years !== null && filter.years[y] !== 1;
    const failTime = filter.times !== null && filter.times[t] !== 1;
    const failReason = filter.reasons !== 0 && (r & filter.reasons) === 0;
    const failSurvey = filter.surveys !== null && filter.surveys[s] !== 1;
    const failed = +failYear + +failTime + +failReason + +failSurvey;
    if (failed > 1) continue;
    if (failed === 0) total++;
    if (!failed || failYear) years[y]!++;
    if (!failed || failTime) times[t]!++;
    if (!failed || failSurvey) surveys[s]!++;
    if (!failed || failReason) {
      for (let bits = r; bits !== 0; bits &= bits - 1) reasons[31 - Math.clz32(bits & -bits)]!++;
    }
  }
  const yearList: AnswerFacets['years'] = [];
  for (let y = 0; y < years.length; y++) if (years[y]! > 0) yearList.push({ year: y, count: years[y]! });
  const timeCounts = { okand: 0 } as Record<TimeFacetKey, number>;
  for (const time of TIMES_OF_DAY) timeCounts[time] = 0;
  for (let code = 0; code < TIME_CODE_COUNT; code++) timeCounts[timeOfDayOfCode(code) ?? 'okand'] = times[code]!;
  const reasonCounts = Object.fromEntries(SURVEY_REASONS.map((reason, bit) => [reason, reasons[bit]!])) as Record<SurveyReason, number>;
  return {
    total,
    years: yearList,
    timeOfDay: timeCounts,
    reasons: reasonCounts,
    surveys: columns.surveys.map((name, k) => ({ survey: name, count: surveys[k]! })),
  };
}
