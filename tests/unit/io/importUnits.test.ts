import { describe, expect, it } from 'vitest';
import { same } from '../../../src/domain/text';
import { rowLabel } from '../../../src/io/importText';
import { crsFromRanges, makeToWgs84 } from '../../../src/io/crs';
import { crsFromGeoJsonMember, crsFromPrj, detectCrs } from '../../../src/io/declaredCrs';
import { decodeText } from '../../../src/io/decodeText';
import { runImport } from '../../../src/io/runImportInWorker';
import { ImportNotes, pickName, sanitizeProperties } from '../../../src/io/sanitize';
import { sniffFormat } from '../../../src/io/readImportFile';
import { validateGeometry } from '../../../src/io/validateCandidate';
import { rejectOutsideSweden } from '../../../src/io/placeCandidates';
import { outsideSwedenIssue } from '../../../src/domain/rules/insideSweden';
import type { SupportedGeometry } from '../../../src/domain/geometry';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';
import { zipEntryNames } from '../../../src/io/zipEntries';
import { expectClose, expectOk, SWEREF99_TM_PRJ, utf8, writeZip } from './importHelpers';

describe('decodeText', () => {
  it('strips the UTF-8 BOM and falls back to Windows-1252 with a note', () => {
    expect(decodeText(utf8('\uFEFFÅre'))).toEqual({ text: 'Åre', encoding: 'utf-8', note: null });
    const latin = decodeText(Uint8Array.from([0xd6, 0x73, 0x74, 0x72, 0x61, 0x20, 0xc5, 0x67, 0x61, 0x74, 0x61, 0x6e, 0x20, 0x80]));
    expect(latin.text).toBe('Östra Ågatan €'); // 0x80 is € in Windows-1252, not a C1 control
    expect(latin.encoding).toBe('windows-1252');
    expect(latin.note?.sv).toMatch(/Windows-1252/);
    expect(latin.note?.en).toMatch(/read as Windows-1252/);
  });
});

describe('coordinate systems', () => {
  it('reads crs members in their common spellings', () => {
    const named = (name: string) => ({ type: 'name', properties: { name } });
    expect(crsFromGeoJsonMember(named('EPSG:3006'))).toBe('EPSG:3006');
    expect(crsFromGeoJsonMember(named('urn:ogc:def:crs:EPSG::3006'))).toBe('EPSG:3006');
    expect(crsFromGeoJsonMember(named('urn:ogc:def:crs:EPSG:6.3:3006'))).toBe('EPSG:3006');
    expect(crsFromGeoJsonMember(named('http://www.opengis.net/def/crs/EPSG/0/3006'))).toBe('EPSG:3006');
    expect(crsFromGeoJsonMember(named('urn:ogc:def:crs:OGC:1.3:CRS84'))).toBe('EPSG:4326');
    expect(crsFromGeoJsonMember({ type: 'EPSG', properties: { code: 3006 } })).toBe('EPSG:3006');
    expect(crsFromGeoJsonMember(named('EPSG:3011'))).toBe('EPSG:3011');
    expect(crsFromGeoJsonMember(named('EPSG:2400'))).toEqual({ unsupported: 'EPSG:2400' });
    expect(crsFromGeoJsonMember(undefined)).toBeNull();
  });

  it('reads .prj text and number ranges', () => {
    expect(crsFromPrj(SWEREF99_TM_PRJ)).toBe('EPSG:3006');
    expect(crsFromPrj('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]]]')).toBe('EPSG:4326');
    expect(crsFromRanges([[674032, 6580822], [18, 59]])).toMatchObject({ crs: 'EPSG:3006', confident: false });
    expect(crsFromRanges([[18, 59], [18.1, 59.1], [674032, 6580822]])).toMatchObject({ crs: 'EPSG:4326', confident: true });
    expect(crsFromRanges([[1e9, 1e9]])).toMatchObject({ crs: 'EPSG:4326', confident: false });
    // A declared system outside the registry is refused, never guessed from the numbers.
    const refused = detectCrs({ geoJsonCrs: { type: 'name', properties: { name: 'EPSG:2400' } }, samples: [[18, 59]] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unsupported-crs' } });
    const fromPrj = detectCrs({ prj: SWEREF99_TM_PRJ });
    expect(fromPrj.ok && fromPrj.value.crs).toEqual({ crs: 'EPSG:3006', reason: { sv: 'filen anger EPSG:3006 (.prj)', en: 'the file declares EPSG:3006 (.prj)' }, confident: true });
  });

  it('converts SWEREF 99 TM with one converter and keeps elevation', () => {
    const toWgs84 = makeToWgs84('EPSG:3006');
    expectClose(toWgs84([381819.95, 6138060.14, 12]), [13.135, 55.3746, 12]);
    expect(makeToWgs84('EPSG:4326')([18, 59])).toEqual([18, 59]);
  });
});

describe('validateGeometry', () => {
  const ring = [[18, 59], [18.1, 59], [18.1, 59.1], [18, 59]];
  it('accepts valid geometries inside Sweden and drops foreign members', () => {
    const check = validateGeometry({ type: 'Polygon', coordinates: [ring], bbox: [0, 0, 1, 1] });
    expect(check).toEqual({ ok: true, geometry: { type: 'Polygon', coordinates: [ring] } });
  });
  it.each([
    [{ type: 'Polygon', coordinates: [ring.slice(0, 3)] }, 'unclosed-ring'],
    [{ type: 'Polygon', coordinates: [[[18, 59], [18.1, 59], [18, 59]]] }, 'invalid-geometry'],
    [{ type: 'LineString', coordinates: [[18, 59]] }, 'invalid-geometry'],
    [{ type: 'LineString', coordinates: [] }, 'empty-geometry'],
    [{ type: 'Point', coordinates: ['18', 59] }, 'non-numeric-coordinates'],
    [{ type: 'GeometryCollection', geometries: [] }, 'unsupported-geometry'],
    [{ type: 'MultiPoint', coordinates: [[18, 59]] }, 'unsupported-geometry'],
    [null, 'empty-geometry'],
    // Metres read as degrees are beyond the earth's range: certainly not in Sweden.
    [{ type: 'Point', coordinates: [674032, 6580822] }, 'outside-sweden'],
  ])('%j → %s', (geometry, reason) => {
    const check = validateGeometry(geometry);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toBe(reason);
  });
  it('leaves "inside Sweden" to the municipality-polygon rule: Copenhagen is structurally valid', () => {
    expect(validateGeometry({ type: 'Point', coordinates: [12.5683, 55.6761] }).ok).toBe(true);
  });
});

describe('inside Sweden at the file boundary: the write door rule on the municipality polygons', () => {
  const locator = testMunicipalityLocator();
  it.each([
    [{ type: 'Point', coordinates: [59.33, 18.07] }, 'lat-lon-swapped'],
    [{ type: 'Point', coordinates: [13.405, 52.52] }, 'outside-sweden'],
    [{ type: 'Point', coordinates: [12.5683, 55.6761] }, 'outside-sweden'],
    [{ type: 'LineString', coordinates: [[18, 59], [13.4, 52.5], [13.41, 52.51]] }, 'outside-sweden'],
  ] as const)('%j → %s', (geometry, reason) => {
    expect(outsideSwedenIssue({ id: 'x', geometry: geometry as unknown as SupportedGeometry }, locator)?.code).toBe(reason);
  });
  it.each([
    ['Sandhamn', [18.9128, 59.2877]],
    ['Visingsö', [14.33, 58.05]],
    ['the middle of Vättern', [14.55, 58.3]],
    ['Smygehuk', [13.36, 55.34]],
  ] as const)('keeps %s', (_name, coordinates) => {
    expect(outsideSwedenIssue({ id: 'x', geometry: { type: 'Point', coordinates: [...coordinates] } }, locator)).toBeNull();
  });
  it('moves such candidates to the rejected rows with their position, in file order', () => {
    const candidate = (index: number, coordinates: number[]) => ({ index, label: rowLabel(index), name: null, properties: {}, geometry: { type: 'Point' as const, coordinates } });
    const result = rejectOutsideSweden({ candidates: [candidate(2, [18.07, 59.33]), candidate(4, [12.5683, 55.6761])], rejected: [{ index: 3, label: rowLabel(3), reason: 'missing-coordinates' as const, detail: same('') }] }, locator);
    expect(result.candidates.map((c) => c.label.sv)).toEqual(['rad 2']);
    expect(result.rejected.map((r) => [r.label.sv, r.reason])).toEqual([['rad 3', 'missing-coordinates'], ['rad 4', 'outside-sweden']]);
    expect(result.rejected[1]!.detail.sv).toContain('lon 12,5683, lat 55,6761');
    expect(result.rejected[1]!.detail).toEqual({ sv: 'lon 12,5683, lat 55,6761', en: 'lon 12.5683, lat 55.6761' });
  });
});

describe('sanitize', () => {
  it('copies only plain values and picks the first non-empty name key', () => {
    const notes = new ImportNotes();
    const raw = JSON.parse('{"__proto__":{"x":1},"name":"  ","namn":"Torget","n":1,"inf":null,"b":true,"arr":[1,"a"]}');
    const props = sanitizeProperties(raw, notes);
    expect(props).toEqual({ name: '  ', namn: 'Torget', n: 1, inf: null, b: true, arr: '[1,"a"]' });
    expect(pickName(props, notes)).toBe('Torget');
    expect(sanitizeProperties('text', notes)).toEqual({});
  });
});

describe('sniffing and zip listing', () => {
  it('recognises content', () => {
    expect(sniffFormat(utf8('\uFEFF  {"type":1}'))).toBe('geojson');
    expect(sniffFormat(utf8('<?xml version="1.0"?>\n<!-- kommentar – med tankstreck -->\n<kml xmlns="x">'))).toBe('kml');
    expect(sniffFormat(utf8('<gpx:gpx xmlns:gpx="x">'))).toBe('gpx');
    expect(sniffFormat(Uint8Array.from([0x50, 0x4b, 3, 4]))).toBe('shapefile');
    expect(sniffFormat(utf8('namn;lat;lon'))).toBeNull();
  });
  it('lists zip entry names from the central directory', () => {
    expect(zipEntryNames(writeZip({ 'a.shp': 'x', 'mapp/b.prj': 'y' }))).toEqual(['a.shp', 'mapp/b.prj']);
    expect(zipEntryNames(utf8('PK but not a zip'))).toBeNull();
  });
});

describe('runImport', () => {
  it('falls back to the main thread where Worker is undefined', async () => {
    expect(typeof Worker).toBe('undefined');
    const fractions: number[] = [];
    const file = new File(['namn;lat;lon\nA;59,3;18,0\n'], 'a.csv');
    const { promise } = runImport(file, { onProgress: (f) => fractions.push(f) });
    const parsed = expectOk(await promise);
    expect(parsed.candidates[0]!.name).toBe('A');
    expect(fractions.at(-1)).toBe(1);
  });
  it('can be cancelled', async () => {
    const { promise, cancel } = runImport(new File(['namn;lat;lon\nA;59,3;18,0\n'], 'a.csv'));
    cancel();
    const result = await promise;
    expect(result.ok).toBe(false);
  });
});

describe('importWorker', () => {
  it('posts progress messages and then the result', async () => {
    const posted: unknown[] = [];
    const fakeSelf: { postMessage: (m: unknown) => void; onmessage?: (e: { data: unknown }) => Promise<void> } = {
      postMessage: (m) => posted.push(m),
    };
    (globalThis as { self?: unknown }).self = fakeSelf;
    try {
      await import('../../../src/io/importWorker');
      const bytes = utf8('{"type":"Point","coordinates":[18,59]}').buffer;
      await fakeSelf.onmessage!({ data: { bytes, fileName: 'p.geojson', options: {} } });
    } finally {
      delete (globalThis as { self?: unknown }).self;
    }
    expect(posted[0]).toEqual({ type: 'progress', fraction: 0 });
    const last = posted.at(-1) as { type: string; result: { ok: boolean; value: { candidates: unknown[] } } };
    expect(last.type).toBe('result');
    expect(last.result.ok).toBe(true);
    expect(last.result.value.candidates).toHaveLength(1);
  });
});
