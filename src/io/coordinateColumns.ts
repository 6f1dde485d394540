import { text, type Text } from '../domain/text';
import type { CsvColumnMapping } from './importTypes';

/**
 * What a coordinate column holds, judged from its values in Sweden: degrees (lat 55–69.5, lon
 * 10–24.5), SWEREF 99 TM metres (N 6.1–7.7 million, E 0.2–1 million), or degrees and decimal
 * minutes written as one number (GGMM.mm: 5918.63 = 59° 18.63′), which must never pass as degrees.
 */
export type ColumnKind = 'lat' | 'lon' | 'northing' | 'easting' | 'lat-dm' | 'lon-dm';

const RANGES: [ColumnKind, number, number][] = [
  ['lat', 55, 69.5],
  ['lon', 10, 24.5],
  ['northing', 6_100_000, 7_700_000],
  ['easting', 200_000, 1_000_000],
  ['lat-dm', 5500, 6960],
  ['lon-dm', 1000, 2460],
];

export function kindOfValue(v: number): ColumnKind | null {
  for (const [kind, min, max] of RANGES) if (v >= min && v <= max) return kind;
  return null;
}

/** The kind most of a column's values have; null when no kind has a majority of the numbers. */
export function kindOfColumn(values: readonly number[]): ColumnKind | null {
  const counts = new Map<ColumnKind, number>();
  for (const v of values) {
    const kind = kindOfValue(v);
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  let best: ColumnKind | null = null;
  let bestCount = 0;
  for (const [kind, count] of counts) if (count > bestCount) [best, bestCount] = [kind, count];
  return best && bestCount * 2 > values.length ? best : null;
}

const NORTH_LIKE: ReadonlySet<ColumnKind> = new Set(['lat', 'northing', 'lat-dm']);
const EAST_LIKE: ReadonlySet<ColumnKind> = new Set(['lon', 'easting', 'lon-dm']);

/**
 * Headers say which two columns are coordinates, the values say which is which: `x`/`y` mean
 * easting/northing to a programmer and northing/easting to a Swedish surveyor, and lat/lon get
 * swapped in exports. Returns the mapping with the pair swapped when the values disagree with the
 * headers, and a note naming the columns.
 */
export function orderByValues(
  mapping: CsvColumnMapping,
  headers: readonly string[],
  columnValues: (column: number) => number[],
): { mapping: CsvColumnMapping; note: Text | null } {
  if (mapping.x === null || mapping.y === null) return { mapping, note: null };
  const yKind = kindOfColumn(columnValues(mapping.y));
  const xKind = kindOfColumn(columnValues(mapping.x));
  if (!yKind || !xKind || !EAST_LIKE.has(yKind) || !NORTH_LIKE.has(xKind)) return { mapping, note: null };
  const yHeader = headers[mapping.y] ?? '';
  const xHeader = headers[mapping.x] ?? '';
  const north = xKind === 'northing' ? text('nordkoordinat (N)', 'northing (N)') : text('latitud', 'latitude');
  const east = yKind === 'easting' ? text('ostkoordinat (E)', 'easting (E)') : text('longitud', 'longitude');
  return {
    mapping: { ...mapping, x: mapping.y, y: mapping.x },
    note: text(
      `kolumnen ${xHeader} innehåller ${north.sv} och ${yHeader} ${east.sv} enligt värdena; de lästes så`,
      `by its values the column ${xHeader} holds the ${north.en} and ${yHeader} the ${east.en}; they were read so`,
    ),
  };
}

/** True when most coordinate pairs look like GGMM.mm latitude and GGGMM.mm longitude. */
export function looksLikeDegreeMinutes(samples: readonly (readonly [x: number, y: number])[]): boolean {
  if (!samples.length) return false;
  const dm = samples.filter(([x, y]) => isDegreeMinutePair(x, y)).length;
  return dm * 2 > samples.length;
}

export function isDegreeMinutePair(x: number, y: number): boolean {
  return kindOfValue(Math.abs(y)) === 'lat-dm' && kindOfValue(Math.abs(x)) === 'lon-dm';
}

/** GGMM.mm → decimal degrees; null when the minutes are 60 or more (then it is not degree-minutes). */
export function degreeMinutesToDegrees(value: number): number | null {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs / 100);
  const minutes = abs - degrees * 100;
  if (minutes >= 60) return null;
  return Math.sign(value) * (degrees + minutes / 60);
}

export const DEGREE_MINUTES_NOTE = text(
  'tolkat som grader och minuter (GGMM,mm): t.ex. 5918,63 = 59° 18,63′ = 59,3105°',
  'read as degrees and minutes (DDMM.mm): e.g. 5918.63 = 59° 18.63′ = 59.3105°',
);
