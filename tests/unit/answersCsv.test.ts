import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { answerAt, type AnswerColumns } from '../../src/analysis/answers/columns';
import type { Result } from '../../src/domain/result';
import type { AnswersImport, AnswersImportFailure, AnswersImportProgress } from '../../src/io/answers/answerRows';
import { parseAnswersCsv } from '../../src/io/answers/parseAnswersCsv';
import { parseAnswersGeoJson } from '../../src/io/answers/parseAnswersGeoJson';
import { crsDefinition } from '../../src/io/crsRegistry';
import { generateAnswerColumns, writeAnswersCsv } from '../../scripts/generate-answers';

const SERGELS = [18.0592, 59.3302];

function expectOk(result: Result<AnswersImport, AnswersImportFailure>): AnswersImport {
  if (!result.ok) throw new Error(`import failed: ${result.error.code} ${result.error.message.en}`);
  return result.value;
}
const rows = (columns: AnswerColumns | null) => Array.from({ length: columns?.count ?? 0 }, (_, i) => answerAt(columns!, i));
const close = (a: number, b: number, tolerance = 1e-5) => expect(Math.abs(a - b)).toBeLessThan(tolerance);

function syntheticCsv(answers: number, seed: number, sweref = false): string {
  const parts: string[] = [];
  const forward = sweref ? proj4(crsDefinition('EPSG:4326').proj4, crsDefinition('EPSG:3006').proj4).forward : undefined;
  writeAnswersCsv({ answers, seed, area: 'four' }, (text) => parts.push(text), forward);
  return parts.join('');
}

describe('parseAnswersCsv', () => {
  it('reads Swedish Excel: `;`, decimal comma, kväll, a list of reasons', async () => {
    const text = 'lon;lat;enkät;år;tid;skäl\r\n18,0592;59,3302;Trygghetsenkät 2024;2024;kväll;Belysning, skymd sikt\r\n18,1;59,31;Trygghetsenkät 2024;2024;;\r\n';
    const parsed = expectOk(await parseAnswersCsv(text));
    expect(parsed.rejected).toEqual([]);
    expect(rows(parsed.columns)).toEqual([
      { lon: 18.0592, lat: 59.3302, survey: 'Trygghetsenkät 2024', year: 2024, timeOfDay: 'kvall', reasons: ['belysning', 'skymd sikt'] },
      { lon: 18.1, lat: 59.31, survey: 'Trygghetsenkät 2024', year: 2024, timeOfDay: null, reasons: [] },
    ]);
    expect(parsed.notes.some((n) => n.sv.includes('decimalkomma'))).toBe(true);
    expect(parsed.notes.some((n) => n.en.includes('decimal commas'))).toBe(true);
  });

  it('reads `,` CSV with quoted decimal commas and reasons, and bytes in Windows-1252', async () => {
    const parsed = expectOk(await parseAnswersCsv('lat,lon,survey,year,time of day,reasons\n"59,3302","18,0592",S,2023,natt,"klotter|narkotika"\n'));
    expect(rows(parsed.columns)).toEqual([{ lon: 18.0592, lat: 59.3302, survey: 'S', year: 2023, timeOfDay: 'natt', reasons: ['narkotika', 'klotter'] }]);
    const latin1 = Uint8Array.from([...'lon;lat;enkät;år;tid\n18,06;59,33;Enkät;2022;kväll\n'].map((c) => c.charCodeAt(0)));
    const decoded = expectOk(await parseAnswersCsv(latin1));
    expect(rows(decoded.columns)[0]).toMatchObject({ survey: 'Enkät', timeOfDay: 'kvall' });
    expect(decoded.notes.some((n) => n.sv.includes('Windows-1252'))).toBe(true);
  });

  it('converts SWEREF 99 TM x/y (either column order) with one converter, found by the values', async () => {
    for (const header of ['x;y', 'E;N']) {
      const parsed = expectOk(await parseAnswersCsv(`${header};enkat;ar\n674032;6580822;S;2024\n`));
      expect(parsed.crs.crs).toBe('EPSG:3006');
      const [answer] = rows(parsed.columns);
      close(answer!.lon, SERGELS[0]!, 1e-4);
      close(answer!.lat, SERGELS[1]!, 1e-4);
      expect(parsed.notes.some((n) => n.sv.includes('EPSG:3006') && n.en.includes('converted from EPSG:3006'))).toBe(true);
    }
    // Swedish surveyors' x is the northing: the values put it right.
    const northingFirst = expectOk(await parseAnswersCsv('x;y;enkat;ar\n6580822;674032;S;2024\n'));
    close(rows(northingFirst.columns)[0]!.lon, SERGELS[0]!, 1e-4);
  });

  it('a synthetic file written in SWEREF 99 TM reads back as the same answers', async () => {
    const parsed = expectOk(await parseAnswersCsv(syntheticCsv(3000, 9, true)));
    const expected = rows(generateAnswerColumns({ answers: 3000, seed: 9, area: 'four' }));
    expect(parsed.accepted).toBe(3000);
    rows(parsed.columns).forEach((answer, i) => {
      const want = expected[i]!;
      expect({ ...answer, lon: 0, lat: 0 }).toEqual({ ...want, lon: 0, lat: 0 });
      close(answer.lon, want.lon, 1e-5); // 0.1 m rounding of the metres
      close(answer.lat, want.lat, 1e-5);
    });
  });

  it('names every rejected row by its file line (quoted line breaks counted) and reason', async () => {
    const text = [
      'lon;lat;enkat;ar;tid;skal;kommentar',
      '18,06;59,33;S;2024;dag;belysning;"två',
      'rader"',
      ';59,33;S;2024;dag;;',
      'abc;59,33;S;2024;dag;;',
      '5,0;52,0;S;2024;dag;;',
      '59,33;18,06;S;2024;dag;;',
      '18,06;59,33;S;1850;dag;;',
      '18,06;59,33;S;2024;morgon;;',
      '18,06;59,33;S;2024;dag;spöken;',
      '18,06;59,33;;2024;dag;;',
      '',
      '18,06;59,33;S;;natt;;',
      '18,07;59,34;S;2025;natt;klotter;',
    ].join('\n');
    const parsed = expectOk(await parseAnswersCsv(text));
    expect(parsed.rejected.map((r) => [r.label.sv, r.reason])).toEqual([
      ['rad 4', 'missing-coordinates'],
      ['rad 5', 'non-numeric-coordinates'],
      ['rad 6', 'outside-sweden'],
      ['rad 7', 'lat-lon-swapped'],
      ['rad 8', 'invalid-year'],
      ['rad 9', 'invalid-time-of-day'],
      ['rad 10', 'unknown-reason'],
      ['rad 11', 'missing-survey'],
      ['rad 13', 'invalid-year'],
    ]);
    expect(parsed.rejected.find((r) => r.reason === 'unknown-reason')!.detail).toEqual({ sv: 'skäl = spöken', en: 'reasons = spöken' });
    expect(parsed.rejected.find((r) => r.reason === 'invalid-time-of-day')!.detail).toEqual({ sv: 'tid = morgon', en: 'time = morgon' });
    expect(parsed.rejected[0]!.label.en).toBe('row 4');
    expect(parsed.accepted).toBe(2);
    expect(parsed.rejectedTotal).toBe(9);
    expect(parsed.rejectedByReason['invalid-year']).toBe(2);
  });

  it('takes the survey and year from options when the file has no such columns', async () => {
    const parsed = expectOk(await parseAnswersCsv('lat;lon\n59,33;18,06\n', { survey: 'Nacka 2023', year: 2023 }));
    expect(rows(parsed.columns)).toEqual([{ lon: 18.06, lat: 59.33, survey: 'Nacka 2023', year: 2023, timeOfDay: null, reasons: [] }]);
  });

  it('streams: chunks of columns, progress rising to 1, and the same answers as one piece', async () => {
    const text = syntheticCsv(60_000, 4);
    const chunks: AnswerColumns[] = [];
    const progress: AnswersImportProgress[] = [];
    const streamed = expectOk(await parseAnswersCsv(text, { chunkAnswers: 7000, onChunk: (c) => chunks.push(c), onProgress: (p) => progress.push(p) }));
    expect(streamed.columns).toBeNull();
    expect(chunks.map((c) => c.count)).toEqual([...Array(8).fill(7000), 4000]);
    expect(progress.length).toBeGreaterThan(2); // the file is about 4 MB: several 1 MB reads
    expect(progress.at(-1)).toMatchObject({ fraction: 1, accepted: 60_000 });
    for (let k = 1; k < progress.length; k++) expect(progress[k]!.fraction).toBeGreaterThanOrEqual(progress[k - 1]!.fraction);
    const whole = expectOk(await parseAnswersCsv(text));
    expect(chunks.flatMap((c) => rows(c))).toEqual(rows(whole.columns));
    // Small reads (rows split across reads) give the same answers.
    const small = expectOk(await parseAnswersCsv(text.slice(0, 200_000), { chunkCharacters: 5000 }));
    const wholeSmall = expectOk(await parseAnswersCsv(text.slice(0, 200_000)));
    expect(rows(small.columns)).toEqual(rows(wholeSmall.columns));
    expect(small.rejected).toEqual(wholeSmall.rejected);
  });

  it('stops when its AbortSignal fires, between chunks', async () => {
    const controller = new AbortController();
    let seen = 0;
    const result = await parseAnswersCsv(syntheticCsv(60_000, 5), {
      signal: controller.signal,
      onProgress: (p) => {
        seen++;
        if (p.fraction > 0.2) controller.abort();
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('cancelled');
    expect(seen).toBeLessThan(5);
    const already = await parseAnswersCsv('lon;lat\n18;59\n', { signal: AbortSignal.abort() });
    expect(already.ok).toBe(false);
  });

  it('fails plainly on an empty file and one without coordinates', async () => {
    const empty = await parseAnswersCsv('');
    expect(!empty.ok && empty.error.code).toBe('empty');
    const noXY = await parseAnswersCsv('namn;år\nTorget;2024\n');
    expect(!noXY.ok && noXY.error.code).toBe('no-coordinates');
  });
});

describe('parseAnswersGeoJson', () => {
  it('reads points with Swedish or English properties, refuses other geometries by feature number', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [18.0592, 59.3302] }, properties: { enkät: 'S', år: 2024, tid: 'kväll', skäl: ['belysning'] } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [18.1, 59.31] }, properties: { survey: 'S', year: '2023', timeOfDay: 'natt', reasons: 'klotter, narkotika' } },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[18, 59], [18.1, 59.1]] }, properties: { survey: 'S', year: 2024 } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [5, 52] }, properties: { survey: 'S', year: 2024 } },
      ],
    };
    const parsed = expectOk(await parseAnswersGeoJson(JSON.stringify(collection)));
    expect(rows(parsed.columns)).toEqual([
      { lon: 18.0592, lat: 59.3302, survey: 'S', year: 2024, timeOfDay: 'kvall', reasons: ['belysning'] },
      { lon: 18.1, lat: 59.31, survey: 'S', year: 2023, timeOfDay: 'natt', reasons: ['narkotika', 'klotter'] },
    ]);
    expect(parsed.rejected.map((r) => [r.label.sv, r.reason])).toEqual([
      ['objekt 3', 'unsupported-geometry'],
      ['objekt 4', 'outside-sweden'],
    ]);
  });

  it('honours a declared SWEREF 99 TM crs and refuses one outside the registry', async () => {
    const point = (crs: string) =>
      JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: crs } }, features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [674032, 6580822] }, properties: { survey: 'S', year: 2024 } }] });
    const parsed = expectOk(await parseAnswersGeoJson(point('urn:ogc:def:crs:EPSG::3006')));
    close(rows(parsed.columns)[0]!.lon, SERGELS[0]!, 1e-4);
    const refused = await parseAnswersGeoJson(point('EPSG:2400'));
    expect(!refused.ok && refused.error.code).toBe('unsupported-crs');
  });
});
