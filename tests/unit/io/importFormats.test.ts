import { describe, expect, it } from 'vitest';
import { en, sv } from '../helpers/texts';
import { positionsOf } from '../../../src/domain/geometry';
import { parseGeoJson } from '../../../src/io/parseGeoJson';
import { readImportFile } from '../../../src/io/readImportFile';
import {
  expectClose,
  expectFailure,
  expectOk,
  importFixture,
  SWEREF99_TM_PRJ,
  utf8,
  writeDbf,
  writePointShp,
  writeZip,
} from './importHelpers';

describe('GeoJSON import', () => {
  it('keeps good features and rejects the unclosed ring without closing it', async () => {
    const parsed = await importFixture('en_trasig_polygon.geojson');
    expect(parsed.crs).toMatchObject({ crs: 'EPSG:4326', confident: true });
    expect(parsed.rejected).toHaveLength(2);
    expect(parsed.rejected[0]).toMatchObject({ index: 2, label: { sv: 'objekt 2', en: 'feature 2' }, reason: 'unclosed-ring' });
    expect(parsed.rejected[0]!.detail.sv).toContain('inte samma som sista');
    expect(parsed.rejected[0]!.detail.en).toContain('is not the same as the last');
    // A mixed GeometryCollection has no single kind of place.
    expect(parsed.rejected[1]).toMatchObject({ index: 5, reason: 'unsupported-geometry' });
    expect(parsed.candidates.map((c) => [c.label.sv, c.name, c.geometry.type])).toEqual([
      ['objekt 1', 'Parken', 'Polygon'],
      ['objekt 3', 'Busshållplatsen', 'Point'],
      ['objekt 4, punkt 1', 'Två lampor', 'Point'],
      ['objekt 4, punkt 2', 'Två lampor', 'Point'],
    ]);
    expect(parsed.candidates[1]!.properties.antal).toBe(7);
    expect(sv(parsed.notes)).toContain('flerpunktsgeometrier (MultiPoint) delades upp i enskilda punkter');
    expect(parsed.candidates[3]!.label.en).toBe('feature 4, point 2');
  });

  it('reprojects from a legacy crs member naming EPSG:3006', async () => {
    const parsed = await importFixture('legacy_crs_3006.geojson');
    expect(parsed.crs).toEqual({ crs: 'EPSG:3006', reason: { sv: 'filen anger EPSG:3006 (crs)', en: 'the file declares EPSG:3006 (crs)' }, confident: true });
    expect(parsed.candidates).toHaveLength(2);
    expect(parsed.candidates[0]!.name).toBe('Sergels torg'); // from NAMN
    expect(parsed.candidates[0]!.properties.KOD).toBe('0180');
    expectClose(parsed.candidates[0]!.geometry.coordinates as number[], [18.0592, 59.3302]);
    expectClose(positionsOf(parsed.candidates[1]!.geometry)[1], [17.6389, 59.8586]);
  });

  it('reads a bare Feature and a bare geometry, and understands urn and CRS84 names', () => {
    const feature = expectOk(parseGeoJson(JSON.stringify({ type: 'Feature', properties: { titel: 'T' }, geometry: { type: 'Point', coordinates: [18, 59] } }), 'f.json'));
    expect(feature.candidates[0]!.name).toBe('T');
    const bare = expectOk(
      parseGeoJson(
        JSON.stringify({ type: 'Point', coordinates: [674032, 6580822], crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3006' } } }),
        'g.json',
      ),
    );
    expect(bare.crs.confident).toBe(true);
    expectClose(bare.candidates[0]!.geometry.coordinates as number[], [18.0592, 59.3302]);
    const crs84 = expectOk(
      parseGeoJson(JSON.stringify({ type: 'Point', coordinates: [18, 59], crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } }), 'h.json'),
    );
    expect(crs84.crs).toMatchObject({ crs: 'EPSG:4326', reason: { sv: 'filen anger EPSG:4326 (crs)' }, confident: true });
  });

  it('reports a truncated file as truncated, with the position, in both languages', async () => {
    const text = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"namn":"Park';
    const failure = expectFailure(await readImportFile(utf8(text), 'avkortad.geojson', {}));
    expect(failure.code).toBe('truncated');
    expect(failure.message.sv).toContain(`tecken ${text.length}`);
    expect(failure.message.sv).toContain('rad 1');
    expect(failure.message.sv).toMatch(/avkortad/);
    expect(failure.message.en).toContain(`character ${text.length}`);
    expect(failure.message.en).toContain('line 1');
    expect(failure.message.en).toMatch(/cut short/);
  });

  it('reports other JSON syntax errors as unreadable, and JSON that is not GeoJSON as unknown', async () => {
    expect(expectFailure(await readImportFile(utf8('{"type": "Feature",, }'), 'x.geojson', {})).code).toBe('unreadable');
    expect(expectFailure(await readImportFile(utf8('{"hello": 1}'), 'x.json', {})).code).toBe('unknown-format');
    expect(expectFailure(await readImportFile(utf8('{"type":"FeatureCollection","features":[]}'), 'x.json', {})).code).toBe('no-features');
  });
});

describe('GPX import', () => {
  it('turns tracks and routes into lines and waypoints into points, labelled per kind', async () => {
    const parsed = await importFixture('spar_rutt_vagpunkter.gpx');
    expect(parsed.crs.crs).toBe('EPSG:4326');
    expect(parsed.candidates.map((c) => [c.label.sv, c.gpxKind, c.geometry.type, c.name])).toEqual([
      ['spår 1', 'track', 'MultiLineString', 'Genomförd vandring'],
      ['rutt 1', 'route', 'LineString', 'Planerad vandring'],
      ['vägpunkt 1', 'waypoint', 'Point', 'Trasig lampa'],
      ['vägpunkt 2', 'waypoint', 'Point', 'Klotter'],
    ]);
    expect(en(parsed.candidates.map((c) => c.label))).toEqual(['track 1', 'route 1', 'waypoint 1', 'waypoint 2']);
    expect(positionsOf(parsed.candidates[0]!.geometry)).toHaveLength(4);
    expectClose(parsed.candidates[2]!.geometry.coordinates as number[], [18.0711, 59.3251], 1e-9);
    expect(parsed.candidates[2]!.properties.desc).toBe('Vid trappan');
    expect(Object.keys(parsed.candidates[0]!.properties)).not.toContain('coordinateProperties');
  });

  it('refuses a truncated GPX as unreadable', async () => {
    const failure = expectFailure(await readImportFile(utf8('<gpx><trk><name>a</name><trkseg><trkpt lat="59" lon="18">'), 'x.gpx', {}));
    expect(failure.code).toBe('unreadable');
    expect(failure.message.sv).toMatch(/GPX-filen kunde inte läsas/);
    expect(failure.message.en).toMatch(/The GPX file could not be read/);
  });
});

describe('KML import', () => {
  it('reads a point and a polygon, names from <name> and from ExtendedData', async () => {
    const parsed = await importFixture('platsmarke.kml');
    expect(parsed.candidates.map((c) => [c.label.sv, c.name, c.geometry.type])).toEqual([
      ['platsmärke 1', 'Gångtunneln', 'Point'],
      ['platsmärke 2', 'Lekplatsen', 'Polygon'],
    ]);
    expect(parsed.candidates[0]!.properties.description).toBe('<b>Mörk</b> på kvällen');
    expect(parsed.candidates[0]!.properties.id).toBe('p1');
    expectClose(parsed.candidates[0]!.geometry.coordinates as number[], [18.0711, 59.3251, 0], 1e-9);
  });

  it('refuses a truncated KML as unreadable and XML of another kind as unknown', async () => {
    expect(expectFailure(await readImportFile(utf8('<kml><Document><Placemark><name>x</na'), 'x.kml', {})).code).toBe('unreadable');
    expect(expectFailure(await readImportFile(utf8('<?xml version="1.0"?><svg></svg>'), 'x.kml', {})).code).toBe('unknown-format');
  });
});

describe('zipped shapefile import', () => {
  const points: [number, number][] = [[674032, 6580822], [647793, 6638608]];
  const { shp, shx } = writePointShp(points);
  const dbf = writeDbf([{ name: 'NAMN', length: 30 }, { name: 'KOD', length: 4 }], [['Sergels torg', '0180'], ['Uppsala å', '0380']]);

  it('honours the .prj (the registry reprojects) and reads names from the .dbf', async () => {
    const zip = writeZip({ 'platser.shp': shp, 'platser.shx': shx, 'platser.dbf': dbf, 'platser.prj': SWEREF99_TM_PRJ, 'platser.cpg': 'UTF-8' });
    const parsed = expectOk(await readImportFile(zip, 'platser.zip', {}));
    expect(parsed.format).toBe('shapefile');
    expect(parsed.crs).toEqual({ crs: 'EPSG:3006', reason: { sv: 'filen anger EPSG:3006 (.prj)', en: 'the file declares EPSG:3006 (.prj)' }, confident: true });
    expect(parsed.candidates.map((c) => c.name)).toEqual(['Sergels torg', 'Uppsala å']);
    expect(parsed.candidates[0]!.properties.KOD).toBe('0180');
    expectClose(parsed.candidates[0]!.geometry.coordinates as number[], [18.0592, 59.3302]);
    expectClose(parsed.candidates[1]!.geometry.coordinates as number[], [17.6389, 59.8586]);
  });

  it('without .prj detects SWEREF 99 TM from ranges and reprojects itself', async () => {
    const zip = writeZip({ 'platser.shp': shp, 'platser.shx': shx, 'platser.dbf': dbf });
    const parsed = expectOk(await readImportFile(zip, 'utan_prj.zip', {}));
    expect(parsed.crs).toMatchObject({ crs: 'EPSG:3006', confident: false });
    expectClose(parsed.candidates[0]!.geometry.coordinates as number[], [18.0592, 59.3302]);
    expect(sv(parsed.notes)).toContain('omräknat från EPSG:3006 till WGS 84');
  });

  it('refuses a zip without .shp, and a broken zip', async () => {
    const failure = expectFailure(await readImportFile(writeZip({ 'readme.txt': 'hej', 'platser.dbf': dbf }), 'fel.zip', {}));
    expect(failure.code).toBe('zip-without-shp');
    expect(failure.message.sv).toContain('.shp');
    expect(failure.message.en).toContain('contains no shapefile (.shp)');
    const cut = writeZip({ 'platser.shp': shp }).subarray(0, 40);
    expect(expectFailure(await readImportFile(cut, 'trasig.zip', {})).code).toBe('unreadable');
  });
});
