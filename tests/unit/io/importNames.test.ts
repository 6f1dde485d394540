import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../../src/domain/dataset';
import { candidatesToFeatures } from '../../../src/io/candidatesToFeatures';
import { guessCsvMapping } from '../../../src/io/parseCsv';
import { readImportFile } from '../../../src/io/readImportFile';
import { dataset } from '../fixtures';
import { expectOk, importReal, SWEREF99_TM_PRJ, utf8, writeDbf, writePointShp, writeZip } from './importHelpers';

const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });
const collection = (properties: Record<string, unknown>[]) =>
  utf8(JSON.stringify({ type: 'FeatureCollection', features: properties.map((p, i) => ({ type: 'Feature', properties: p, geometry: point(18.1 + i / 100, 59.3) })) }));

describe('names from the file: the property is guessed and can be chosen', () => {
  it('GeoJSON: guesses an unusual name key case-insensitively and lists the properties present', async () => {
    const parsed = expectOk(await readImportFile(collection([{ OBJECTID: 1, Område: 'Fisksätra centrum', typ: 'torg' }, { OBJECTID: 2, Område: 'Orminge', typ: 'park' }]), 'omraden.geojson'));
    expect(parsed.naming).toEqual({ keys: ['OBJECTID', 'Område', 'typ'], key: 'Område', guessed: true });
    expect(parsed.candidates.map((c) => c.name)).toEqual(['Fisksätra centrum', 'Orminge']);
  });

  it('skips a key that is empty in every feature and takes the next that has values', async () => {
    const parsed = expectOk(await readImportFile(collection([{ gatunamn: null, BETECKNING: 'E6' }, { gatunamn: '', BETECKNING: 'Väg 9' }]), 'vagar.geojson'));
    expect(parsed.naming?.key).toBe('BETECKNING');
    expect(parsed.candidates.map((c) => c.name)).toEqual(['E6', 'Väg 9']);
  });

  it('the chosen property wins; an empty value leaves the place unnamed (the label is the fallback)', async () => {
    const bytes = collection([{ namn: 'Torget', typ: 'torg' }, { namn: 'Parken', typ: null }]);
    const parsed = expectOk(await readImportFile(bytes, 'x.geojson', { nameKey: 'typ' }));
    expect(parsed.naming).toMatchObject({ key: 'typ', guessed: false });
    expect(parsed.candidates.map((c) => c.name)).toEqual(['torg', null]);
    const none = expectOk(await readImportFile(bytes, 'x.geojson', { nameKey: null }));
    expect(none.candidates.map((c) => c.name)).toEqual([null, null]);
    const index = indexDataset(dataset());
    const { features } = candidatesToFeatures(parsed.candidates, 'unsafe-place', ['act'], 'x.geojson', index, () => 'id');
    expect(features.map((f) => f.name)).toEqual(['torg', 'x.geojson, objekt 2']);
  });

  it('a key ending in "namn" is guessed when none of the usual ones is there (SCB: KnNamn)', async () => {
    const parsed = await importReal('scb_kommuner_sweref99tm_nocrs.geojson');
    expect(parsed.naming?.key).toBe('KnNamn');
    expect(parsed.candidates[0]!.name).toBe('Upplands Väsby');
  });

  it('KML: names in ExtendedData (benamning) or in a non-standard <title> are offered like any property', async () => {
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><ExtendedData><Data name="Benämning"><value>Gångtunneln</value></Data><Data name="typ"><value>tunnel</value></Data></ExtendedData><Point><coordinates>18.07,59.32</coordinates></Point></Placemark>
      </Document></kml>`;
    const parsed = expectOk(await readImportFile(utf8(kml), 'x.kml'));
    expect(parsed.naming).toMatchObject({ key: 'Benämning', guessed: true });
    expect(parsed.naming?.keys).toContain('typ');
    expect(parsed.candidates[0]!.name).toBe('Gångtunneln');
    const odok = await importReal('odok_offentlig_konst_stockholm.kml');
    expect(odok.naming?.key).toBe('title');
    expect(odok.candidates[0]!.name).toBe('Birger Jarl');
  });

  it('Shapefile: a dBASE field BENAMNING is guessed, another field can be chosen', async () => {
    const { shp, shx } = writePointShp([[674032, 6580822]]);
    const dbf = writeDbf([{ name: 'KOD', length: 4 }, { name: 'BENAMNING', length: 20 }], [['0180', 'Sergels torg']]);
    const zip = writeZip({ 'p.shp': shp, 'p.shx': shx, 'p.dbf': dbf, 'p.prj': SWEREF99_TM_PRJ });
    const parsed = expectOk(await readImportFile(zip, 'p.zip'));
    expect(parsed.naming).toMatchObject({ key: 'BENAMNING', keys: ['KOD', 'BENAMNING'] });
    expect(parsed.candidates[0]!.name).toBe('Sergels torg');
    expect(expectOk(await readImportFile(zip, 'p.zip', { nameKey: 'KOD' })).candidates[0]!.name).toBe('0180');
  });

  it('CSV: the same words are guessed for the name column', () => {
    expect(guessCsvMapping(['id', 'Benämning', 'lat', 'lon']).name).toBe(1);
    expect(guessCsvMapping(['GATUNAMN', 'N', 'E']).name).toBe(0);
    expect(guessCsvMapping(['Område', 'N', 'E']).name).toBe(0);
  });
});
