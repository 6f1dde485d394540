import { TIMES_OF_DAY, type TimeOfDay } from '../../domain/layers';
import { MAX_SURVEYS } from './columnsTransfer';
import { SURVEY_REASONS, type SurveyAnswer, type SurveyReason } from '../../domain/surveyAnswer';

/**
 * Survey answers as columns: one typed array per field, answer i at position i of each. A million
 * answers take 23 MB here, against about 250 MB as one object each (PERFORMANCE.md), and the
 * arrays' buffers cross to a worker by transfer instead of a 5 s structured clone.
 *
 * Positions are Float64: Float32 would save 8 MB at 1M but rounds longitude at 18°E to about 1 m
 * and latitude to about 0.5 m, which moves answers across a near-me radius or an H3 edge.
 */
export interface AnswerColumns {
  readonly count: number;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly year: Uint16Array;
  /** TIME_CODES: 0 unknown, then TIMES_OF_DAY in order. */
  readonly timeOfDay: Uint8Array;
  /** Bit i set: the answer gave SURVEY_REASONS[i]. */
  readonly reasons: Uint16Array;
  /** Index into `surveys`. */
  readonly survey: Uint16Array;
  /** Each survey's name once; an answer holds only its index. */
  readonly surveys: readonly string[];
}

/** Time-of-day codes: 0 is "not said", so a zero-filled column means unknown, never "dag". */
export const UNKNOWN_TIME_CODE = 0;
export const TIME_CODE_COUNT = TIMES_OF_DAY.length + 1;

export function timeOfDayCode(time: TimeOfDay | null): number {
  return time === null ? UNKNOWN_TIME_CODE : TIMES_OF_DAY.indexOf(time) + 1;
}

export function timeOfDayOfCode(code: number): TimeOfDay | null {
  return code === UNKNOWN_TIME_CODE ? null : (TIMES_OF_DAY[code - 1] ?? null);
}

export function reasonMask(reasons: readonly SurveyReason[]): number {
  let mask = 0;
  for (const reason of reasons) mask |= 1 << SURVEY_REASONS.indexOf(reason);
  return mask;
}

export function reasonsOfMask(mask: number): SurveyReason[] {
  return SURVEY_REASONS.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** The Uint16 survey column limits a store to this many distinct surveys (columnsTransfer.ts). */
export { MAX_SURVEYS } from './columnsTransfer';

/**
 * Appends answers into growing typed arrays (capacity doubles, so a million appends copy about two
 * million values in all). No object is made per answer: `push` takes the fields as numbers.
 */
export class AnswerColumnsBuilder {
  private size = 0;
  private lon: Float64Array;
  private lat: Float64Array;
  private year: Uint16Array;
  private timeOfDay: Uint8Array;
  private reasons: Uint16Array;
  private survey: Uint16Array;
  private readonly surveyNames: string[] = [];
  private readonly surveyIndexes = new Map<string, number>();

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(16, initialCapacity);
    this.lon = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.year = new Uint16Array(capacity);
    this.timeOfDay = new Uint8Array(capacity);
    this.reasons = new Uint16Array(capacity);
    this.survey = new Uint16Array(capacity);
  }

  /** Takes over finished columns without copying them; later pushes grow them. */
  static adopt(columns: AnswerColumns): AnswerColumnsBuilder {
    const builder = new AnswerColumnsBuilder(0);
    builder.size = columns.count;
    builder.lon = columns.lon;
    builder.lat = columns.lat;
    builder.year = columns.year;
    builder.timeOfDay = columns.timeOfDay;
    builder.reasons = columns.reasons;
    builder.survey = columns.survey;
    columns.surveys.forEach((name) => builder.surveyIndex(name));
    return builder;
  }

  get count(): number {
    return this.size;
  }

  /** Bytes held, capacity included: what the store really costs, not just what it uses. */
  get byteLength(): number {
    return this.lon.byteLength + this.lat.byteLength + this.year.byteLength + this.timeOfDay.byteLength + this.reasons.byteLength + this.survey.byteLength;
  }

  surveyIndex(name: string): number {
    const known = this.surveyIndexes.get(name);
    if (known !== undefined) return known;
    if (this.surveyNames.length >= MAX_SURVEYS) throw new RangeError(`högst ${MAX_SURVEYS} enkäter i ett svarslager`);
    this.surveyIndexes.set(name, this.surveyNames.length);
    this.surveyNames.push(name);
    return this.surveyNames.length - 1;
  }

  /** One answer, already validated (surveyAnswerSchema): codes from timeOfDayCode and reasonMask. */
  push(lon: number, lat: number, surveyIndex: number, year: number, timeCode: number, reasons: number): void {
    if (this.size === this.lon.length) this.grow(this.size + 1);
    const i = this.size++;
    this.lon[i] = lon;
    this.lat[i] = lat;
    this.survey[i] = surveyIndex;
    this.year[i] = year;
    this.timeOfDay[i] = timeCode;
    this.reasons[i] = reasons;
  }

  pushAnswer(answer: SurveyAnswer): void {
    this.push(answer.lon, answer.lat, this.surveyIndex(answer.survey), answer.year, timeOfDayCode(answer.timeOfDay), reasonMask(answer.reasons));
  }

  /** A chunk of columns (from a parser or another thread): copied in bulk, survey indexes remapped. */
  append(chunk: AnswerColumns): void {
    if (chunk.count === 0) return;
    this.grow(this.size + chunk.count);
    const at = this.size;
    const n = chunk.count;
    this.lon.set(chunk.lon.subarray(0, n), at);
    this.lat.set(chunk.lat.subarray(0, n), at);
    this.year.set(chunk.year.subarray(0, n), at);
    this.timeOfDay.set(chunk.timeOfDay.subarray(0, n), at);
    this.reasons.set(chunk.reasons.subarray(0, n), at);
    const remap = Uint16Array.from(chunk.surveys, (name) => this.surveyIndex(name));
    const identity = remap.every((to, from) => to === from);
    if (identity) this.survey.set(chunk.survey.subarray(0, n), at);
    else for (let i = 0; i < n; i++) this.survey[at + i] = remap[chunk.survey[i]!]!;
    this.size += n;
  }

  /** The answers so far as views on the builder's arrays: no copy, valid until the next push. */
  view(): AnswerColumns {
    const n = this.size;
    return {
      count: n,
      lon: this.lon.subarray(0, n),
      lat: this.lat.subarray(0, n),
      year: this.year.subarray(0, n),
      timeOfDay: this.timeOfDay.subarray(0, n),
      reasons: this.reasons.subarray(0, n),
      survey: this.survey.subarray(0, n),
      surveys: [...this.surveyNames],
    };
  }

  /** Exact-size copies, so a transfer or a stored copy carries no spare capacity. */
  finish(): AnswerColumns {
    const n = this.size;
    return {
      count: n,
      lon: this.lon.slice(0, n),
      lat: this.lat.slice(0, n),
      year: this.year.slice(0, n),
      timeOfDay: this.timeOfDay.slice(0, n),
      reasons: this.reasons.slice(0, n),
      survey: this.survey.slice(0, n),
      surveys: [...this.surveyNames],
    };
  }

  private grow(needed: number): void {
    if (needed <= this.lon.length) return;
    const capacity = Math.max(needed, this.lon.length * 2);
    const grown = <T extends Float64Array | Uint16Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old.subarray(0, this.size));
      return next;
    };
    this.lon = grown(this.lon, (n) => new Float64Array(n));
    this.lat = grown(this.lat, (n) => new Float64Array(n));
    this.year = grown(this.year, (n) => new Uint16Array(n));
    this.timeOfDay = grown(this.timeOfDay, (n) => new Uint8Array(n));
    this.reasons = grown(this.reasons, (n) => new Uint16Array(n));
    this.survey = grown(this.survey, (n) => new Uint16Array(n));
  }
}

/** Validated answers (surveyAnswerSchema) into columns. */
export function fromRows(rows: Iterable<SurveyAnswer>, sizeHint = 1024): AnswerColumns {
  const builder = new AnswerColumnsBuilder(sizeHint);
  for (const row of rows) builder.pushAnswer(row);
  return builder.finish();
}

/** Answer i back as a row: for tests, exports and a panel showing one answer, never for scans. */
export function answerAt(columns: AnswerColumns, i: number): SurveyAnswer {
  return {
    lon: columns.lon[i]!,
    lat: columns.lat[i]!,
    survey: columns.surveys[columns.survey[i]!]!,
    year: columns.year[i]!,
    timeOfDay: timeOfDayOfCode(columns.timeOfDay[i]!),
    reasons: reasonsOfMask(columns.reasons[i]!),
  };
}

export function emptyColumns(): AnswerColumns {
  return new AnswerColumnsBuilder(0).finish();
}

/** Columns as a message: plain ArrayBuffers, so postMessage can transfer instead of clone. */
export interface AnswerColumnsMessage {
  count: number;
  lon: ArrayBuffer;
  lat: ArrayBuffer;
  year: ArrayBuffer;
  timeOfDay: ArrayBuffer;
  reasons: ArrayBuffer;
  survey: ArrayBuffer;
  surveys: string[];
}

// Moved apart so the first JavaScript does not carry the columns' builders (issue 12).
export { fromTransferable, toTransferable } from './columnsTransfer';

export function columnsByteLength(columns: AnswerColumns): number {
  return columns.lon.byteLength + columns.lat.byteLength + columns.year.byteLength + columns.timeOfDay.byteLength + columns.reasons.byteLength + columns.survey.byteLength;
}
