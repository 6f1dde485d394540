import { readFileSync } from 'node:fs';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { areaPolygonSetSchema } from '../../src/domain/areaIndex';
import { matchAreaRows } from '../../src/io/areaIndex/matchAreaRows';
import { normaliseAreaCode, normaliseAreaName } from '../../src/io/areaIndex/normalise';
import { parseAreaIndexCsv } from '../../src/io/areaIndex/parseAreaIndexCsv';
import { parseAreaPolygons } from '../../src/io/areaIndex/parseAreaPolygons';
import { readAreaIndexCsv, readAreaPolygons } from '../../src/io/areaIndex/readAreaIndexFiles';
import { AREA_INDEX_REJECT_REASONS } from '../../src/io/areaIndex/types';
import { areaIndexStrings } from '../../src/ui/strings/areaIndex';

const FIXTURES = 'tests/fixtures/areaIndex';
const csvBytes = () => new Uint8Array(readFileSync(`${FIXTURES}/syntetiskt_omradesindex_nacka.csv`));
const geojsonBytes = () => new Uint8Array(readFileSync(`${FIXTURES}/syntetiska_omraden_nacka_sweref99tm.geojson`));
const text = (t: string) => ({ text: t, encoding: 'utf-8' as const, note: null });
const TM = '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

function unwrap<T, E>(r: { ok: true; value: T } | { ok: false; error: E }): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

/** A square polygon in WGS 84 around a point, as a feature with the given properties. */
const square = (lon: number, lat: number, properties: Record<string, unknown>, d = 0.01) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates: [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]] },
});

describe('area index CSV: wide format (one column per question)', () => {
  const parsed = unwrap(readAreaIndexCsv(csvBytes(), 'syntetiskt_omradesindex_nacka.csv'));

  it('finds the code, name and year columns, ignores the count of answers, and reads four questions with a decimal comma', () => {
    expect(parsed.format).toBe('wide');
    expect(parsed.columns).toMatchObject({ code: 'Områdeskod', name: 'Område', year: 'År' });
    expect(parsed.columns.questions).toEqual(['Nedskräpning', 'Bilar som kör för fort', 'Narkotikaförsäljning', 'Personer som är berusade']);
    expect(parsed.notes).toEqual(
      expect.arrayContaining([{ code: 'wide-format', questions: 4 }, { code: 'decimal-comma' }, { code: 'ignored-columns', columns: ['Antal svar'] }, { code: 'empty-values', count: 1 }]),
    );
    expect(parsed.values.find((v) => v.line === 3 && v.question === 'Nedskräpning')).toEqual({ line: 3, code: 'N01', name: 'Sickla', year: 2024, question: 'Nedskräpning', index: 1.8 });
  });

  it('rejects an index outside 0–6 (that value only) and a row without a year, each with its line and the cell', () => {
    expect(parsed.rejected).toEqual([
      { kind: 'row', index: 11, question: 'Narkotikaförsäljning', reason: 'index-out-of-range', detail: 'Narkotikaförsäljning = 7,5' },
      { kind: 'row', index: 13, reason: 'missing-year', detail: 'År' },
    ]);
    // Älta 2024 keeps its other three questions.
    expect(parsed.values.filter((v) => v.line === 11).map((v) => v.question)).toEqual(['Nedskräpning', 'Bilar som kör för fort', 'Personer som är berusade']);
  });

  it('rejects a year that is no year, text where an index should be, and a row without an area', () => {
    const r = unwrap(parseAreaIndexCsv(text('Område;År;Nedskräpning;Klotter\nSickla;tjugo;1,0;2\nSickla;2024;mycket;2\n;2024;1;1\nSickla;1850;1;1\n'), 'x.csv'));
    expect(r.rejected.map((x) => [x.index, x.reason, x.detail])).toEqual([
      [2, 'invalid-year', 'År = tjugo'],
      [3, 'index-not-number', 'Nedskräpning = mycket'],
      [4, 'missing-area', 'Område'],
      [5, 'invalid-year', 'År = 1850'],
    ]);
    expect(r.values).toEqual([{ line: 3, code: null, name: 'Sickla', year: 2024, question: 'Klotter', index: 2 }]);
  });

  it('reads comma-separated files with decimal points and Windows-1252 text', () => {
    const latin1 = new Uint8Array(Buffer.from('Omr\xe5de,\xc5r,Nedskr\xe4pning\nF\xf6rsta,2024,2.5\n', 'latin1'));
    const r = unwrap(readAreaIndexCsv(latin1, 'x.csv'));
    expect(r.values).toEqual([{ line: 2, code: null, name: 'Första', year: 2024, question: 'Nedskräpning', index: 2.5 }]);
    expect(r.notes).toContainEqual({ code: 'windows-1252' });
    expect(r.notes).not.toContainEqual({ code: 'decimal-comma' });
  });

  it('refuses a file without an area or year column, or without question columns, naming its columns', () => {
    expect(parseAreaIndexCsv(text('Plats nr;År;Index\n1;2024;2\n'), 'x.csv')).toMatchObject({ ok: false, error: { code: 'no-area-column', detail: 'Plats nr, År, Index' } });
    expect(parseAreaIndexCsv(text('Område;Nedskräpning\nSickla;2\n'), 'x.csv')).toMatchObject({ ok: false, error: { code: 'no-year-column' } });
    expect(parseAreaIndexCsv(text('Område;År;Kommentar\nSickla;2024;bra\n'), 'x.csv')).toMatchObject({ ok: false, error: { code: 'no-question-columns' } });
    expect(parseAreaIndexCsv(text('Område;År;Nedskräpning\n'), 'x.csv')).toMatchObject({ ok: false, error: { code: 'no-rows' } });
    expect(readAreaIndexCsv(new Uint8Array([0x50, 0x4b, 0, 0]), 'x.csv')).toMatchObject({ ok: false, error: { code: 'binary' } });
  });
});

describe('area index CSV: long format (area, year, question, index)', () => {
  it('reads one value per line, merges spellings of a question, and rejects what is wrong', () => {
    const csv = 'Område;År;Fråga;Problemindex\r\nSickla;2023;Nedskräpning;2,1\r\nSickla;2024;nedskräpning;1,8\r\nSickla;2024;;2\r\nSickla;2024;Klotter;-1\r\nFisksätra;;Klotter;3\r\n';
    const r = unwrap(parseAreaIndexCsv(text(csv), 'lang.csv'));
    expect(r.format).toBe('long');
    expect(r.columns).toMatchObject({ question: 'Fråga', index: 'Problemindex', questions: ['Nedskräpning'] });
    expect(r.values.map((v) => [v.year, v.question, v.index])).toEqual([
      [2023, 'Nedskräpning', 2.1],
      [2024, 'Nedskräpning', 1.8],
    ]);
    expect(r.rejected.map((x) => [x.index, x.reason])).toEqual([
      [4, 'missing-question'],
      [5, 'index-out-of-range'],
      [6, 'missing-year'],
    ]);
    expect(r.notes).toContainEqual({ code: 'long-format' });
  });
});

describe('area polygons: GeoJSON', () => {
  it('reprojects a file in SWEREF 99 TM that says so, and detects the code and name properties', () => {
    const parsed = unwrap(readAreaPolygons(geojsonBytes(), 'omraden.geojson'));
    expect(parsed.crs.crs).toBe('EPSG:3006');
    expect(parsed.crsDeclared).toBe(true);
    expect(parsed.notes).toContainEqual({ code: 'reprojected', crs: 'EPSG:3006' });
    expect(parsed.set).toMatchObject({ nameProperty: 'OMRADE', codeProperty: 'OMRADESKOD' });
    expect(parsed.set.areas.map((a) => [a.key, a.name, a.geometry.type])).toEqual([
      ['N01', 'Sickla', 'Polygon'],
      ['N02', 'Fisksätra', 'Polygon'],
      ['N03', 'Saltsjöbaden', 'MultiPolygon'],
      ['N04', 'Orminge', 'Polygon'],
      ['N05', 'Älta', 'Polygon'],
      ['N06', 'Nacka strand', 'Polygon'],
    ]);
    // Sickla's south-west corner was written from lon 18.115, lat 59.298.
    const corner = (parsed.set.areas[0]!.geometry as GeoJSON.Polygon).coordinates[0]![0]!;
    expect(corner[0]).toBeCloseTo(18.115, 5);
    expect(corner[1]).toBeCloseTo(59.298, 5);
    expect(areaPolygonSetSchema.safeParse(parsed.set).success).toBe(true);
    expect(parsed.rejected).toEqual([]);
  });

  it('guesses SWEREF 99 TM from the numbers when the file names no system, and says it guessed', () => {
    const [e, n] = proj4('EPSG:4326', TM, [18.2, 59.3]);
    const d = 800;
    const ring = [[e - d, n - d], [e + d, n - d], [e + d, n + d], [e - d, n + d], [e - d, n - d]];
    const parsed = unwrap(parseAreaPolygons(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { namn: 'Ett' }, geometry: { type: 'Polygon', coordinates: [ring] } }] }), 'x.geojson'));
    expect(parsed.crs.crs).toBe('EPSG:3006');
    expect(parsed.crsDeclared).toBe(false);
    expect(parsed.notes).toContainEqual({ code: 'crs-guessed', crs: 'EPSG:3006' });
    const [lon, lat] = (parsed.set.areas[0]!.geometry as GeoJSON.Polygon).coordinates[0]![0]!;
    expect(lon).toBeGreaterThan(18.18);
    expect(lat).toBeCloseTo(59.3, 1);
  });

  it('refuses a coordinate system outside the registry by name, and files that are not GeoJSON', () => {
    const fc = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:2400' } }, features: [square(18.2, 59.3, { namn: 'A' })] };
    expect(parseAreaPolygons(JSON.stringify(fc), 'x.geojson')).toMatchObject({ ok: false, error: { code: 'unsupported-crs', detail: 'EPSG:2400' } });
    expect(parseAreaPolygons('{"a":1}', 'x.geojson')).toMatchObject({ ok: false, error: { code: 'not-geojson' } });
    expect(parseAreaPolygons('{"type":"FeatureCollection","features":[', 'x.geojson')).toMatchObject({ ok: false, error: { code: 'unreadable-json' } });
  });

  it('rejects points, unclosed rings, areas outside Sweden, features without name or code, and duplicates', () => {
    const open = square(18.3, 59.3, { namn: 'Öppen' });
    (open.geometry.coordinates[0] as number[][]).pop();
    const fc = {
      type: 'FeatureCollection',
      features: [
        square(18.2, 59.3, { namn: 'Bra', kod: '01' }),
        { type: 'Feature', properties: { namn: 'Punkt', kod: '02' }, geometry: { type: 'Point', coordinates: [18.2, 59.3] } },
        { ...open, properties: { namn: 'Öppen', kod: '03' } },
        square(13.4, 52.5, { namn: 'Berlin', kod: '04' }),
        square(18.25, 59.3, { namn: '', kod: null }),
        square(18.22, 59.3, { namn: 'Bra igen', kod: '1' }),
        { type: 'Feature', properties: { namn: 'Två', kod: '07' }, geometry: { type: 'GeometryCollection', geometries: [square(18.2, 59.4, {}).geometry, square(18.3, 59.4, {}).geometry] } },
      ],
    };
    const parsed = unwrap(parseAreaPolygons(JSON.stringify(fc), 'x.geojson'));
    expect(parsed.set.areas.map((a) => [a.key, a.geometry.type])).toEqual([
      ['01', 'Polygon'],
      ['07', 'MultiPolygon'],
    ]);
    expect(parsed.rejected.map((r) => [r.index, r.reason])).toEqual([
      [2, 'unsupported-geometry'],
      [3, 'unclosed-ring'],
      [4, 'outside-sweden'],
      [5, 'no-area-name'],
      [6, 'duplicate-area'],
    ]);
    expect(parsed.rejected[0]!.detail).toBe('Punkt: Point');
    expect(parsed.notes).toContainEqual({ code: 'split-collections', count: 1 });
  });

  it('takes the name or code property the planner chooses', () => {
    const fc = { type: 'FeatureCollection', features: [square(18.2, 59.3, { namn: 'Sickla', beteckning: 'S1' })] };
    const parsed = unwrap(parseAreaPolygons(JSON.stringify(fc), 'x.geojson', { codeProperty: 'beteckning' }));
    expect(parsed.set.areas[0]).toMatchObject({ key: 'S1', code: 'S1', name: 'Sickla' });
    expect(parsed.properties).toEqual(['namn', 'beteckning']);
  });

  it('never takes __proto__ or constructor as data', () => {
    const json = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"__proto__":{"polluted":1},"namn":"<img src=x onerror=alert(1)>"},"geometry":{"type":"Polygon","coordinates":[[[18.1,59.2],[18.2,59.2],[18.2,59.3],[18.1,59.2]]]}}]}';
    const parsed = unwrap(parseAreaPolygons(json, 'x.geojson'));
    expect(parsed.properties).toEqual(['namn']);
    // Kept as text: the UI renders it as text, never as HTML.
    expect(parsed.set.areas[0]!.name).toBe('<img src=x onerror=alert(1)>');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('matching results to areas', () => {
  const csv = unwrap(readAreaIndexCsv(csvBytes(), 'r.csv'));
  const polygons = unwrap(readAreaPolygons(geojsonBytes(), 'a.geojson'));
  const matched = matchAreaRows(csv.values, polygons.set, csv.columns);

  it('matches by code, else by name (case and diacritics aside), and names the unknown area once per row', () => {
    expect(matched.matchedAreas.sort()).toEqual(['N01', 'N02', 'N03', 'N04', 'N05']);
    expect(matched.rows.filter((r) => r.areaKey === 'N05').map((r) => [r.year, r.areaName])).toEqual([
      [2023, 'Älta'], [2023, 'Älta'], [2023, 'Älta'], [2023, 'Älta'],
      [2024, 'ÄLTA'], [2024, 'ÄLTA'], [2024, 'ÄLTA'],
    ]);
    expect(matched.rejected).toEqual([{ kind: 'row', index: 12, reason: 'unknown-area', detail: 'Områdeskod = N09, Område = Hasseludden' }]);
    // 11 valid rows × 4 questions, less the rejected 7,5, the empty "–" and Hasseludden's 4.
    expect(matched.rows).toHaveLength(11 * 4 - 1 - 1 - 4);
  });

  it('refuses a name several areas share, and keeps the first of two values for the same area, year and question', () => {
    const fc = { type: 'FeatureCollection', features: [square(18.2, 59.3, { namn: 'Centrum', kod: 'A' }), square(18.3, 59.3, { namn: 'Centrum', kod: 'B' })] };
    const set = unwrap(parseAreaPolygons(JSON.stringify(fc), 'x.geojson')).set;
    const r = unwrap(parseAreaIndexCsv(text('Kod;Namn;År;Klotter\n;Centrum;2024;1\nb;Centrum;2024;2\n0B;;2024;3\n'), 'x.csv'));
    const m = matchAreaRows(r.values, set, r.columns);
    expect(m.rows).toEqual([{ areaKey: 'B', areaName: 'Centrum', year: 2024, question: 'Klotter', index: 2 }]);
    expect(m.rejected.map((x) => [x.index, x.reason])).toEqual([
      [2, 'ambiguous-area'],
      [4, 'unknown-area'],
    ]);
  });

  it('compares codes without leading zeros, as Excel drops them', () => {
    expect(normaliseAreaCode('0182')).toBe(normaliseAreaCode('182'));
    expect(normaliseAreaCode(' n 01 ')).toBe('N01');
    expect(normaliseAreaName('Saltsjö-Boo')).toBe(normaliseAreaName('saltsjo boo'));
    expect(normaliseAreaName(' ÄLTA ')).toBe('alta');
  });
});

describe('rejection reasons in both languages', () => {
  it('every reason has a Swedish and an English text', () => {
    for (const reason of AREA_INDEX_REJECT_REASONS) {
      expect(areaIndexStrings('sv').reasons[reason], reason).toBeTruthy();
      expect(areaIndexStrings('en').reasons[reason], reason).toBeTruthy();
      expect(areaIndexStrings('en').reasons[reason]).not.toBe(areaIndexStrings('sv').reasons[reason]);
    }
    expect(Object.keys(areaIndexStrings('en').reasons).sort()).toEqual([...AREA_INDEX_REJECT_REASONS].sort());
  });
});
