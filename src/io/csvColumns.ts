import type { Text } from '../domain/text';
import type { CsvColumnMapping } from './importTypes';
import { orderByValues } from './coordinateColumns';

/** Cells and headers of delimited files: numbers as Swedish Excel writes them, and which column is what. */

export const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;

/** "59,3105", " 6 580 822 ", "18.07" → number; null for text that is not a number. */
export function parseNumber(cell: string): number | null {
  // U+2212 minus comes from word processors; spaces (also no-break) are Swedish thousands separators.
  let s = cell.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/°$/, '').replace(/^\u2212/, '-');
  if (DECIMAL_COMMA.test(s)) s = s.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Header synonyms, normalised (lower case, å/ä → a, ö → o), in order of preference. */
const SYNONYMS: Record<keyof CsvColumnMapping, string[]> = {
  name: ['namn', 'name', 'plats', 'omrade', 'gatunamn', 'titel', 'title', 'benamning', 'beteckning', 'label', 'platsnamn', 'beskrivning'],
  y: ['lat', 'latitud', 'latitude', 'y', 'n', 'northing', 'nord', 'nordkoordinat', 'y-koordinat', 'n-koordinat'],
  x: ['lon', 'lng', 'long', 'longitud', 'longitude', 'x', 'e', 'easting', 'ost', 'ostkoordinat', 'x-koordinat', 'e-koordinat'],
  timeOfDay: ['tid', 'tid pa dygnet', 'tidpunkt', 'time', 'dygn', 'tid pa dygn'],
  reason: ['orsak', 'anledning', 'skal', 'reason', 'varfor'],
  count: ['antal', 'svar', 'count', 'antal svar'],
};

export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/\(.*?\)/g, ' ') // "Latitud (WGS84)"
    .replace(/[_\s]+/g, ' ')
    .replace(/[?:.]/g, '')
    .trim();
}

export function guessCsvMapping(headers: readonly string[], rows?: readonly string[][]): CsvColumnMapping {
  return guessCsvMappingWithNote(headers, rows).mapping;
}

/** The mapping from the headers, with the coordinate pair put in order by its values when rows are given. */
export function guessCsvMappingWithNote(headers: readonly string[], rows: readonly string[][] = []): { mapping: CsvColumnMapping; note: Text | null } {
  const mapping = mappingFromHeaders(headers);
  if (!rows.length) return { mapping, note: null };
  const values = (column: number) => rows.slice(0, 500).map((row) => parseNumber(row[column] ?? '')).filter((n): n is number => n !== null);
  return orderByValues(mapping, headers, values);
}

function mappingFromHeaders(headers: readonly string[]): CsvColumnMapping {
  const normalised = headers.map(normaliseHeader);
  const used = new Set<number>();
  const take = (i: number) => (i >= 0 ? (used.add(i), i) : null);
  const find = (field: keyof CsvColumnMapping): number | null => {
    for (const synonym of SYNONYMS[field]) {
      const i = normalised.findIndex((h, j) => h === synonym && !used.has(j));
      if (i >= 0) return take(i);
    }
    // "LATITUDE_SWEREF99TM", "lat wgs84": the first word says which coordinate (the values say which system).
    if (field !== 'x' && field !== 'y') return null;
    for (const synonym of SYNONYMS[field]) {
      const i = normalised.findIndex((h, j) => h.split(/[ -]/)[0] === synonym && !used.has(j));
      if (i >= 0) return take(i);
    }
    return null;
  };
  // Coordinates first so "tid" or "namn" can never take a coordinate column.
  const y = find('y');
  const x = find('x');
  return { name: find('name'), y, x, timeOfDay: find('timeOfDay'), reason: find('reason'), count: find('count') };
}
