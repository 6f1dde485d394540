import { describe, expect, it } from 'vitest';
import { guessCsvMapping } from '../../../src/io/parseCsv';
import { readImportFile } from '../../../src/io/readImportFile';
import { expectClose, expectOk, utf8 } from './importHelpers';

const csv = async (text: string) => expectOk(await readImportFile(utf8(text), 'punkter.csv'));
const SERGELS = [18.0592, 59.3302];

describe('coordinate columns guessed from names and values', () => {
  it('N/E, Northing/Easting and LATITUDE_SWEREF99TM/LONGITUDE_SWEREF99TM are northing/easting in metres', async () => {
    for (const [n, e] of [['N', 'E'], ['Northing', 'Easting'], ['LATITUDE_SWEREF99TM', 'LONGITUDE_SWEREF99TM']]) {
      const parsed = await csv(`namn;${e};${n}\nSergels torg;674032;6580822\n`);
      expect(parsed.csv!.mapping, `${n}/${e}`).toMatchObject({ y: 2, x: 1 });
      expect(parsed.crs.crs).toBe('EPSG:3006');
      expectClose(parsed.candidates[0]!.geometry.coordinates as number[], SERGELS);
    }
  });

  it('lat/lon/lng/long/latitud/longitud/x/y in either order: the values decide which is latitude', async () => {
    for (const [a, b] of [['lat', 'lng'], ['latitud', 'longitud'], ['Lat', 'Long'], ['y', 'x'], ['x', 'y'], ['lon', 'lat']]) {
      // Latitude is always first here, whatever the header says.
      const parsed = await csv(`namn;${a};${b}\nTorget;59,3302;18,0592\n`);
      expect(parsed.rejected, `${a}/${b}`).toEqual([]);
      expectClose(parsed.candidates[0]!.geometry.coordinates as number[], SERGELS);
    }
    const swapped = await csv('namn;lon;lat\nTorget;59,3302;18,0592\nTorg 2;59,3;18,1\n');
    expect(swapped.notes.some((n) => n.sv.includes('lon') && n.sv.includes('latitud'))).toBe(true);
    expect(swapped.notes.some((n) => n.en.includes('lon') && n.en.includes('latitude'))).toBe(true);
  });

  it('Swedish x/y in metres (x = northing) is read by the values too', async () => {
    const parsed = await csv('namn;x;y\nSergels torg;6580822;674032\n');
    expect(parsed.csv!.mapping).toMatchObject({ y: 1, x: 2 });
    expectClose(parsed.candidates[0]!.geometry.coordinates as number[], SERGELS);
  });

  it('degrees and decimal minutes (5918,63 / 01804,27) are converted explicitly with a note, never read as degrees', async () => {
    const parsed = await csv('namn;lat;lon\nTorget;5918,63;01804,27\nPlan;5919,80;01803,55\n');
    expect(parsed.notes.some((n) => n.sv.includes('tolkat som grader och minuter'))).toBe(true);
    expect(parsed.notes.some((n) => n.en.includes('read as degrees and minutes'))).toBe(true);
    expectClose(parsed.candidates[0]!.geometry.coordinates as number[], [18 + 4.27 / 60, 59 + 18.63 / 60], 1e-6);
    expect(parsed.rejected).toEqual([]);
  });

  it('a row in degree-minutes among decimal degrees is refused with that reason', async () => {
    const parsed = await csv('namn;lat;lon\nA;59,33;18,06\nB;59,34;18,07\nC;5918,63;01804,27\n');
    expect(parsed.candidates).toHaveLength(2);
    expect(parsed.rejected.map((r) => [r.label.sv, r.reason])).toEqual([['rad 4', 'degree-minutes']]);
  });

  it('minutes of 60 or more are not degree-minutes: the row is refused, not converted', async () => {
    const parsed = await csv('namn;lat;lon\nA;5918,63;01804,27\nB;5975,00;01804,27\n');
    expect(parsed.candidates).toHaveLength(1);
    expect(parsed.rejected[0]).toMatchObject({ label: { sv: 'rad 3', en: 'row 3' }, reason: 'degree-minutes' });
  });

  it('the header-only guess still works without rows', () => {
    expect(guessCsvMapping(['Northing', 'Easting'])).toMatchObject({ y: 0, x: 1 });
    expect(guessCsvMapping(['LATITUDE_SWEREF99TM', 'LONGITUDE_SWEREF99TM'])).toMatchObject({ y: 0, x: 1 });
    expect(guessCsvMapping(['lng', 'lat'])).toMatchObject({ y: 1, x: 0 });
  });
});
