import Papa from 'papaparse';
import type { TimeOfDay } from '../domain/layers';
import { enCount, svCount } from '../domain/plural';
import { err, ok, type Result } from '../domain/result';
import { text, type Text } from '../domain/text';
import { crsFromRanges, makeToWgs84, userChosenCrs } from './crs';
import type { DecodedText } from './decodeText';
import type {
  CsvColumnMapping,
  CsvInfo,
  ImportCandidate,
  ImportFailure,
  ImportOptions,
  ImportedValue,
  ParsedImport,
  RejectedItem,
  SourceCrs,
} from './importTypes';
import { ImportNotes, sanitizeName, sanitizeValue } from './sanitize';
import { validateGeometry } from './validateCandidate';
import { DEGREE_MINUTES_NOTE, degreeMinutesToDegrees, isDegreeMinutePair, looksLikeDegreeMinutes } from './coordinateColumns';
import { DECIMAL_COMMA, guessCsvMappingWithNote, normaliseHeader, parseNumber } from './csvColumns';
import { CHOOSE_COLUMNS_NOTE, cellValue, DECIMAL_COMMA_NOTE, EMPTY_FILE, missingCell, reprojectedNote, rowLabel } from './importText';

export { guessCsvMapping, guessCsvMappingWithNote, normaliseHeader, parseNumber } from './csvColumns';

/** GGMM.mm is degrees, so WGS 84; not confident, since the user should see that we converted. */
const DEGREE_MINUTES_CRS = {
  crs: 'EPSG:4326',
  reason: text('koordinaterna ser ut som grader och minuter (GGMM,mm) i WGS 84', 'the coordinates look like degrees and minutes (DDMM.mm) in WGS 84'),
  confident: false,
} as const;

/**
 * CsvInfo plus the file line of each row: rows lose their line numbers once empty lines are
 * skipped and quoted fields span lines, and "rad N" must point at the line the user sees in Excel.
 */
export interface CsvInfoWithLines extends CsvInfo {
  lineNumbers?: number[];
}

/** Counts a delimiter outside quotes on one line. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === delimiter && !inQuotes) n++;
  }
  return n;
}

/**
 * Picks the delimiter from the header line, where decimal commas do not occur; `;` wins ties
 * because that is what Swedish Excel writes.
 */
export function detectDelimiter(text: string): CsvInfo['delimiter'] {
  const header = text.split(/\r\n|\n|\r/, 20).find((l) => l.trim() !== '') ?? '';
  const candidates: CsvInfo['delimiter'][] = [';', '\t', ','];
  let best: CsvInfo['delimiter'] = ';';
  let bestCount = 0;
  for (const d of candidates) {
    const count = countOutsideQuotes(header, d);
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export function parseCsv(input: DecodedText, fileName: string, options: ImportOptions = {}): Result<ParsedImport, ImportFailure> {
  const notes = new ImportNotes();
  if (input.note) notes.add(input.note);
  const source = input.text;
  if (source.trim() === '') return err({ code: 'empty', message: EMPTY_FILE });

  const delimiter = detectDelimiter(source);
  const parsed = Papa.parse<string[]>(source, { delimiter, header: false, skipEmptyLines: false });
  if (parsed.errors.some((e) => e.code === 'MissingQuotes')) {
    notes.add(text('ett citattecken stängs aldrig; filen kan vara avkortad eller felaktigt citerad', 'a quotation mark is never closed; the file may be cut short or wrongly quoted'));
  }
  options.onProgress?.(0.2);

  // File line of each parsed row: one line per row plus the line breaks inside quoted fields.
  const breakChar = parsed.meta.linebreak === '\r' ? '\r' : '\n';
  const all = parsed.data;
  let line = 1;
  let headers: string[] | null = null;
  const rows: string[][] = [];
  const lineNumbers: number[] = [];
  let emptyLines = 0;
  all.forEach((row, i) => {
    const rowLine = line;
    line += 1 + row.reduce((sum, cell) => sum + cell.split(breakChar).length - 1, 0);
    const isEmpty = row.every((cell) => cell.trim() === '');
    if (isEmpty) {
      // Papaparse returns the final line break as one more empty row; that is no skipped line.
      if (headers && i !== all.length - 1) emptyLines++;
      return;
    }
    if (!headers) {
      headers = row.map((h) => h.trim());
      return;
    }
    rows.push(row);
    lineNumbers.push(rowLine);
  });
  if (!headers) return err({ code: 'empty', message: EMPTY_FILE });
  if (emptyLines > 0) notes.add(text(`${svCount(emptyLines, 'tom rad', 'tomma rader')} hoppades över`, `${enCount(emptyLines, 'empty line was', 'empty lines were')} skipped`));
  if (rows.length === 0) return err({ code: 'no-features', message: text('CSV-filen har rubriker men inga rader med data.', 'The CSV file has headers but no rows of data.') });

  const headerRow: string[] = headers;
  const guessed = options.csvMapping ? { mapping: options.csvMapping, note: null } : guessCsvMappingWithNote(headerRow, rows);
  if (guessed.note) notes.add(guessed.note);
  const mapping = guessed.mapping;
  const info: CsvInfoWithLines = {
    headers: headerRow,
    delimiter,
    encoding: input.encoding,
    decimalComma: usesDecimalComma(rows, mapping),
    mapping,
    rows,
    lineNumbers,
  };
  const samples = sampleXY(info, mapping);
  const crs = options.crs ? userChosenCrs(options.crs) : looksLikeDegreeMinutes(samples) ? DEGREE_MINUTES_CRS : crsFromRanges(samples);
  const built = csvToCandidates(info, mapping, crs.crs, (f) => options.onProgress?.(0.2 + 0.8 * f));
  return ok({
    format: 'csv',
    fileName,
    crs,
    candidates: built.candidates,
    rejected: built.rejected,
    notes: [...notes.list(), ...built.notes],
    csv: info,
  });
}

function usesDecimalComma(rows: readonly string[][], mapping: CsvColumnMapping): boolean {
  const cols = [mapping.x, mapping.y].filter((c): c is number => c !== null);
  return rows.some((row) => cols.some((c) => DECIMAL_COMMA.test((row[c] ?? '').trim())));
}

function sampleXY(info: CsvInfo, mapping: CsvColumnMapping): [number, number][] {
  if (mapping.x === null || mapping.y === null) return [];
  const samples: [number, number][] = [];
  for (const row of info.rows) {
    const x = parseNumber(row[mapping.x] ?? '');
    const y = parseNumber(row[mapping.y] ?? '');
    if (x !== null && y !== null) samples.push([x, y]);
  }
  return samples;
}

const TIME_OF_DAY: Record<string, TimeOfDay> = {
  dag: 'dag', dagtid: 'dag', day: 'dag', daytime: 'dag',
  kvall: 'kvall', kvallstid: 'kvall', evening: 'kvall',
  natt: 'natt', nattetid: 'natt', night: 'natt',
};

function mapTimeOfDay(cell: string | undefined): TimeOfDay | null {
  if (!cell) return null;
  return TIME_OF_DAY[normaliseHeader(cell)] ?? null;
}

function mapCount(cell: string | undefined): number | null {
  const n = cell === undefined ? null : parseNumber(cell);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
}

const ROWS_PER_CHUNK = 5000;

/**
 * Rows → candidates for a given mapping and CRS. Exported so the preview re-runs it when the user
 * changes a column or the coordinate system, without reading the file again.
 */
export function csvToCandidates(
  info: CsvInfoWithLines,
  mapping: CsvColumnMapping,
  crs: SourceCrs,
  onProgress?: (fraction: number) => void,
): { candidates: ImportCandidate[]; rejected: RejectedItem[]; notes: Text[] } {
  const notes = new ImportNotes();
  const candidates: ImportCandidate[] = [];
  const rejected: RejectedItem[] = [];
  if (mapping.x === null || mapping.y === null) {
    notes.add(CHOOSE_COLUMNS_NOTE);
    onProgress?.(1);
    return { candidates, rejected, notes: notes.list() };
  }
  if (crs !== 'EPSG:4326') notes.add(reprojectedNote(crs));
  const toWgs84 = makeToWgs84(crs);
  const xHeader = info.headers[mapping.x] ?? 'x';
  const yHeader = info.headers[mapping.y] ?? 'y';
  let decimalCommas = 0;
  // Degree-minutes are converted only when most rows are written so; a stray row among decimal
  // degrees is refused, never read as degrees.
  const degreeMinutes = crs === 'EPSG:4326' && looksLikeDegreeMinutes(sampleXY(info, mapping));
  let converted = 0;

  info.rows.forEach((row, i) => {
    if (i > 0 && i % ROWS_PER_CHUNK === 0) onProgress?.(i / info.rows.length);
    const line = info.lineNumbers?.[i] ?? i + 2;
    const label = rowLabel(line);
    const rejectRow = (reason: RejectedItem['reason'], detail: Text) => rejected.push({ index: line, label, reason, detail });
    const xCell = (row[mapping.x!] ?? '').trim();
    const yCell = (row[mapping.y!] ?? '').trim();
    if (xCell === '' || yCell === '') {
      rejectRow('missing-coordinates', xCell === '' && yCell === '' ? text(`${yHeader} och ${xHeader} saknas`, `${yHeader} and ${xHeader} missing`) : missingCell(xCell === '' ? xHeader : yHeader));
      return;
    }
    const x = parseNumber(xCell);
    const y = parseNumber(yCell);
    if (x === null || y === null) {
      rejectRow('non-numeric-coordinates', x === null ? cellValue(xHeader, xCell.slice(0, 40)) : cellValue(yHeader, yCell.slice(0, 40)));
      return;
    }
    if (DECIMAL_COMMA.test(xCell) || DECIMAL_COMMA.test(yCell)) decimalCommas++;
    let position = [x, y];
    if (crs === 'EPSG:4326' && isDegreeMinutePair(x, y)) {
      const lon = degreeMinutesToDegrees(x);
      const lat = degreeMinutesToDegrees(y);
      if (!degreeMinutes || lon === null || lat === null) {
        const why = degreeMinutes ? text('minuterna är 60 eller mer', 'the minutes are 60 or more') : text('de flesta raderna är i decimalgrader', 'most rows are in decimal degrees');
        rejectRow('degree-minutes', text(`${yHeader} ${yCell}, ${xHeader} ${xCell}: ${why.sv}`, `${yHeader} ${yCell}, ${xHeader} ${xCell}: ${why.en}`));
        return;
      }
      position = [lon, lat];
      converted++;
    }
    const check = validateGeometry({ type: 'Point', coordinates: toWgs84(position) });
    if (!check.ok) {
      const cells = `(${yHeader} ${yCell}, ${xHeader} ${xCell})`;
      const detail = crs === 'EPSG:4326' ? check.detail : text(`${check.detail.sv} ${cells}`, `${check.detail.en} ${cells}`);
      rejectRow(check.reason, detail);
      return;
    }
    const properties: Record<string, ImportedValue> = {};
    info.headers.forEach((h, c) => {
      if (!h || h === '__proto__' || h === 'constructor' || h === 'prototype' || Object.hasOwn(properties, h)) return;
      properties[h] = sanitizeValue(row[c] ?? null, notes);
    });
    const candidate: ImportCandidate = {
      index: line,
      label,
      geometry: check.geometry,
      name: mapping.name === null ? null : sanitizeName(row[mapping.name] ?? '', notes),
      properties,
    };
    const mapped: NonNullable<ImportCandidate['mapped']> = {};
    if (mapping.timeOfDay !== null) mapped.timeOfDay = mapTimeOfDay(row[mapping.timeOfDay]);
    if (mapping.reason !== null) {
      const reason = sanitizeValue((row[mapping.reason] ?? '').trim(), notes);
      mapped.reason = reason === '' ? null : (reason as string);
    }
    if (mapping.count !== null) mapped.count = mapCount(row[mapping.count]);
    if (Object.keys(mapped).length > 0) candidate.mapped = mapped;
    candidates.push(candidate);
  });
  if (decimalCommas > 0) notes.add(DECIMAL_COMMA_NOTE);
  if (converted > 0) notes.add(DEGREE_MINUTES_NOTE);
  onProgress?.(1);
  return { candidates, rejected, notes: notes.list() };
}
