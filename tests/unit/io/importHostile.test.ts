import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../src/io/readImportFile';
import { expectFailure, expectOk, importFixture, utf8 } from './importHelpers';

describe('hostile and broken input', () => {
  it('keeps markup in names verbatim as plain strings', async () => {
    const parsed = await importFixture('fientliga_namn.geojson');
    expect(parsed.candidates).toHaveLength(2);
    expect(parsed.candidates[0]!.name).toBe('<script>alert(1)</script>');
    expect(parsed.candidates[1]!.name).toBe('<img src=x onerror=alert(1)>');
    expect(typeof parsed.candidates[1]!.name).toBe('string');
    expect(parsed.candidates[1]!.properties.nested).toBe('{"a":[1,2]}');
  });

  it('drops __proto__, constructor and prototype keys without polluting Object.prototype', async () => {
    const parsed = await importFixture('fientliga_namn.geojson');
    const props = parsed.candidates[0]!.properties;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(props).sort()).toEqual(['name', 'ok']);
    expect(Object.hasOwn(props, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect(props.ok).toBe('kvar');
    expect(parsed.notes.map((n) => n.sv)).toContain('3 egenskaper med otillåtet namn (__proto__, constructor, prototype) togs bort');
    expect(parsed.notes.map((n) => n.en)).toContain('3 properties with a forbidden name (__proto__, constructor, prototype) removed');
  });

  it('drops a __proto__ column in a CSV', async () => {
    const parsed = expectOk(await readImportFile(utf8('namn;lat;lon;__proto__\nA;59,3;18,0;{"polluted":1}\n'), 'p.csv', {}));
    expect(Object.keys(parsed.candidates[0]!.properties)).toEqual(['namn', 'lat', 'lon']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('truncates a 5 MB name and says so', async () => {
    const huge = 'å'.repeat(5 * 1024 * 1024);
    const text = JSON.stringify({ type: 'Feature', properties: { name: huge }, geometry: { type: 'Point', coordinates: [18, 59] } });
    const parsed = expectOk(await readImportFile(utf8(text), 'stor.geojson', {}));
    expect(parsed.candidates[0]!.name).toHaveLength(200);
    expect(parsed.candidates[0]!.properties.name).toHaveLength(1000);
    expect(parsed.notes.map((n) => n.sv)).toContain('1 namn kortades till 200 tecken');
    expect(parsed.notes.map((n) => n.sv)).toContain('1 text kortades till 1000 tecken');
    expect(parsed.notes.map((n) => n.en)).toContain('1 name was cut to 200 characters');
  });

  it('never crashes on binary garbage, whatever the extension', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    for (const name of ['x.bin', 'x.geojson', 'x.csv', 'x.kml', 'x.gpx', 'x.zip']) {
      const failure = expectFailure(await readImportFile(garbage, name, {}));
      expect(['unknown-format', 'unreadable'], name).toContain(failure.code);
      expect(failure.message.sv.length).toBeGreaterThan(10);
      expect(failure.message.en.length).toBeGreaterThan(10);
    }
  });

  it('refuses empty and whitespace-only files, and files over 200 MB', async () => {
    expect(expectFailure(await readImportFile(new Uint8Array(0), 'tom.csv', {})).code).toBe('empty');
    expect(expectFailure(await readImportFile(utf8('\uFEFF  \r\n'), 'tom.geojson', {})).code).toBe('empty');
    // A view that claims 200 MB + 1 byte without allocating it twice.
    const big = new Uint8Array(200 * 1024 * 1024 + 1);
    expect(expectFailure(await readImportFile(big, 'stor.geojson', {})).code).toBe('too-large');
  });

  it('picks the format by content when the extension is missing or wrong', async () => {
    const gpx = '<?xml version="1.0"?><gpx version="1.1"><wpt lat="59.3" lon="18.0"><name>W</name></wpt></gpx>';
    expect(expectOk(await readImportFile(utf8(gpx), 'export.txt', {})).format).toBe('gpx');
    expect(expectOk(await readImportFile(utf8('{"type":"Point","coordinates":[18,59]}'), 'data', {})).format).toBe('geojson');
    expect(expectFailure(await readImportFile(utf8('hej hopp'), 'data', {})).code).toBe('unknown-format');
  });
});
