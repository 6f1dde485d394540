import Papa from 'papaparse';
import { AnswerColumnsBuilder } from '../../analysis/answers/columns';
import { err, ok, type Result } from '../../domain/result';
import { text, type Text } from '../../domain/text';
import { crsFromRanges, makeToWgs84, userChosenCrs } from '../crs';
import { DECIMAL_COMMA, guessCsvMappingWithNote, normaliseHeader, parseNumber } from '../csvColumns';
import { decodeText } from '../decodeText';
import { cellValue, DECIMAL_COMMA_NOTE, EMPTY_FILE, missingCell, reprojectedNote, rowLabel } from '../importText';
import { detectDelimiter } from '../parseCsv';
import {
  admitAnswer,
  CANCELLED,
  readReasons,
  readTimeOfDay,
  Rejections,
  yieldToEvents,
  type AnswersImport,
  type AnswersImportFailure,
  type AnswersImportOptions,
} from './answerRows';

/**
 * Survey answers from CSV, one answer a line, streamed: papaparse reads about a megabyte at a
 * time and each chunk's rows go straight into typed columns, so a 1M-row file never becomes a
 * million objects. Between chunks the parser yields to the event loop: progress is reported and
 * an abort is seen. Swedish Excel's `;` and decimal comma, or `,`; positions as lon/lat or as
 * SWEREF 99 TM x/y (any system of the registry), told apart by their values unless the caller
 * chooses; the converter is built once per file.
 */

const CHUNK_CHARACTERS = 1 << 20;
/** Rows read before the columns and the coordinate system are decided. */
const SAMPLE_ROWS = 500;
const DEFAULT_CHUNK_ANSWERS = 50_000;

const YEAR_HEADERS = ['ar', 'year', 'artal', 'enkatar', 'undersokningsar'];
const SURVEY_HEADERS = ['enkat', 'survey', 'undersokning', 'enkatnamn', 'enkat id', 'survey id', 'survey name', 'trygghetsundersokning'];
const TIME_HEADERS = ['time of day', 'timeofday', 'tid pa dygnet', 'tid pa dygn'];
const REASON_HEADERS = ['reasons', 'skal', 'orsaker', 'anledningar'];

interface Layout {
  x: number;
  y: number;
  year: number | null;
  survey: number | null;
  time: number | null;
  reasons: number | null;
}

function findHeader(normalised: readonly string[], synonyms: readonly string[], taken: ReadonlySet<number>): number | null {
  for (const synonym of synonyms) {
    const i = normalised.findIndex((h, j) => h === synonym && !taken.has(j));
    if (i >= 0) return i;
  }
  return null;
}

function layoutOf(headers: string[], sample: string[][]): { layout: Layout | null; note: Text | null } {
  const { mapping, note } = guessCsvMappingWithNote(headers, sample);
  if (mapping.x === null || mapping.y === null) return { layout: null, note };
  const normalised = headers.map(normaliseHeader);
  const taken = new Set([mapping.x, mapping.y]);
  const take = (i: number | null) => (i === null ? null : (taken.add(i), i));
  const time = take(mapping.timeOfDay ?? findHeader(normalised, TIME_HEADERS, taken));
  const reasons = take(mapping.reason ?? findHeader(normalised, REASON_HEADERS, taken));
  const year = take(findHeader(normalised, YEAR_HEADERS, taken));
  const survey = take(findHeader(normalised, SURVEY_HEADERS, taken));
  return { layout: { x: mapping.x, y: mapping.y, year, survey, time, reasons }, note };
}

export function parseAnswersCsv(input: string | Uint8Array, options: AnswersImportOptions = {}): Promise<Result<AnswersImport, AnswersImportFailure>> {
  const decoded = typeof input === 'string' ? { text: input.replace(/^\uFEFF/, ''), note: null } : decodeText(input);
  const source = decoded.text;
  if (source.trim() === '') return Promise.resolve(err({ code: 'empty', message: EMPTY_FILE }));
  const { signal, onProgress, onChunk } = options;
  if (signal?.aborted) return Promise.resolve(err(CANCELLED));

  const chunkAnswers = Math.max(1, options.chunkAnswers ?? DEFAULT_CHUNK_ANSWERS);
  const notes: Text[] = decoded.note ? [decoded.note] : [];
  const rejections = new Rejections();
  let builder = new AnswerColumnsBuilder(onChunk ? chunkAnswers : Math.min(Math.ceil(source.length / 40), 4_000_000));
  let accepted = 0;
  let headers: string[] | null = null;
  let layout: Layout | null = null;
  let crs = userChosenCrs(options.crs ?? 'EPSG:4326');
  let toWgs84 = makeToWgs84('EPSG:4326');
  let decimalCommas = 0;
  let line = 1;
  const pending: { row: string[]; line: number }[] = [];

  const decide = (): AnswersImportFailure | null => {
    const chosen = layoutOf(headers ?? [], pending.map((p) => p.row));
    if (chosen.note) notes.push(chosen.note);
    if (!chosen.layout) return { code: 'no-coordinates', message: text('Hittar inga koordinatkolumner (lon/lat eller x/y).', 'No coordinate columns found (lon/lat or x/y).') };
    layout = chosen.layout;
    const samples: [number, number][] = [];
    for (const { row } of pending) {
      const x = parseNumber(row[layout.x] ?? ''), y = parseNumber(row[layout.y] ?? '');
      if (x !== null && y !== null) samples.push([x, y]);
    }
    if (!options.crs) crs = crsFromRanges(samples);
    toWgs84 = makeToWgs84(crs.crs);
    if (crs.crs !== 'EPSG:4326') notes.push(reprojectedNote(crs.crs));
    if (layout.year === null && options.year === undefined) notes.push(text('kolumnen år saknas; ange enkätens år', 'there is no year column; give the survey’s year'));
    if (layout.survey === null && options.survey === undefined) notes.push(text('kolumnen enkät saknas; ange enkätens namn', 'there is no survey column; give the survey’s name'));
    return null;
  };

  const admit = (row: string[], rowLine: number) => {
    const l = layout!;
    const reject = rejections.add.bind(rejections, rowLine, rowLabel(rowLine));
    const xCell = (row[l.x] ?? '').trim(), yCell = (row[l.y] ?? '').trim();
    if (xCell === '' || yCell === '') return reject('missing-coordinates', missingCell(headers![xCell === '' ? l.x : l.y]!));
    const x = parseNumber(xCell), y = parseNumber(yCell);
    if (x === null || y === null) return reject('non-numeric-coordinates', cellValue(headers![x === null ? l.x : l.y]!, (x === null ? xCell : yCell).slice(0, 40)));
    if (DECIMAL_COMMA.test(xCell) || DECIMAL_COMMA.test(yCell)) decimalCommas++;
    const [lon, lat] = toWgs84([x, y]) as [number, number];
    const yearCell = l.year === null ? '' : (row[l.year] ?? '').trim();
    const timeCell = l.time === null ? '' : (row[l.time] ?? '');
    const time = readTimeOfDay(timeCell);
    const door = admitAnswer({
      lon,
      lat,
      survey: (l.survey === null ? '' : (row[l.survey] ?? '').trim()) || options.survey,
      year: yearCell === '' ? options.year : (parseNumber(yearCell) ?? yearCell),
      timeOfDay: time === undefined ? timeCell.trim() : time,
      reasons: readReasons(l.reasons === null ? '' : row[l.reasons]),
    });
    if (!door.ok) return reject(door.reason, door.detail);
    builder.pushAnswer(door.answer);
    accepted++;
    if (onChunk && builder.count >= chunkAnswers) {
      onChunk(builder.finish());
      builder = new AnswerColumnsBuilder(chunkAnswers);
    }
  };

  const drain = () => {
    for (const { row, line: rowLine } of pending) admit(row, rowLine);
    pending.length = 0;
  };

  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: Result<AnswersImport, AnswersImportFailure>) => {
      if (!settled) resolve(result);
      settled = true;
    };
    const progress = (fraction: number) => onProgress?.({ fraction, accepted, rejected: rejections.total });

    Papa.parse<string[]>(source, {
      delimiter: detectDelimiter(source.slice(0, 65_536)),
      header: false,
      skipEmptyLines: false,
      chunkSize: Math.max(4096, options.chunkCharacters ?? CHUNK_CHARACTERS),
      // @types/papaparse says chunk is for files only; papaparse streams strings in chunks too (its StringStreamer).
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        if (settled) return;
        const lineBreak = results.meta.linebreak === '\r' ? '\r' : '\n';
        for (const row of results.data) {
          const rowLine = line;
          for (const cell of row) for (let at = cell.indexOf(lineBreak); at >= 0; at = cell.indexOf(lineBreak, at + 1)) line++;
          line++;
          if (row.every((cell) => cell.trim() === '')) continue;
          if (!headers) headers = row.map((h) => h.trim());
          else pending.push({ row, line: rowLine });
        }
        if (!layout && pending.length >= SAMPLE_ROWS) {
          const failure = decide();
          if (failure) {
            // Settled first: abort() calls complete() at once, which must find the import over.
            settle(err(failure));
            return parser.abort();
          }
        }
        if (layout) drain();
        progress(Math.min(1, results.meta.cursor / source.length));
        parser.pause();
        void yieldToEvents().then(() => {
          if (signal?.aborted) {
            settle(err(CANCELLED));
            parser.abort();
          } else parser.resume();
        });
      },
      complete: () => {
        if (settled) return;
        if (!headers || (!layout && pending.length === 0)) return settle(err({ code: 'empty', message: text('CSV-filen har inga rader med svar.', 'The CSV file has no rows of answers.') }));
        if (!layout) {
          const failure = decide();
          if (failure) return settle(err(failure));
        }
        drain();
        if (onChunk && builder.count > 0) onChunk(builder.finish());
        if (decimalCommas > 0) notes.push(DECIMAL_COMMA_NOTE);
        const rejectedNote = rejections.note();
        if (rejectedNote) notes.push(rejectedNote);
        progress(1);
        settle(
          ok({
            columns: onChunk ? null : builder.finish(),
            accepted,
            rejected: rejections.listed,
            rejectedTotal: rejections.total,
            rejectedByReason: rejections.byReason,
            crs,
            notes,
          }),
        );
      },
    });
  });
}
