import { describe, expect, it } from 'vitest';
import {
  AnswerColumnsBuilder,
  answerAt,
  fromRows,
  fromTransferable,
  reasonMask,
  reasonsOfMask,
  timeOfDayCode,
  timeOfDayOfCode,
  toTransferable,
  type AnswerColumns,
} from '../../src/analysis/answers/columns';
import { TIMES_OF_DAY } from '../../src/domain/layers';
import { SURVEY_REASONS, SWEDEN_BOUNDS, surveyAnswerSchema, type SurveyAnswer } from '../../src/domain/surveyAnswer';
import { crsDefinition } from '../../src/io/crsRegistry';
import { generateAnswers } from '../../scripts/generate-answers';

const answer = (over: Partial<SurveyAnswer> = {}): SurveyAnswer => ({
  lon: 18.1637, lat: 59.3105, survey: 'Nacka 2023', year: 2023, timeOfDay: 'kvall', reasons: ['belysning'], ...over,
});

const rowsOf = (columns: AnswerColumns) => Array.from({ length: columns.count }, (_, i) => answerAt(columns, i));

describe('surveyAnswerSchema: the door answers pass once', () => {
  it('takes an answer inside Sweden with a survey, a year, a time of day or none, and known reasons', () => {
    expect(surveyAnswerSchema.safeParse(answer()).success).toBe(true);
    expect(surveyAnswerSchema.safeParse(answer({ timeOfDay: null, reasons: [] })).success).toBe(true);
  });

  it.each([
    ['outside Sweden', { lon: 5 }],
    ['latitude south of Sweden', { lat: 54.9 }],
    ['year before 1990', { year: 1989 }],
    ['year not an integer', { year: 2023.5 }],
    ['empty survey', { survey: '  ' }],
    ['unknown time of day', { timeOfDay: 'morgon' }],
    ['reason outside the list', { reasons: ['belysning', 'spöken'] }],
  ])('refuses %s', (_, over) => {
    expect(surveyAnswerSchema.safeParse({ ...answer(), ...over }).success).toBe(false);
  });

  it("keeps Sweden's box equal to the WGS 84 entry of the coordinate registry", () => {
    const wgs84 = crsDefinition('EPSG:4326');
    expect([SWEDEN_BOUNDS.west, SWEDEN_BOUNDS.east]).toEqual([...wgs84.x]);
    expect([SWEDEN_BOUNDS.south, SWEDEN_BOUNDS.north]).toEqual([...wgs84.y]);
  });

  it('has room for every reason in the Uint16 mask', () => {
    expect(SURVEY_REASONS.length).toBeLessThanOrEqual(16);
  });
});

describe('codes', () => {
  it('time of day: 0 is unknown, every time round-trips', () => {
    expect(timeOfDayCode(null)).toBe(0);
    for (const time of [...TIMES_OF_DAY, null]) expect(timeOfDayOfCode(timeOfDayCode(time))).toBe(time);
  });
  it('reasons: a mask is a set, in list order', () => {
    expect(reasonsOfMask(reasonMask(['klotter', 'belysning', 'klotter']))).toEqual(['belysning', 'klotter']);
    expect(reasonsOfMask(reasonMask([...SURVEY_REASONS]))).toEqual([...SURVEY_REASONS]);
  });
});

describe('AnswerColumnsBuilder', () => {
  it('grows past its capacity and gives the rows back', () => {
    const rows = generateAnswers({ answers: 3000, seed: 3, area: 'four' });
    const builder = new AnswerColumnsBuilder(16);
    for (const row of rows) builder.pushAnswer(row);
    const columns = builder.finish();
    expect(columns.count).toBe(3000);
    expect(columns.lon.length).toBe(3000);
    expect(rowsOf(columns)).toEqual(rows.map((r) => ({ ...r, reasons: reasonsOfMask(reasonMask(r.reasons)) })));
  });

  it('appends chunks with their own survey tables, remapping survey indexes', () => {
    const a = fromRows([answer({ survey: 'A' }), answer({ survey: 'B' })]);
    const b = fromRows([answer({ survey: 'B', year: 2020 }), answer({ survey: 'C', timeOfDay: null })]);
    const builder = new AnswerColumnsBuilder(0);
    builder.append(a);
    builder.append(b);
    const joined = builder.finish();
    expect(joined.surveys).toEqual(['A', 'B', 'C']);
    expect(rowsOf(joined)).toEqual([...rowsOf(a), ...rowsOf(b)]);
  });

  it('adopts finished columns without copying and keeps growing them', () => {
    const base = fromRows([answer()]);
    const builder = AnswerColumnsBuilder.adopt(base);
    expect(builder.view().lon.buffer).toBe(base.lon.buffer);
    builder.pushAnswer(answer({ survey: 'Ny' }));
    expect(rowsOf(builder.finish()).map((r) => r.survey)).toEqual(['Nacka 2023', 'Ny']);
  });
});

describe('transferable buffers', () => {
  it('round-trips through postMessage with transfer: the sender is emptied, nothing is cloned', () => {
    const rows = generateAnswers({ answers: 1000, seed: 11, area: 'sweden' });
    const columns = fromRows(rows);
    const expected = rowsOf(columns);
    const { message, transfer } = toTransferable(columns);
    expect(transfer).toHaveLength(6);
    const received = structuredClone(message, { transfer });
    expect(columns.lon.length).toBe(0); // detached: it moved
    const back = fromTransferable(received);
    expect(rowsOf(back)).toEqual(expected);
  });

  it('copies a view on a larger buffer instead of transferring the builder', () => {
    const builder = new AnswerColumnsBuilder(64);
    builder.pushAnswer(answer());
    const view = builder.view();
    const { message } = toTransferable(view);
    expect(message.lon.byteLength).toBe(8);
    expect(message.lon).not.toBe(view.lon.buffer);
  });

  it('refuses buffers whose sizes do not match the count', () => {
    const { message } = toTransferable(fromRows([answer(), answer()]));
    expect(() => fromTransferable({ ...message, count: 3 })).toThrow(/kolumnen lon/);
  });
});
