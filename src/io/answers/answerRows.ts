import type { AnswerColumns } from '../../analysis/answers/columns';
import type { TimeOfDay } from '../../domain/layers';
import { enCount, svCount } from '../../domain/plural';
import { SURVEY_REASONS, SWEDEN_BOUNDS, surveyAnswerSchema, type SurveyAnswer } from '../../domain/surveyAnswer';
import { same, text, type Text } from '../../domain/text';
import { normaliseHeader } from '../csvColumns';
import { CANCELLED as CANCELLED_TEXT } from '../importText';
import type { CrsDetection, RejectReason } from '../importTypes';

/**
 * What the answer importers (CSV, GeoJSON) share: reading a time of day and a list of reasons
 * from a cell, the door (surveyAnswerSchema) with its refusals named as the place importers name
 * theirs (src/io/importTypes.ts), and the result and failure shapes.
 */

export type AnswerRejectReason =
  | Extract<RejectReason, 'missing-coordinates' | 'non-numeric-coordinates' | 'outside-sweden' | 'lat-lon-swapped' | 'unsupported-geometry'>
  | 'invalid-year'
  | 'invalid-time-of-day'
  | 'unknown-reason'
  | 'missing-survey';

/** Loaded with the answers' panel, not in the page's first JavaScript. */
export const ANSWER_REJECT_TEXTS: Record<AnswerRejectReason, Text> = {
  'missing-coordinates': text('koordinater saknas', 'coordinates missing'),
  'non-numeric-coordinates': text('koordinaterna är inte tal', 'the coordinates are not numbers'),
  'outside-sweden': text('punkten ligger utanför Sverige', 'the point lies outside Sweden'),
  'lat-lon-swapped': text('latitud och longitud verkar förväxlade', 'latitude and longitude seem swapped'),
  'unsupported-geometry': text('bara punkter kan vara enkätsvar', 'only points can be survey answers'),
  'invalid-year': text('året saknas eller är inte ett år mellan 1990 och 2100', 'the year is missing or not a year between 1990 and 2100'),
  'invalid-time-of-day': text('tiden på dygnet är inte dag, kväll eller natt', 'the time of day is not day, evening or night'),
  'unknown-reason': text('skälet finns inte bland enkätens skäl', 'the reason is not one of the survey’s reasons'),
  'missing-survey': text('enkäten saknas', 'the survey is missing'),
};

export interface AnswerRejection {
  /** CSV: file line (header = line 1); GeoJSON: feature number. */
  index: number;
  /** "rad 14" / "row 14", "objekt 3" / "feature 3". */
  label: Text;
  reason: AnswerRejectReason;
  /** The value that failed, e.g. "år = 1850" / "year = 1850". */
  detail: Text;
}

/** Rejections listed in full; beyond this they are counted by reason (a 1M-row file of errors must not make 1M objects). */
export const MAX_LISTED_REJECTIONS = 10_000;

export interface AnswersImportProgress {
  /** 0–1 of the input read. */
  fraction: number;
  accepted: number;
  rejected: number;
}

export interface AnswersImportOptions {
  /** Overrides detection (a file that declares its system always wins over detection). */
  crs?: CrsDetection['crs'];
  /** For files without a survey column: the survey every answer belongs to. */
  survey?: string;
  /** For files without a year column. */
  year?: number;
  /**
   * CSV text read per step between yields (default 1 MiB, about 13 000 rows and 40–60 ms here).
   * On the main thread pass 256 KiB or less, so no step is a long task; in a worker the default.
   */
  chunkCharacters?: number;
  /** Answers per chunk handed to onChunk (default 50 000). */
  chunkAnswers?: number;
  /** Each chunk of accepted answers as columns; when given, the result holds no columns of its own. */
  onChunk?: (chunk: AnswerColumns) => void;
  onProgress?: (progress: AnswersImportProgress) => void;
  signal?: AbortSignal;
}

export interface AnswersImport {
  /** All accepted answers; null when they went out through onChunk. */
  columns: AnswerColumns | null;
  accepted: number;
  /** The first MAX_LISTED_REJECTIONS refusals, in file order. */
  rejected: AnswerRejection[];
  rejectedTotal: number;
  rejectedByReason: Partial<Record<AnswerRejectReason, number>>;
  crs: CrsDetection;
  /** Notes: "decimalkomma tolkat" / "decimal commas read", "omräknat från EPSG:3006" / "converted from EPSG:3006", … */
  notes: Text[];
}

export interface AnswersImportFailure {
  code: 'cancelled' | 'empty' | 'no-coordinates' | 'unsupported-crs' | 'unreadable';
  message: Text;
}

export const CANCELLED: AnswersImportFailure = { code: 'cancelled', message: CANCELLED_TEXT };

const TIMES: Record<string, TimeOfDay> = {
  dag: 'dag', dagtid: 'dag', day: 'dag', daytime: 'dag',
  kvall: 'kvall', kvallstid: 'kvall', evening: 'kvall',
  natt: 'natt', nattetid: 'natt', night: 'natt',
};

/**
 * Cells repeat ("kväll", "belysning, klotter") and normalising one costs a handful of regular
 * expressions, so results are kept per distinct text: at a million rows that is most of the
 * parse time otherwise. Capped so a file of unique texts cannot grow it without bound.
 */
const MEMO_LIMIT = 10_000;
function memo<T>(read: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined && !seen.has(text)) {
      value = read(text);
      if (seen.size < MEMO_LIMIT) seen.set(text, value);
    }
    return value as T;
  };
}

const timeOfText = memo((text: string): TimeOfDay | null | undefined => {
  const normalised = normaliseHeader(text);
  return normalised === '' ? null : TIMES[normalised];
});

/** A time-of-day cell: null when empty, undefined when it says something else (the caller passes the text on, for the door to refuse by name). */
export function readTimeOfDay(cell: unknown): TimeOfDay | null | undefined {
  if (cell === null || cell === undefined) return null;
  return timeOfText(String(cell));
}

const fold = (text: string) => normaliseHeader(text).replace(/\s+/g, ' ');
const REASONS = new Map<string, string>(SURVEY_REASONS.map((reason) => [fold(reason), reason]));

const reasonsOfText = memo((text: string): readonly string[] => splitReasons(text.split(/[,|/;+]/)));

function splitReasons(parts: readonly string[]): string[] {
  const reasons: string[] = [];
  for (const part of parts) {
    const trimmed = part.trim();
    if (trimmed !== '') reasons.push(REASONS.get(fold(trimmed)) ?? trimmed);
  }
  return reasons;
}

/**
 * A reasons cell: "belysning, skymd sikt", "klotter|narkotika", or an array (GeoJSON). Matched
 * without case or diacritics ("Nedskrapning"); an unknown one is passed on as written for the
 * schema to refuse by name.
 */
export function readReasons(cell: unknown): string[] {
  if (Array.isArray(cell)) return splitReasons(cell.map(String));
  if (cell === null || cell === undefined) return [];
  // A copy: the memoised list is shared between rows.
  return [...reasonsOfText(String(cell))];
}

const inSweden = (lon: number, lat: number) => lon >= SWEDEN_BOUNDS.west && lon <= SWEDEN_BOUNDS.east && lat >= SWEDEN_BOUNDS.south && lat <= SWEDEN_BOUNDS.north;

export type DoorResult = { ok: true; answer: SurveyAnswer } | { ok: false; reason: AnswerRejectReason; detail: Text };

/** The door: one row through surveyAnswerSchema, a refusal named by the first field that failed. */
export function admitAnswer(raw: { lon: number; lat: number; survey: unknown; year: unknown; timeOfDay: unknown; reasons: unknown }): DoorResult {
  const parsed = surveyAnswerSchema.safeParse(raw);
  if (parsed.success) return { ok: true, answer: parsed.data };
  const field = String(parsed.error.issues[0]?.path[0] ?? '');
  const position = same(`${raw.lat.toFixed(5)}, ${raw.lon.toFixed(5)}`);
  switch (field) {
    case 'lon':
    case 'lat':
      return inSweden(raw.lat, raw.lon)
        ? { ok: false, reason: 'lat-lon-swapped', detail: position }
        : { ok: false, reason: 'outside-sweden', detail: position };
    case 'year': {
      const year = String(raw.year ?? '').slice(0, 40);
      return { ok: false, reason: 'invalid-year', detail: text(`år = ${year || '(tomt)'}`, `year = ${year || '(empty)'}`) };
    }
    case 'survey':
      return { ok: false, reason: 'missing-survey', detail: text('ingen enkät angiven', 'no survey given') };
    case 'timeOfDay': {
      const time = String(raw.timeOfDay).slice(0, 40);
      return { ok: false, reason: 'invalid-time-of-day', detail: text(`tid = ${time}`, `time = ${time}`) };
    }
    default: {
      const unknown = Array.isArray(raw.reasons) ? raw.reasons.filter((r) => !(SURVEY_REASONS as readonly unknown[]).includes(r)) : [];
      const shown = unknown.map(String).join(', ').slice(0, 80);
      return { ok: false, reason: 'unknown-reason', detail: text(`skäl = ${shown}`, `reasons = ${shown}`) };
    }
  }
}

/** Keeps the refusals: the first ones in full, all of them counted by reason. */
export class Rejections {
  readonly listed: AnswerRejection[] = [];
  readonly byReason: Partial<Record<AnswerRejectReason, number>> = {};
  total = 0;

  add(index: number, label: Text, reason: AnswerRejectReason, detail: Text): void {
    this.total++;
    this.byReason[reason] = (this.byReason[reason] ?? 0) + 1;
    if (this.listed.length < MAX_LISTED_REJECTIONS) this.listed.push({ index, label, reason, detail });
  }

  note(): Text | null {
    if (this.total <= this.listed.length) return null;
    return text(
      `${svCount(this.total, 'rad', 'rader')} avvisades; de första ${this.listed.length} listas, alla räknas per skäl`,
      `${enCount(this.total, 'row was', 'rows were')} rejected; the first ${this.listed.length} are listed, all are counted by reason`,
    );
  }
}

/** Gives the event loop a turn, so progress paints and an abort from the UI is seen between chunks. */
export const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
