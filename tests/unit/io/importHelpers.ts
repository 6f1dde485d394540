import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import type { Result } from '../../../src/domain/result';
import type { ImportFailure, ImportOptions, ParsedImport } from '../../../src/io/importTypes';
import { readImportFile } from '../../../src/io/readImportFile';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';
import { SHARED } from '../sharedFiles';

export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(join('tests/fixtures/import', name)));
/** ../shared/fixtures/real is read in place, never copied. */
export const realBytes = (name: string) => new Uint8Array(readFileSync(join(SHARED, 'fixtures/real', name)));
export const utf8 = (text: string) => new TextEncoder().encode(text);

export function expectOk(result: Result<ParsedImport, ImportFailure>): ParsedImport {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
export function expectFailure(result: Result<ParsedImport, ImportFailure>): ImportFailure {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

/** Reads a file as the import worker does, with the municipality polygons (places outside Sweden rejected). */
export const importFixture = async (name: string, options: ImportOptions = {}) =>
  expectOk(await readImportFile(fixtureBytes(name), name, { locator: testMunicipalityLocator(), ...options }));
export const importReal = async (name: string, options: ImportOptions = {}) =>
  expectOk(await readImportFile(realBytes(name), name, { locator: testMunicipalityLocator(), ...options }));

export function expectClose(actual: readonly number[] | undefined, expected: readonly number[], tolerance = 1e-3): void {
  expect(actual).toBeDefined();
  expected.forEach((v, i) => expect(Math.abs(actual![i]! - v), `ordinate ${i}: ${actual![i]} vs ${v}`).toBeLessThan(tolerance));
}

// --- A tiny writer for point shapefiles and zips, so the shapefile test needs no binary fixture ---

export const SWEREF99_TM_PRJ =
  'PROJCS["SWEREF99_TM",GEOGCS["GCS_SWEREF99",DATUM["D_SWEREF99",SPHEROID["GRS_1980",6378137.0,298.257222101]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],' +
  'PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",15.0],' +
  'PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

function shpHeader(view: DataView, fileWords: number, points: readonly [number, number][]): void {
  view.setInt32(0, 9994, false);
  view.setInt32(24, fileWords, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 1, true); // shape type: Point
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => view.setFloat64(36 + 8 * i, v, true));
}

/** .shp and .shx for Point records (ESRI Shapefile Technical Description, 1998). */
export function writePointShp(points: readonly [number, number][]): { shp: Uint8Array; shx: Uint8Array } {
  const shp = new DataView(new ArrayBuffer(100 + points.length * 28));
  const shx = new DataView(new ArrayBuffer(100 + points.length * 8));
  shpHeader(shp, shp.byteLength / 2, points);
  shpHeader(shx, shx.byteLength / 2, points);
  points.forEach(([x, y], i) => {
    const at = 100 + i * 28;
    shp.setInt32(at, i + 1, false);
    shp.setInt32(at + 4, 10, false); // content length in 16-bit words
    shp.setInt32(at + 8, 1, true);
    shp.setFloat64(at + 12, x, true);
    shp.setFloat64(at + 20, y, true);
    shx.setInt32(100 + i * 8, at / 2, false);
    shx.setInt32(100 + i * 8 + 4, 10, false);
  });
  return { shp: new Uint8Array(shp.buffer), shx: new Uint8Array(shx.buffer) };
}

/** A dBASE III table with character fields only, UTF-8 text (declared in a .cpg). */
export function writeDbf(fields: readonly { name: string; length: number }[], records: readonly string[][]): Uint8Array {
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((s, f) => s + f.length, 0);
  const bytes = new Uint8Array(headerLength + recordLength * records.length + 1);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x03;
  bytes.set([124, 1, 1], 1);
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    bytes.set(utf8(f.name).subarray(0, 10), at);
    bytes[at + 11] = 'C'.charCodeAt(0);
    bytes[at + 16] = f.length;
  });
  bytes[headerLength - 1] = 0x0d;
  records.forEach((record, r) => {
    const at = headerLength + r * recordLength;
    bytes.fill(0x20, at, at + recordLength);
    let offset = at + 1;
    fields.forEach((f, i) => {
      bytes.set(utf8(record[i] ?? '').subarray(0, f.length), offset);
      offset += f.length;
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

/** A zip with deflated entries (APPNOTE 4.3), as Windows' "Skicka till > Komprimerad mapp" writes. */
export function writeZip(entries: Record<string, Uint8Array | string>): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = typeof content === 'string' ? utf8(content) : content;
    const packed = deflateRawSync(data);
    const nameBytes = utf8(name);
    const crc = crc32(data);
    const local = new Uint8Array(30 + nameBytes.length + packed.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, packed.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    local.set(packed, 30 + nameBytes.length);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, packed.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
