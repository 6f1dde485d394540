import { describe, expect, it } from 'vitest';
import { crsFromRanges, makeToWgs84 } from '../../../src/io/crs';
import { crsFromPrj } from '../../../src/io/declaredCrs';
import { CRS_REGISTRY } from '../../../src/io/crsRegistry';
import { importStrings } from '../../../src/ui/importing/strings';
import { SOURCE_CRS, type SourceCrs } from '../../../src/io/importTypes';
import { readImportFile } from '../../../src/io/readImportFile';
import { dms, geodeticToGrid, metresBetween, SWEREF99_TM, swerefZone } from './gaussKruger';
import { expectFailure, expectOk, utf8, writeDbf, writePointShp, writeZip } from './importHelpers';

/*
 * Reference points, none of them computed by proj4:
 *
 * CONTROL: Lantmäteriet's control points for SWEREF 99 ↔ RT 90 ("Kontrollpunkter", lantmateriet.se,
 * .../Transformationer/SWEREF99_RT90_Samband/kontrollpunkter.pdf), as quoted in the test suite of the
 * Ruby gem swedishgrid (github.com/lluft/swedishgrid, test/swedishgrid_test.rb). Latitude/longitude
 * in SWEREF 99, RT 90 2.5 gon V and SWEREF 99 TM to the millimetre; SWEREF 99 13 30 to the metre.
 *
 * LM_SERVICE: two conversions by Lantmäteriet's online transformation service, quoted in the tests
 * of MightyLittleGeodesy (github.com/bjornsallarp/MightyLittleGeodesy, ConversionTests.cs).
 *
 * ZONES: for each of the twelve local zones and RT 90 2.5 gon V, one place in lon/lat and in the
 * zone, the median of six independent implementations (GeoTools, proj4j, ProjNet, …) from
 * TomasJohansson/crsTransformations, file swedish_crs_coordinates.csv (also in the test folder of
 * github.com/TomasJohansson/sweden_crs_transformations_4python).
 *
 * SWEREF 99 and WGS 84 differ by well under a metre in Sweden; like Lantmäteriet's own web maps, the
 * app treats SWEREF 99 latitude/longitude as WGS 84.
 */
const CONTROL = [
  { lat: dms(67, 5, 26.452769), lon: dms(21, 2, 5.101575), rt90: [7453389.762, 1727060.905], tm: [7454204.638, 761811.242], z1330: [7464296, 476781] },
  { lat: dms(63, 32, 14.761735), lon: dms(16, 14, 59.594626), rt90: [7047738.415, 1522128.637], tm: [7046077.605, 562140.337], z1330: [7051229, 286745] },
  { lat: dms(60, 9, 33.882413), lon: dms(14, 45, 28.167152), rt90: [6671665.273, 1441843.186], tm: [6669189.376, 486557.055], z1330: [6672499, 219846] },
  { lat: dms(56, 21, 17.199245), lon: dms(13, 52, 23.754022), rt90: [6249111.351, 1380573.079], tm: [6246136.458, 430374.835], z1330: [6248128, 173075] },
] as const;

const LM_SERVICE = {
  fromWgs84: { lat: dms(59, 58, 55.23), lon: dms(17, 50, 6.12), rt90: [6653174.343, 1613318.742], tm: [6652797.165, 658185.201] },
  fromRt90: { rt90: [6583052, 1627548], lat: dms(59, 20, 56.09287), lon: dms(18, 2, 50.34806) },
} as const;

/** [code, lon, lat, easting, northing] */
const ZONES: [SourceCrs, number, number, number, number][] = [
  ['EPSG:3007', 12.146151472138385, 58.46573396912418, 158529.85136620898, 6483166.205771873],
  ['EPSG:3008', 13.470524334397624, 58.58400993288184, 148285.48862749408, 6496331.697852695],
  ['EPSG:3009', 14.977576047737374, 58.78282472189397, 148703.07023469123, 6518477.443555852],
  ['EPSG:3010', 16.511041403075566, 59.30321531687106, 150629.0196083946, 6576446.640618691],
  ['EPSG:3011', 18.19079263233461, 59.678160851467794, 160749.4537030397, 6618232.315005776],
  ['EPSG:3012', 13.721704597205232, 62.96891741227423, 123201.54397365177, 6985030.111975779],
  ['EPSG:3013', 15.5453884066594, 62.99805848320907, 139631.07711081076, 6988184.660387672],
  ['EPSG:3014', 16.829108886010665, 64.99460630590642, 130140.34937436534, 7210803.867463439],
  ['EPSG:3015', 18.76546663731605, 63.52666974241647, 150769.58533200162, 7047090.338527749],
  ['EPSG:3016', 19.95189549865619, 66.86485452747677, 136924.61238266266, 7419313.586609598],
  ['EPSG:3017', 21.388317251528505, 65.72336003627437, 133400.26969797508, 7292040.086681188],
  ['EPSG:3018', 23.01759451041915, 66.743305441312, 139755.73621974868, 7405746.358696348],
  ['EPSG:3021', 15.816797928880426, 61.291598649254105, 1500627.951348714, 6797357.300170688],
];

/** Örebro slott, 59°16′26″ N 15°12′55″ E (its Wikipedia/Wikidata position). */
const OREBRO_SLOTT = [dms(15, 12, 55), dms(59, 16, 26)] as const;

const ALL_CODES = ['EPSG:4326', 'EPSG:3006', ...Array.from({ length: 12 }, (_, i) => `EPSG:${3007 + i}`), 'EPSG:3021'];

describe('the independent Gauss-Krüger formulas the tests use', () => {
  it("reproduce Lantmäteriet's control points in SWEREF 99 TM to the millimetre and in 13 30 to the metre", () => {
    for (const p of CONTROL) {
      const [n, e] = geodeticToGrid(p.lat, p.lon, SWEREF99_TM);
      expect(Math.abs(n - p.tm[0])).toBeLessThan(0.002);
      expect(Math.abs(e - p.tm[1])).toBeLessThan(0.002);
      const [n1330, e1330] = geodeticToGrid(p.lat, p.lon, swerefZone(13.5));
      expect(Math.abs(n1330 - p.z1330[0])).toBeLessThan(1);
      expect(Math.abs(e1330 - p.z1330[1])).toBeLessThan(1);
    }
  });
});

describe('every coordinate system in the registry converts to WGS 84', () => {
  it('lists WGS 84, SWEREF 99 TM, the twelve local zones and RT 90 2.5 gon V', () => {
    expect([...SOURCE_CRS].sort()).toEqual([...ALL_CODES].sort());
  });

  it.each(ZONES)('%s: the published point lands within 2 cm (RT 90 within 1 m)', (code, lon, lat, e, n) => {
    const position = makeToWgs84(code)([e, n]);
    expect(metresBetween(position, [lon, lat])).toBeLessThan(code === 'EPSG:3021' ? 1 : 0.02);
  });

  it("SWEREF 99 TM and RT 90 2.5 gon V: Lantmäteriet's control points within 2 cm and 1 m", () => {
    const tm = makeToWgs84('EPSG:3006');
    const rt90 = makeToWgs84('EPSG:3021');
    for (const p of CONTROL) {
      expect(metresBetween(tm([p.tm[1], p.tm[0]]), [p.lon, p.lat])).toBeLessThan(0.02);
      expect(metresBetween(rt90([p.rt90[1], p.rt90[0]]), [p.lon, p.lat])).toBeLessThan(1);
    }
    const { fromWgs84, fromRt90 } = LM_SERVICE;
    expect(metresBetween(tm([fromWgs84.tm[1], fromWgs84.tm[0]]), [fromWgs84.lon, fromWgs84.lat])).toBeLessThan(0.02);
    expect(metresBetween(rt90([fromWgs84.rt90[1], fromWgs84.rt90[0]]), [fromWgs84.lon, fromWgs84.lat])).toBeLessThan(1);
    expect(metresBetween(rt90([fromRt90.rt90[1], fromRt90.rt90[0]]), [fromRt90.lon, fromRt90.lat])).toBeLessThan(1);
  });

  it("SWEREF 99 13 30: Lantmäteriet's whole-metre control points within 1 m", () => {
    const z1330 = makeToWgs84('EPSG:3008');
    for (const p of CONTROL) expect(metresBetween(z1330([p.z1330[1], p.z1330[0]]), [p.lon, p.lat])).toBeLessThan(1);
  });
});

const named = (name: string) => ({ type: 'name', properties: { name } });
const pointFile = (coordinates: readonly number[], crs: unknown) =>
  utf8(JSON.stringify({ type: 'FeatureCollection', crs, features: [{ type: 'Feature', properties: { namn: 'Slottet' }, geometry: { type: 'Point', coordinates } }] }));
const orebroIn = (centralMeridian: number) => {
  const [n, e] = geodeticToGrid(OREBRO_SLOTT[1], OREBRO_SLOTT[0], swerefZone(centralMeridian));
  return [e, n];
};

describe('GeoJSON: the declared coordinate system is always honoured', () => {
  it.each([
    ['name EPSG:3008', named('EPSG:3008')],
    ['urn:ogc:def:crs:EPSG::3008', named('urn:ogc:def:crs:EPSG::3008')],
    ['opengis URL', named('http://www.opengis.net/def/crs/EPSG/0/3008')],
    ['old {type: EPSG, code}', { type: 'EPSG', properties: { code: 3008 } }],
  ])('EPSG:3008 (SWEREF 99 13 30) as %s: Örebro slott stays in Örebro', async (_form, crs) => {
    const parsed = expectOk(await readImportFile(pointFile(orebroIn(13.5), crs), 'slottet.geojson'));
    expect(parsed.crs).toMatchObject({ crs: 'EPSG:3008', confident: true });
    expect(parsed.rejected).toEqual([]);
    expect(metresBetween(parsed.candidates[0]!.geometry.coordinates as number[], OREBRO_SLOTT)).toBeLessThan(3);
    expect(parsed.notes.map((n) => n.sv)).toContain('omräknat från EPSG:3008 till WGS 84');
  });

  it('EPSG:3009 (SWEREF 99 15 00, the zone Örebro kommun works in) as well', async () => {
    const parsed = expectOk(await readImportFile(pointFile(orebroIn(15), named('EPSG:3009')), 'slottet.geojson'));
    expect(metresBetween(parsed.candidates[0]!.geometry.coordinates as number[], OREBRO_SLOTT)).toBeLessThan(3);
  });

  it("EPSG:3021 (RT 90 2.5 gon V): Lantmäteriet's control point within 1 m", async () => {
    const p = CONTROL[2];
    const parsed = expectOk(await readImportFile(pointFile([p.rt90[1], p.rt90[0]], named('urn:ogc:def:crs:EPSG::3021')), 'rt90.geojson'));
    expect(parsed.crs).toMatchObject({ crs: 'EPSG:3021', confident: true });
    expect(metresBetween(parsed.candidates[0]!.geometry.coordinates as number[], [p.lon, p.lat])).toBeLessThan(1);
  });

  it("the user's choice does not override what the file declares, and the preview is told so", async () => {
    const parsed = expectOk(await readImportFile(pointFile(orebroIn(13.5), named('EPSG:3008')), 'slottet.geojson', { crs: 'EPSG:3006' }));
    expect(parsed.crs.crs).toBe('EPSG:3008');
    expect(parsed.crsDeclared).toBe(true);
    expect(parsed.notes.some((n) => n.sv.includes('EPSG:3006') && n.sv.includes('användes inte'))).toBe(true);
    expect(parsed.notes.some((n) => n.en.includes('EPSG:3006') && n.en.includes('was not used'))).toBe(true);
    expect(metresBetween(parsed.candidates[0]!.geometry.coordinates as number[], OREBRO_SLOTT)).toBeLessThan(3);
  });

  it.each([
    ['EPSG:2400', named('EPSG:2400')],
    ['EPSG:32633', named('urn:ogc:def:crs:EPSG::32633')],
    ['EPSG:2400', { type: 'EPSG', properties: { code: 2400 } }],
    ['urn:x-ogc:def:crs:LOCAL:hemma', named('urn:x-ogc:def:crs:LOCAL:hemma')],
  ])('a declared system the app cannot convert from (%s) is refused, never guessed', async (label, crs) => {
    const failure = expectFailure(await readImportFile(pointFile(orebroIn(13.5), crs), 'x.geojson'));
    expect(failure.code).toBe('unsupported-crs');
    expect(failure.message.sv).toContain(`koordinatsystemet ${label}`);
    expect(failure.message.sv).toContain('inte kan räkna om från');
    expect(failure.message.en).toContain(`coordinate system ${label}`);
    expect(failure.message.en).toContain('cannot convert from');
  });

  it('a file that declares nothing is still guessed from the numbers, unconfident', async () => {
    const parsed = expectOk(await readImportFile(pointFile([674032, 6580822], undefined), 'x.geojson'));
    expect(parsed.crs).toMatchObject({ crs: 'EPSG:3006', confident: false });
    expect(parsed.crsDeclared).toBeFalsy();
  });
});

const ESRI_GEOGCS_SWEREF99 =
  'GEOGCS["GCS_SWEREF99",DATUM["D_SWEREF99",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const esriZonePrj = (name: string, centralMeridian: number) =>
  `PROJCS["${name}",${ESRI_GEOGCS_SWEREF99},PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",150000.0],` +
  `PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${centralMeridian}],PARAMETER["Scale_Factor",1.0],` +
  'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
/** As GDAL and QGIS write it: OGC WKT 1 with EPSG authorities, the projection's own last. */
const ogcZonePrj = (name: string, centralMeridian: number, code: number) =>
  `PROJCS["${name}",GEOGCS["SWEREF99",DATUM["SWEREF99",SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],` +
  'AUTHORITY["EPSG","6619"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
  `AUTHORITY["EPSG","4619"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",${centralMeridian}],` +
  'PARAMETER["scale_factor",1],PARAMETER["false_easting",150000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],' +
  `AXIS["Northing",NORTH],AXIS["Easting",EAST],AUTHORITY["EPSG","${code}"]]`;
const RT90_ESRI_PRJ =
  'PROJCS["RT90_25_gon_V",GEOGCS["GCS_RT_1990",DATUM["D_RT_1990",SPHEROID["Bessel_1841",6377397.155,299.1528128]],PRIMEM["Greenwich",0.0],' +
  'UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",1500000.0],PARAMETER["False_Northing",0.0],' +
  'PARAMETER["Central_Meridian",15.80827777777778],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const UTM32_ESRI_PRJ =
  'PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],' +
  'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

describe('.prj: the shapefile’s declared system is always honoured', () => {
  it.each([
    ['SWEREF99_13_30', esriZonePrj('SWEREF99_13_30', 13.5), 'EPSG:3008'],
    ['SWEREF99 13 30', ogcZonePrj('SWEREF99 13 30', 13.5, 3008), 'EPSG:3008'],
    ['SWEREF99_15_00', esriZonePrj('SWEREF99_15_00', 15), 'EPSG:3009'],
    ['SWEREF99 TM', 'PROJCS["SWEREF99 TM",GEOGCS["SWEREF99"],PROJECTION["Transverse_Mercator"],AUTHORITY["EPSG","3006"]]', 'EPSG:3006'],
    ['RT90_25_gon_V', RT90_ESRI_PRJ, 'EPSG:3021'],
    ['RT 90 2.5 gon V', 'PROJCS["RT 90 2.5 gon V",GEOGCS["RT90"],PROJECTION["Transverse_Mercator"]]', 'EPSG:3021'],
    ['GCS_WGS_1984', 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]]]', 'EPSG:4326'],
  ])('recognises %s', (_name, prj, code) => {
    expect(crsFromPrj(prj)).toBe(code);
  });

  it('names what it cannot convert from', () => {
    expect(crsFromPrj(UTM32_ESRI_PRJ)).toEqual({ unsupported: 'ETRS_1989_UTM_Zone_32N' });
    expect(crsFromPrj(ogcZonePrj('WGS 84 / UTM zone 33N', 15, 32633))).toEqual({ unsupported: 'EPSG:32633' });
  });

  const dbf = writeDbf([{ name: 'NAMN', length: 30 }], [['Örebro slott']]);
  it('a zipped shapefile whose .prj names SWEREF 99 13 30 lands Örebro slott in Örebro', async () => {
    const { shp, shx } = writePointShp([orebroIn(13.5) as [number, number]]);
    for (const prj of [esriZonePrj('SWEREF99_13_30', 13.5), ogcZonePrj('SWEREF99 13 30', 13.5, 3008)]) {
      const zip = writeZip({ 'slott.shp': shp, 'slott.shx': shx, 'slott.dbf': dbf, 'slott.prj': prj, 'slott.cpg': 'UTF-8' });
      const parsed = expectOk(await readImportFile(zip, 'slott.zip', { crs: 'EPSG:3006' }));
      expect(parsed.crs).toMatchObject({ crs: 'EPSG:3008', confident: true });
      expect(parsed.crsDeclared).toBe(true);
      expect(parsed.candidates[0]!.name).toBe('Örebro slott');
      expect(metresBetween(parsed.candidates[0]!.geometry.coordinates as number[], OREBRO_SLOTT)).toBeLessThan(3);
    }
  });

  it('a zipped shapefile in RT 90 2.5 gon V lands within 1 m', async () => {
    const p = CONTROL[1];
    const { shp, shx } = writePointShp([[p.rt90[1], p.rt90[0]]]);
    const zip = writeZip({ 'rt90.shp': shp, 'rt90.shx': shx, 'rt90.dbf': dbf, 'rt90.prj': RT90_ESRI_PRJ });
    const parsed = expectOk(await readImportFile(zip, 'rt90.zip'));
    expect(parsed.crs).toMatchObject({ crs: 'EPSG:3021', confident: true });
    expect(metresBetween(parsed.candidates[0]!.geometry.coordinates as number[], [p.lon, p.lat])).toBeLessThan(1);
  });

  it('a .prj the app cannot convert from refuses the shapefile and names the system', async () => {
    const { shp, shx } = writePointShp([[500000, 6600000]]);
    const zip = writeZip({ 'utm.shp': shp, 'utm.shx': shx, 'utm.dbf': dbf, 'utm.prj': UTM32_ESRI_PRJ });
    const failure = expectFailure(await readImportFile(zip, 'utm.zip'));
    expect(failure.code).toBe('unsupported-crs');
    expect(failure.message.sv).toContain('ETRS_1989_UTM_Zone_32N');
    expect(failure.message.en).toContain('ETRS_1989_UTM_Zone_32N');
  });
});

describe('guessing from ranges, only for files that declare nothing', () => {
  it('recognises RT 90 2.5 gon V by its seven-digit eastings, unconfident', () => {
    expect(crsFromRanges([[1441843.186, 6671665.273], [1522128.637, 7047738.415]])).toMatchObject({ crs: 'EPSG:3021', confident: false });
  });
});

describe('the registry itself', () => {
  /** Lantmäteriet's table of the local zones: central meridian per zone, EPSG:3007 → 3018. */
  const MERIDIANS = [12, 13.5, 15, 16.5, 18, 14.25, 15.75, 17.25, 18.75, 20.25, 21.75, 23.25];

  it('defines every local zone with its official parameters (GRS 80, k = 1, E + 150 000 m)', () => {
    MERIDIANS.forEach((lon0, i) => {
      const def = CRS_REGISTRY.find((c) => c.code === `EPSG:${3007 + i}`)!;
      const params = Object.fromEntries(def.proj4.split(' ').map((p) => p.replace(/^\+/, '').split('=')));
      expect(params).toMatchObject({ proj: 'tmerc', lat_0: '0', lon_0: String(lon0), k: '1', x_0: '150000', y_0: '0', ellps: 'GRS80', units: 'm' });
      const [dd, mm] = [Math.floor(lon0), Math.round((lon0 % 1) * 60)];
      expect(def.name).toBe(`SWEREF 99 ${String(dd).padStart(2, '0')} ${String(mm).padStart(2, '0')}`);
    });
  });

  it('names every system in Swedish and English for the preview', () => {
    const [sv, en] = [importStrings('sv'), importStrings('en')];
    for (const def of CRS_REGISTRY) {
      expect(sv.crsNames[def.code]).toContain(def.name);
      expect(en.crsNames[def.code]).toContain(def.name);
    }
    expect(sv.crsNames['EPSG:3008']).toBe('SWEREF 99 13 30 (lokal zon, meter)');
    expect(en.crsNames['EPSG:3021']).toMatch(/RT 90 2.5 gon V .*metres/);
  });

  it("its plausible ranges hold the reference points, so a guess can use them", () => {
    const within = (code: string, x: number, y: number) => {
      const def = CRS_REGISTRY.find((c) => c.code === code)!;
      return x >= def.x[0] && x <= def.x[1] && y >= def.y[0] && y <= def.y[1];
    };
    for (const [code, lon, lat, e, n] of ZONES) {
      expect(within(code, e, n), code).toBe(true);
      expect(within('EPSG:4326', lon, lat)).toBe(true);
    }
    for (const p of CONTROL) {
      expect(within('EPSG:3006', p.tm[1], p.tm[0])).toBe(true);
      expect(within('EPSG:3021', p.rt90[1], p.rt90[0])).toBe(true);
    }
  });
});
