import { describe, expect, it } from 'vitest';
import { csvToCandidates, guessCsvMapping, parseNumber, type CsvInfoWithLines } from '../../../src/io/parseCsv';
import { readImportFile } from '../../../src/io/readImportFile';
import { rejectOutsideSweden } from '../../../src/io/placeCandidates';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';
import { expectClose, expectOk, fixtureBytes, importFixture, utf8 } from './importHelpers';
import { en, sv } from '../helpers/texts';

describe('CSV import', () => {
  it('reads Swedish Excel: ; with decimal comma, UTF-8 BOM, mapped columns, empty lines skipped', async () => {
    const parsed = await importFixture('semikolon_decimalkomma_bom.csv');
    const csv = parsed.csv!;
    expect(csv.delimiter).toBe(';');
    expect(csv.encoding).toBe('utf-8');
    expect(csv.decimalComma).toBe(true);
    expect(csv.headers[0]).toBe('Namn'); // BOM stripped
    expect(csv.mapping).toEqual({ name: 0, y: 1, x: 2, timeOfDay: 3, reason: 4, count: 5 });
    expect(parsed.crs).toMatchObject({ crs: 'EPSG:4326', confident: true });
    expect(parsed.candidates.map((c) => c.label.sv)).toEqual(['rad 2', 'rad 3', 'rad 5']);
    expect(parsed.candidates[0]!.label.en).toBe('row 2');
    expect(parsed.candidates.map((c) => c.index)).toEqual([2, 3, 5]);
    const first = parsed.candidates[0]!;
    expect(first.name).toBe('Östra Ågatan');
    expectClose(first.geometry.coordinates as number[], [17.6389, 59.8586], 1e-9);
    expect(first.mapped).toEqual({ timeOfDay: 'kvall', reason: 'Dålig belysning', count: 12 });
    expect(parsed.candidates[1]!.mapped?.timeOfDay).toBe('natt');
    expect(parsed.candidates[2]!.mapped?.timeOfDay).toBe('dag');
    expect(first.properties['Tid på dygnet']).toBe('kväll');
    expect(sv(parsed.notes)).toContain('1 tom rad hoppades över');
    expect(en(parsed.notes)).toContain('1 empty line was skipped');
    expect(sv(parsed.notes).filter((n) => n.startsWith('decimalkomma'))).toHaveLength(1);
    expect(parsed.rejected).toEqual([]);
  });

  it('decodes the same file saved as Windows-1252 and says so', async () => {
    const parsed = await importFixture('semikolon_windows1252.csv');
    expect(parsed.csv!.encoding).toBe('windows-1252');
    expect(parsed.candidates[0]!.name).toBe('Östra Ågatan');
    expect(parsed.candidates[0]!.mapped?.timeOfDay).toBe('kvall');
    expect(parsed.candidates[0]!.properties.Orsak).toBe('Dålig belysning');
    expect(sv(parsed.notes).some((n) => n.includes('Windows-1252'))).toBe(true);
    expect(en(parsed.notes).some((n) => n.includes('was read as Windows-1252'))).toBe(true);
  });

  it('reads , with quoted fields that contain commas and doubled quotes', async () => {
    const parsed = await importFixture('komma_citat.csv');
    expect(parsed.csv!.delimiter).toBe(',');
    expect(parsed.csv!.decimalComma).toBe(false);
    expect(parsed.candidates.map((c) => c.name)).toEqual(['Parkering, norra', 'Gångtunnel "Kulan"']);
    expect(parsed.candidates[0]!.properties.beskrivning).toBe('Mörkt, ödsligt');
    expectClose(parsed.candidates[1]!.geometry.coordinates as number[], [18.06, 59.32], 1e-9);
    expect(parsed.csv!.mapping.name).toBe(0);
  });

  it('detects SWEREF 99 TM from N/E columns and reprojects', async () => {
    const parsed = await importFixture('sweref99tm.csv');
    expect(parsed.csv!.mapping).toMatchObject({ name: 0, y: 1, x: 2 });
    expect(parsed.crs).toMatchObject({ crs: 'EPSG:3006', confident: false });
    expect(parsed.candidates).toHaveLength(2);
    expect(parsed.candidates[0]!.name).toBe('Sergels torg');
    expectClose(parsed.candidates[0]!.geometry.coordinates as number[], [18.0592, 59.3302]);
    expectClose(parsed.candidates[1]!.geometry.coordinates as number[], [17.6389, 59.8586]);
    expect(sv(parsed.notes)).toContain('omräknat från EPSG:3006 till WGS 84');
    expect(en(parsed.notes)).toContain('converted from EPSG:3006 to WGS 84');
  });

  it('rejects bad rows one by one with the file line and a detail in both languages', async () => {
    const parsed = await importFixture('felaktiga_rader.csv');
    expect(parsed.candidates.map((c) => c.label.sv)).toEqual(['rad 2']);
    expect(parsed.rejected.map((r) => [r.label.sv, r.reason])).toEqual([
      ['rad 3', 'missing-coordinates'],
      ['rad 4', 'non-numeric-coordinates'],
      ['rad 5', 'lat-lon-swapped'],
      ['rad 6', 'outside-sweden'],
    ]);
    expect(parsed.rejected[0]!.detail).toEqual({ sv: 'lat saknas', en: 'lat missing' });
    expect(parsed.rejected[1]!.detail).toEqual({ sv: 'lat = abc', en: 'lat = abc' });
    expect(parsed.rejected[3]!.detail.sv).toContain('52,52');
    // Numbers as each language writes them.
    expect(parsed.rejected[3]!.detail.en).toContain('52.52');
  });

  it('counts file lines across quoted line breaks and CRLF', async () => {
    const text = 'namn;lat;lon\r\n"två\r\nrader";59,3;18,0\r\n\r\n\r\nSist;abc;18\r\n';
    const parsed = expectOk(await readImportFile(utf8(text), 'x.csv', {}));
    expect(parsed.candidates.map((c) => c.label.sv)).toEqual(['rad 2']);
    expect(parsed.candidates[0]!.name).toBe('två\r\nrader');
    expect(parsed.rejected.map((r) => r.label.sv)).toEqual(['rad 6']);
    expect(sv(parsed.notes)).toContain('2 tomma rader hoppades över');
  });

  it('re-runs with a changed mapping and CRS without reading the file again', async () => {
    const parsed = await importFixture('sweref99tm.csv');
    const info = parsed.csv as CsvInfoWithLines;
    // The user says the numbers are WGS 84: every row is then far outside Sweden.
    const asDegrees = rejectOutsideSweden(csvToCandidates(info, info.mapping, 'EPSG:4326'), testMunicipalityLocator());
    expect(asDegrees.candidates).toHaveLength(0);
    expect(asDegrees.rejected.map((r) => r.reason)).toEqual(['outside-sweden', 'outside-sweden']);
    // Swapping x and y in the mapping with SWEREF 99 TM gives nothing useful either.
    const swapped = rejectOutsideSweden(csvToCandidates(info, { ...info.mapping, x: 1, y: 2 }, 'EPSG:3006'), testMunicipalityLocator());
    expect(swapped.candidates).toHaveLength(0);
    // No coordinate columns: a note, no crash.
    expect(sv(csvToCandidates(info, { ...info.mapping, x: null }, 'EPSG:3006').notes)).toContain('välj vilka kolumner som innehåller koordinaterna');
    // The options override detection.
    const forced = expectOk(await readImportFile(fixtureBytes('sweref99tm.csv'), 'sweref99tm.csv', { crs: 'EPSG:3006' }));
    expect(forced.crs).toEqual({ crs: 'EPSG:3006', reason: { sv: 'valt av användaren: EPSG:3006', en: 'chosen by the user: EPSG:3006' }, confident: true });
  });

  it('guesses mappings from Swedish and English headers regardless of case and å/ä/ö', () => {
    expect(guessCsvMapping(['LATITUDE', 'Longitude', 'Titel', 'Varför?', 'Antal svar', 'Tidpunkt'])).toEqual({
      name: 2, y: 0, x: 1, timeOfDay: 5, reason: 3, count: 4,
    });
    expect(guessCsvMapping(['Nordkoordinat', 'Östkoordinat', 'Beskrivning', 'Skäl'])).toMatchObject({ y: 0, x: 1, name: 2, reason: 3 });
    expect(guessCsvMapping(['id', 'foo'])).toEqual({ name: null, y: null, x: null, timeOfDay: null, reason: null, count: null });
  });

  it('parses Swedish and international number forms and refuses text', () => {
    expect(parseNumber('59,3105')).toBe(59.3105);
    expect(parseNumber(' 6 580 822 ')).toBe(6580822);
    expect(parseNumber('−18,5')).toBe(-18.5);
    expect(parseNumber('18.07')).toBe(18.07);
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('1,2,3')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('detects tab-separated files and reports progress per chunk up to 1', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `p${i}\t59.${String(i).padStart(5, '0')}\t18.0`);
    const fractions: number[] = [];
    const parsed = expectOk(await readImportFile(utf8(['namn\tlat\tlon', ...rows].join('\n')), 'stor.txt', { onProgress: (f) => fractions.push(f) }));
    expect(parsed.csv!.delimiter).toBe('\t');
    expect(parsed.candidates).toHaveLength(12_000);
    expect(parsed.candidates[11_999]!.label.sv).toBe('rad 12001');
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.length).toBeGreaterThanOrEqual(5);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions); // never goes backwards
  });
});
