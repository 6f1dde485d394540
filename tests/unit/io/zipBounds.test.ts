import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../src/io/readImportFile';
import { zipEntries } from '../../../src/io/zipEntries';
import { expectFailure, expectOk, SWEREF99_TM_PRJ, utf8, writeDbf, writePointShp, writeZip } from './importHelpers';

const MB = 1024 * 1024;

/** Finds the central-directory (0x02014b50) or local (0x04034b50) header of an entry by name. */
function headerOffsets(zip: Uint8Array, name: string, signature: number): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const wanted = utf8(name);
  const nameAt = signature === 0x02014b50 ? 46 : 30;
  const found: number[] = [];
  for (let i = 0; i + nameAt + wanted.length <= zip.length; i++) {
    if (view.getUint32(i, true) !== signature) continue;
    if (view.getUint16(i + (signature === 0x02014b50 ? 28 : 26), true) !== wanted.length) continue;
    if (wanted.every((b, k) => zip[i + nameAt + k] === b)) found.push(i);
  }
  return found;
}

/** Rewrites what the zip claims about an entry, as a hostile or broken zip writer would. */
function forge(zip: Uint8Array, name: string, claims: { uncompressed?: number; compressed?: number; flags?: number; method?: number }, local = false): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const targets = [...headerOffsets(out, name, 0x02014b50).map((at) => ({ at, base: 6 })), ...(local ? headerOffsets(out, name, 0x04034b50).map((at) => ({ at, base: 4 })) : [])];
  expect(targets.length).toBeGreaterThan(0);
  for (const { at, base } of targets) {
    // Central and local headers have the same fields from the flags on, the central one 2 bytes further in.
    if (claims.flags !== undefined) view.setUint16(at + base + 2, claims.flags, true);
    if (claims.method !== undefined) view.setUint16(at + base + 4, claims.method, true);
    if (claims.compressed !== undefined) view.setUint32(at + base + 14, claims.compressed, true);
    if (claims.uncompressed !== undefined) view.setUint32(at + base + 18, claims.uncompressed, true);
  }
  return out;
}

const { shp, shx } = writePointShp([[674032, 6580822], [647793, 6638608]]);
const dbf = writeDbf([{ name: 'NAMN', length: 30 }], [['Sergels torg'], ['Uppsala å']]);
const layer = { 'platser.shp': shp, 'platser.shx': shx, 'platser.dbf': dbf, 'platser.prj': SWEREF99_TM_PRJ, 'platser.cpg': 'UTF-8' };

describe('zipEntries reads the central directory without inflating anything', () => {
  it('gives name, method, both sizes and where the local header is', () => {
    const zip = writeZip({ 'a.shp': 'x'.repeat(1000), 'mapp/b.prj': 'y' });
    const entries = zipEntries(zip)!;
    expect(entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([['a.shp', 8, 1000], ['mapp/b.prj', 8, 1]]);
    expect(entries[0]!.compressedSize).toBeLessThan(100);
    expect(entries[0]!.localHeaderOffset).toBe(0);
    expect(entries[1]!.localHeaderOffset).toBe(30 + 'a.shp'.length + entries[0]!.compressedSize);
  });
});

describe('zip bombs are refused before or while inflating, never by running out of memory', () => {
  it('a .shp whose central directory declares 1 GiB is refused before anything is inflated', async () => {
    const zip = forge(writeZip(layer), 'platser.shp', { uncompressed: 1024 * MB });
    const failure = expectFailure(await readImportFile(zip, 'bomb.zip'));
    expect(failure.code).toBe('zip-too-large');
    expect(failure.message.sv).toContain('200 MB');
  });

  it('a real 50 MB run of zeros packed to some 50 kB is refused by its ratio', async () => {
    const zeros = new Uint8Array(50 * MB);
    const zip = writeZip({ ...layer, 'platser.shp': zeros });
    expect(zip.length).toBeLessThan(200 * 1024);
    const failure = expectFailure(await readImportFile(zip, 'nollor.zip'));
    expect(failure.code).toBe('zip-too-large');
    expect(failure.message.sv).toContain('platser.shp');
    expect(failure.message.sv).toMatch(/komprimerad/);
  });

  it('entries that together declare more than 200 MB are refused', async () => {
    let zip = forge(writeZip(layer), 'platser.shp', { uncompressed: 120 * MB, compressed: 2 * MB });
    zip = forge(zip, 'platser.dbf', { uncompressed: 120 * MB, compressed: 2 * MB });
    const failure = expectFailure(await readImportFile(zip, 'stor.zip'));
    expect(failure.code).toBe('zip-too-large');
    expect(failure.message.sv).toContain('240 MB');
    expect(failure.message.sv).toContain('200 MB');
  });

  it('a central directory that lies (128 bytes declared, 5 MB inside) is refused while inflating', async () => {
    const big = new Uint8Array(shp.length + 5 * MB);
    big.set(shp);
    const zip = forge(writeZip({ ...layer, 'platser.shp': big }), 'platser.shp', { uncompressed: shp.length }, true);
    const failure = expectFailure(await readImportFile(zip, 'ljuger.zip'));
    expect(failure.code).toBe('zip-too-large');
    expect(failure.message.sv).toContain('platser.shp');
  });

  it('refuses encrypted entries and compression methods it does not inflate, naming them', async () => {
    const encrypted = expectFailure(await readImportFile(forge(writeZip(layer), 'platser.shp', { flags: 1 }), 'krypterad.zip'));
    expect(encrypted.code).toBe('unreadable');
    expect(encrypted.message.sv).toMatch(/krypterad/);
    expect(encrypted.message.en).toMatch(/encrypted/);
    const bzip2 = expectFailure(await readImportFile(forge(writeZip(layer), 'platser.dbf', { method: 12 }), 'bzip2.zip'));
    expect(bzip2.code).toBe('unreadable');
    expect(bzip2.message.sv).toContain('platser.dbf');
  });

  it('ignores entries it does not need (__MACOSX, other files), however large they claim to be', async () => {
    let zip = writeZip({ ...layer, '__MACOSX/._platser.shp': 'resursgaffel', 'karta.pdf': 'pdf' });
    zip = forge(zip, '__MACOSX/._platser.shp', { uncompressed: 1024 * MB });
    zip = forge(zip, 'karta.pdf', { uncompressed: 1024 * MB });
    const parsed = expectOk(await readImportFile(zip, 'med_skrap.zip'));
    expect(parsed.candidates.map((c) => c.name)).toEqual(['Sergels torg', 'Uppsala å']);
  });
});

describe('large shapefiles show movement', () => {
  it('reports progress while inflating, not only before and after', async () => {
    const n = 20_000;
    const points = Array.from({ length: n }, (_, i): [number, number] => [600_000 + (i % 500) * 37, 6_500_000 + Math.floor(i / 500) * 41]);
    const { shp: bigShp, shx: bigShx } = writePointShp(points);
    // Pseudo-random text, so the table compresses like real attributes (far below 100:1).
    let seed = 7;
    const word = () => Array.from({ length: 40 }, () => String.fromCharCode(97 + ((seed = (seed * 16807) % 2147483647) % 26))).join('');
    const bigDbf = writeDbf([{ name: 'NAMN', length: 40 }, { name: 'TEXT', length: 200 }], points.map((_, i) => [`Plats ${i}`, word() + word() + word() + word() + word()]));
    const zip = writeZip({ 'stor.shp': bigShp, 'stor.shx': bigShx, 'stor.dbf': bigDbf, 'stor.prj': SWEREF99_TM_PRJ });
    const seen: number[] = [];
    const parsed = expectOk(await readImportFile(zip, 'stor.zip', { onProgress: (f) => seen.push(f) }));
    expect(parsed.candidates).toHaveLength(n);
    const whileReading = seen.filter((f) => f > 0 && f < 0.5);
    expect(new Set(whileReading).size).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});
