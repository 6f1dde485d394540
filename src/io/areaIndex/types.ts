import type { AreaPolygonSet } from '../../domain/areaIndex';
import type { CrsDetection } from '../importTypes';

/**
 * Why a row, a value or an area was left out of the area index. Each code has a Swedish message
 * here (for messages outside the UI) and one per language in the UI's strings.
 */
export const AREA_INDEX_REJECT_REASONS = [
  // CSV rows and values
  'missing-area',
  'missing-year',
  'invalid-year',
  'missing-question',
  'index-not-number',
  'index-out-of-range',
  'duplicate-value',
  // matching rows to polygons
  'unknown-area',
  'ambiguous-area',
  // GeoJSON features
  'no-area-name',
  'duplicate-area',
  'unsupported-geometry',
  'invalid-geometry',
  'unclosed-ring',
  'empty-geometry',
  'outside-sweden',
] as const;
export type AreaIndexRejectReason = (typeof AREA_INDEX_REJECT_REASONS)[number];

export const AREA_INDEX_REJECT_MESSAGES: Record<AreaIndexRejectReason, string> = {
  'missing-area': 'område saknas (varken kod eller namn)',
  'missing-year': 'år saknas',
  'invalid-year': 'året är inte ett årtal',
  'missing-question': 'frågan saknas',
  'index-not-number': 'indexet är inte ett tal',
  'index-out-of-range': 'indexet ligger utanför 0–6',
  'duplicate-value': 'samma område, år och fråga finns redan på en tidigare rad',
  'unknown-area': 'området finns inte bland polygonerna',
  'ambiguous-area': 'namnet passar flera områden; ange områdeskod',
  'no-area-name': 'objektet har varken namn eller kod',
  'duplicate-area': 'ett tidigare objekt har samma kod eller namn',
  'unsupported-geometry': 'geometrin är inte en yta (Polygon eller MultiPolygon)',
  'invalid-geometry': 'ogiltig geometri',
  'unclosed-ring': 'polygonens ring är inte sluten',
  'empty-geometry': 'geometrin saknas eller är tom',
  'outside-sweden': 'ytan ligger utanför Sverige (fel koordinatsystem?)',
};

/**
 * One left-out item. `detail` holds only what the file says (a header and its cell, a type name,
 * a position), never prose, so it reads the same in every language.
 */
export interface AreaRejectedItem {
  kind: 'row' | 'feature';
  /** CSV: the line in the file (header = line 1); GeoJSON: the feature's number, from 1. */
  index: number;
  /** Wide CSV: the question column a value came from. */
  question?: string;
  reason: AreaIndexRejectReason;
  detail: string;
}

/** What was done while reading, as codes the UI words in its language. */
export type AreaIndexNote =
  | { code: 'windows-1252' }
  | { code: 'decimal-comma' }
  | { code: 'wide-format'; questions: number }
  | { code: 'long-format' }
  | { code: 'empty-values'; count: number }
  | { code: 'empty-lines'; count: number }
  | { code: 'ignored-columns'; columns: string[] }
  | { code: 'reprojected'; crs: string }
  | { code: 'crs-guessed'; crs: string }
  | { code: 'split-collections'; count: number };

/** A file that cannot be used at all; `detail` is what the file says (a column list, a CRS name). */
export interface AreaIndexFailure {
  code:
    | 'empty'
    /** The browser could not read the file, or reading it failed unexpectedly. */
    | 'unreadable'
    | 'too-large'
    | 'binary'
    | 'unreadable-json'
    | 'not-geojson'
    | 'no-polygons'
    | 'unsupported-crs'
    | 'no-rows'
    | 'no-area-column'
    | 'no-year-column'
    | 'no-question-columns';
  detail?: string;
}

/** A value as read from the CSV, before it is matched to an area polygon. */
export interface AreaIndexValue {
  line: number;
  code: string | null;
  name: string | null;
  year: number;
  question: string;
  index: number;
}

export interface CsvColumnsFound {
  code: string | null;
  name: string | null;
  year: string;
  /** Long format: the question and index columns. */
  question: string | null;
  index: string | null;
  /** Wide format: the question columns, in file order; long format: the questions met. */
  questions: string[];
}

export interface ParsedAreaIndexCsv {
  fileName: string;
  format: 'wide' | 'long';
  columns: CsvColumnsFound;
  values: AreaIndexValue[];
  rejected: AreaRejectedItem[];
  notes: AreaIndexNote[];
}

export interface PolygonPropertyChoice {
  /** undefined: detect; null: none. */
  nameProperty?: string | null;
  codeProperty?: string | null;
}

export interface ParsedAreaPolygons {
  set: AreaPolygonSet;
  crs: CrsDetection;
  /** The file named its coordinate system (a `crs` member). */
  crsDeclared: boolean;
  /** Every property name the features have, for choosing the name and code properties. */
  properties: string[];
  rejected: AreaRejectedItem[];
  notes: AreaIndexNote[];
}

/** Large enough for any municipality's survey; beyond it the file is surely something else. */
export const MAX_AREA_INDEX_BYTES = 50 * 1024 * 1024;
