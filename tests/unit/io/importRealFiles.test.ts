import { describe, expect, it } from 'vitest';
import { centroid, area } from '@turf/turf';
import { positionsOf } from '../../../src/domain/geometry';
import { expectClose, importReal } from './importHelpers';

/** Expected values from ../shared/fixtures/real/README.md (checked there with proj4 and turf). */
describe('import of real-world files (read in place from ../shared)', () => {
  it('Lantmäteriet roads: legacy crs EPSG:3006 is honoured and the roads land in south-west Skåne', async () => {
    const parsed = await importReal('lantmateriet_vaglinje_sweref99tm.geojson');
    expect(parsed.format).toBe('geojson');
    expect(parsed.crs).toEqual({ crs: 'EPSG:3006', reason: { sv: 'filen anger EPSG:3006 (crs)', en: 'the file declares EPSG:3006 (crs)' }, confident: true });
    expect(parsed.rejected).toEqual([]);
    expect(parsed.candidates).toHaveLength(22);
    expect(parsed.candidates.every((c) => c.geometry.type === 'MultiLineString')).toBe(true);
    expect(parsed.candidates.reduce((n, c) => n + positionsOf(c.geometry).length, 0)).toBe(142);
    const first = parsed.candidates[0]!;
    expect(first.label).toEqual({ sv: 'objekt 1', en: 'feature 1' });
    expect(first.properties.objekttyp).toBe('Övergripande länk');
    expect(first.name).toBeNull(); // gatunamn is null everywhere and no name key has a value
    expectClose(centroid(first.geometry).geometry.coordinates, [13.131, 55.375], 0.01);
    const all = parsed.candidates.flatMap((c) => positionsOf(c.geometry));
    expect(Math.min(...all.map((p) => p[0]!))).toBeCloseTo(12.984, 2);
    expect(Math.max(...all.map((p) => p[0]!))).toBeCloseTo(13.848, 2);
    expect(Math.min(...all.map((p) => p[1]!))).toBeCloseTo(55.338, 2);
    expect(Math.max(...all.map((p) => p[1]!))).toBeCloseTo(55.455, 2);
    expect(parsed.notes.map((n) => n.sv)).toContain('omräknat från EPSG:3006 till WGS 84');
  });

  it('SCB municipalities without crs: SWEREF 99 TM detected from ranges (not confident), codes stay text', async () => {
    const parsed = await importReal('scb_kommuner_sweref99tm_nocrs.geojson');
    expect(parsed.crs.crs).toBe('EPSG:3006');
    expect(parsed.crs.confident).toBe(false);
    expect(parsed.crs.reason.sv).toMatch(/SWEREF 99 TM/);
    expect(parsed.crs.reason.en).toMatch(/look like SWEREF 99 TM/);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.candidates).toHaveLength(290);
    expect(parsed.candidates.filter((c) => c.geometry.type === 'Polygon')).toHaveLength(277);
    expect(parsed.candidates.filter((c) => c.geometry.type === 'MultiPolygon')).toHaveLength(13);
    const first = parsed.candidates[0]!;
    expect(first.properties.KnNamn).toBe('Upplands Väsby');
    expect(first.properties.KnKod).toBe('0114');
    expectClose(centroid(first.geometry).geometry.coordinates, [17.915, 59.519], 0.01);
    const stockholm = parsed.candidates.find((c) => c.properties.KnNamn === 'Stockholm')!;
    expectClose(centroid(stockholm.geometry).geometry.coordinates, [18.002, 59.328], 0.01);
    expect(area(stockholm.geometry) / 1e6).toBeGreaterThan(170);
    expect(area(stockholm.geometry) / 1e6).toBeLessThan(180);
  });

  it('ÖDOK KML: 214 points in Stockholm, names from the non-standard <title>, HTML kept as inert text', async () => {
    const parsed = await importReal('odok_offentlig_konst_stockholm.kml');
    expect(parsed.format).toBe('kml');
    expect(parsed.rejected).toEqual([]);
    expect(parsed.candidates).toHaveLength(214);
    const first = parsed.candidates[0]!;
    expect(first.name).toBe('Birger Jarl');
    expect(first.properties.id).toBe('k0180/001');
    expect(first.geometry.type).toBe('Point');
    expectClose(first.geometry.coordinates as number[], [18.06385, 59.32511], 1e-4);
    expect(typeof first.properties.description).toBe('string');
    expect(String(first.properties.description)).toContain('<a href=');
    const lons = parsed.candidates.map((c) => (c.geometry.coordinates as number[])[0]!);
    const lats = parsed.candidates.map((c) => (c.geometry.coordinates as number[])[1]!);
    expect(Math.min(...lons)).toBeCloseTo(17.832, 2);
    expect(Math.max(...lons)).toBeCloseTo(18.136, 2);
    expect(Math.min(...lats)).toBeCloseTo(59.252, 2);
    expect(Math.max(...lats)).toBeCloseTo(59.402, 2);
  });

  it('Sverigeleden GPX: the <rte> becomes one 665-point route line, unrepaired', async () => {
    const parsed = await importReal('sverigeleden_osm_route.gpx');
    expect(parsed.format).toBe('gpx');
    expect(parsed.candidates).toHaveLength(1);
    const route = parsed.candidates[0]!;
    expect(route.gpxKind).toBe('route');
    expect(route.label).toEqual({ sv: 'rutt 1', en: 'route 1' });
    expect(route.name).toBe('Sverigeleden');
    expect(route.geometry.type).toBe('LineString');
    const points = positionsOf(route.geometry);
    expect(points).toHaveLength(665);
    expectClose(points[0], [18.69025, 64.59076], 1e-5);
    expectClose(points[664], [18.66215, 64.58556], 1e-5);
  });
});
