import Papa from 'papaparse';
import { MAX_SURVEY_YEAR, MIN_SURVEY_YEAR, PROBLEM_INDEX_MAX, PROBLEM_INDEX_MIN } from '../../domain/areaIndex';
import { err, ok, type Result } from '../../domain/result';
import { DECIMAL_COMMA, normaliseHeader, parseNumber } from '../csvColumns';
import type { DecodedText } from '../decodeText';
import { detectDelimiter } from '../parseCsv';
import { MAX_NAME } from '../sanitize';
import { shownCell } from './normalise';
import type { AreaIndexFailure, AreaIndexNote, AreaIndexValue, AreaRejectedItem, CsvColumnsFound, ParsedAreaIndexCsv } from './types';

/** Header synonyms, normalised as normaliseHeader does (lower case, å/ä → a, ö → o), best first. */
const CODE = ['omradeskod', 'omrades kod', 'omrades id', 'omradesid', 'kod', 'code', 'area code', 'areacode', 'area id', 'id', 'nyckel'];
const NAME = ['omrade', 'omradesnamn', 'omrades namn', 'namn', 'name', 'area', 'area name', 'kommundel', 'stadsdel', 'delomrade', 'lokalomrade', 'plats'];
const YEAR = ['ar', 'year', 'matar', 'matningsar', 'undersokningsar', 'artal', 'enkatar'];
const QUESTION = ['fraga', 'question', 'problem', 'fragestallning', 'indikator', 'pastaende'];
const INDEX = ['problemindex', 'index', 'indexvarde', 'varde', 'value', 'medelvarde'];
/** Columns a results sheet often has beside the questions, which are not questions. */
const NOT_QUESTIONS = new Set([
  'kommun', 'kommunkod', 'kommunnamn', 'lan', 'lanskod', 'lpo', 'lokalpolisomrade', 'polisomrade', 'polisregion',
  'antal svar', 'antal', 'svar', 'n', 'svarsfrekvens', 'urval', 'kommentar', 'anmarkning', 'kalla', 'source',
]);
/** What reports write in a cell without a result: nothing, a dash, SCB's "..". */
const NO_VALUE = /^(|-|–|—|\.\.?|x|saknas|n\/a)$/i;

/**
 * Results of Polisens trygghetsmätning as a spreadsheet exports them: one row per area and year
 * with a column per question (wide), or one row per area, year and question (long: an area, year,
 * question and index column). Any delimiter, decimal comma or point. Valid values are kept; every
 * row or value left out is named with its line and reason. Matching to the polygons is a later step.
 */
export function parseAreaIndexCsv(input: DecodedText, fileName: string): Result<ParsedAreaIndexCsv, AreaIndexFailure> {
  const notes: AreaIndexNote[] = [];
  if (input.encoding === 'windows-1252') notes.push({ code: 'windows-1252' });
  const text = input.text;
  if (text.trim() === '') return err({ code: 'empty' });

  const parsed = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), header: false, skipEmptyLines: false });
  const breakChar = parsed.meta.linebreak === '\r' ? '\r' : '\n';
  let line = 1;
  let headers: string[] | null = null;
  const rows: { line: number; cells: string[] }[] = [];
  let emptyLines = 0;
  parsed.data.forEach((cells, i) => {
    const rowLine = line;
    line += 1 + cells.reduce((sum, cell) => sum + cell.split(breakChar).length - 1, 0);
    if (cells.every((cell) => cell.trim() === '')) {
      if (headers && i !== parsed.data.length - 1) emptyLines++;
      return;
    }
    if (!headers) headers = cells.map((h) => h.replace(/^\uFEFF/, '').trim());
    else rows.push({ line: rowLine, cells });
  });
  if (!headers) return err({ code: 'empty' });
  if (!rows.length) return err({ code: 'no-rows' });
  if (emptyLines) notes.push({ code: 'empty-lines', count: emptyLines });

  const header: string[] = headers;
  const normalised = header.map(normaliseHeader);
  const used = new Set<number>();
  const find = (synonyms: readonly string[]) => {
    for (const synonym of synonyms) {
      const i = normalised.findIndex((h, j) => h === synonym && !used.has(j));
      if (i >= 0) return used.add(i), i;
    }
    return null;
  };
  const yearColumn = find(YEAR);
  const codeColumn = find(CODE);
  const nameColumn = find(NAME);
  const questionColumn = find(QUESTION);
  const indexColumn = questionColumn === null ? null : find(INDEX);
  if (codeColumn === null && nameColumn === null) return err({ code: 'no-area-column', detail: header.join(', ') });
  if (yearColumn === null) return err({ code: 'no-year-column', detail: header.join(', ') });
  const long = questionColumn !== null && indexColumn !== null;

  // Wide: every other column with a header and at least one number is a question.
  const ignored: string[] = [];
  const questionColumns: number[] = [];
  if (!long) {
    header.forEach((h, c) => {
      if (used.has(c) || !h) return;
      const hasNumber = rows.some((r) => parseNumber(r.cells[c] ?? '') !== null);
      if (NOT_QUESTIONS.has(normalised[c]!) || !hasNumber) ignored.push(h);
      else questionColumns.push(c);
    });
    if (!questionColumns.length) return err({ code: 'no-question-columns', detail: header.join(', ') });
  }
  if (ignored.length) notes.push({ code: 'ignored-columns', columns: ignored });

  const values: AreaIndexValue[] = [];
  const rejected: AreaRejectedItem[] = [];
  const questionsMet: string[] = [];
  let emptyValues = 0;
  let decimalComma = false;
  const cell = (r: { cells: string[] }, c: number | null) => (c === null ? '' : (r.cells[c] ?? '').trim());
  const nameOf = (c: number) => header[c] || `#${c + 1}`;

  for (const row of rows) {
    const reject = (reason: AreaRejectedItem['reason'], detail: string, question?: string) =>
      rejected.push({ kind: 'row', index: row.line, reason, detail, ...(question ? { question } : {}) });
    const code = cell(row, codeColumn).slice(0, MAX_NAME) || null;
    const name = cell(row, nameColumn).slice(0, MAX_NAME) || null;
    if (!code && !name) {
      reject('missing-area', [codeColumn, nameColumn].filter((c): c is number => c !== null).map(nameOf).join(', '));
      continue;
    }
    const yearCell = cell(row, yearColumn);
    if (!yearCell) {
      reject('missing-year', nameOf(yearColumn));
      continue;
    }
    const year = parseNumber(yearCell);
    if (year === null || !Number.isInteger(year) || year < MIN_SURVEY_YEAR || year > MAX_SURVEY_YEAR) {
      reject('invalid-year', `${nameOf(yearColumn)} = ${shownCell(yearCell)}`);
      continue;
    }
    const readValue = (question: string, raw: string, column: string) => {
      if (NO_VALUE.test(raw)) {
        emptyValues++;
        return;
      }
      const index = parseNumber(raw);
      if (index === null) return reject('index-not-number', `${column} = ${shownCell(raw)}`, question);
      if (index < PROBLEM_INDEX_MIN || index > PROBLEM_INDEX_MAX) return reject('index-out-of-range', `${column} = ${shownCell(raw)}`, question);
      if (DECIMAL_COMMA.test(raw)) decimalComma = true;
      if (!questionsMet.includes(question)) questionsMet.push(question);
      values.push({ line: row.line, code, name, year, question, index });
    };
    if (long) {
      const question = cell(row, questionColumn).replace(/\s+/g, ' ').slice(0, MAX_NAME);
      if (!question) {
        reject('missing-question', nameOf(questionColumn!));
        continue;
      }
      readValue(canonicalQuestion(question, questionsMet), cell(row, indexColumn), nameOf(indexColumn!));
    } else {
      for (const c of questionColumns) readValue(nameOf(c).replace(/\s+/g, ' ').slice(0, MAX_NAME), cell(row, c), nameOf(c));
    }
  }
  notes.unshift(long ? { code: 'long-format' } : { code: 'wide-format', questions: questionColumns.length });
  if (decimalComma) notes.push({ code: 'decimal-comma' });
  if (emptyValues) notes.push({ code: 'empty-values', count: emptyValues });

  const columns: CsvColumnsFound = {
    code: codeColumn === null ? null : nameOf(codeColumn),
    name: nameColumn === null ? null : nameOf(nameColumn),
    year: nameOf(yearColumn),
    question: long ? nameOf(questionColumn!) : null,
    index: long ? nameOf(indexColumn!) : null,
    questions: long ? questionsMet : questionColumns.map(nameOf),
  };
  return ok({ fileName, format: long ? 'long' : 'wide', columns, values, rejected, notes });
}

/** Long format: "nedskräpning" on one row and "Nedskräpning" on the next are one question, spelt as first met. */
function canonicalQuestion(question: string, met: readonly string[]): string {
  const key = question.toLocaleLowerCase('sv');
  return met.find((q) => q.toLocaleLowerCase('sv') === key) ?? question;
}
