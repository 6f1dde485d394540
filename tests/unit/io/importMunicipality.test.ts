import { describe, expect, it } from 'vitest';
import { same } from '../../../src/domain/text';
import { indexDataset } from '../../../src/domain/dataset';
import { candidatesToFeatures } from '../../../src/io/candidatesToFeatures';
import type { ImportCandidate } from '../../../src/io/importTypes';
import { dataset } from '../fixtures';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';
import { fakeLocator } from './fakeLocator';
import { importReal } from './importHelpers';

const index = indexDataset(dataset()); // the activity 'act' belongs to a Nacka (0182) document
let n = 0;
const newId = () => `id-${++n}`;
const at = (label: string, lon: number, lat: number): ImportCandidate => ({ index: 1, label: same(label), name: label, properties: {}, geometry: { type: 'Point', coordinates: [lon, lat] } });

describe('each imported place gets the municipality of its own geometry', () => {
  const candidates = [at('Nackaplats', 18.2, 59.3), at('Trelleborgsplats', 13.1, 55.4), at('Till havs', 20.5, 57.5)];

  it('the municipality code comes from the geometry, not from the activity', () => {
    const { features } = candidatesToFeatures(candidates, 'unsafe-place', ['act'], 'f.csv', index, newId, { locator: fakeLocator });
    expect(features.map((f) => [f.name, f.municipalityCode])).toEqual([
      ['Nackaplats', '0182'],
      ['Trelleborgsplats', '1287'],
    ]);
  });

  it('a place outside Sweden is rejected with the position', () => {
    const { skipped } = candidatesToFeatures(candidates, 'unsafe-place', ['act'], 'f.csv', index, newId, { locator: fakeLocator });
    expect(skipped).toEqual([{ index: 1, label: same('Till havs'), reason: 'outside-sweden', detail: { sv: 'lon 20,5, lat 57,5', en: 'lon 20.5, lat 57.5' } }]);
  });

  it('a place outside the municipalities of the chosen activities is flagged, and can be left out', () => {
    const plan = candidatesToFeatures(candidates, 'unsafe-place', ['act'], 'f.csv', index, newId, { locator: fakeLocator });
    expect(plan.flagged).toEqual([{ key: 'Trelleborgsplats', label: same('Trelleborgsplats'), name: 'Trelleborgsplats', municipality: { code: '1287', name: 'Trelleborg' }, excluded: false }]);
    const leftOut = candidatesToFeatures(candidates, 'unsafe-place', ['act'], 'f.csv', index, newId, { locator: fakeLocator, exclude: new Set(['Trelleborgsplats']) });
    expect(leftOut.features.map((f) => f.name)).toEqual(['Nackaplats']);
    expect(leftOut.flagged[0]!.excluded).toBe(true);
    expect(leftOut.excluded).toBe(1);
  });

  it('nothing is flagged before an activity is chosen', () => {
    expect(candidatesToFeatures(candidates, 'unsafe-place', [], 'f.csv', index, newId, { locator: fakeLocator }).flagged).toEqual([]);
  });
});

describe('with the real municipality polygons (../shared/geodata)', () => {
  it('Lantmäteriet roads in Skåne keep their own municipalities, and are flagged for a Nacka activity', async () => {
    const parsed = await importReal('lantmateriet_vaglinje_sweref99tm.geojson');
    const plan = candidatesToFeatures(parsed.candidates, 'speed-control', ['act'], parsed.fileName, index, newId, { locator: testMunicipalityLocator() });
    expect(plan.skipped).toEqual([]);
    expect(plan.features).toHaveLength(22);
    const codes = new Set(plan.features.map((f) => f.municipalityCode));
    expect(codes.has('0182')).toBe(false);
    expect(codes.has('1287')).toBe(true); // Trelleborg
    expect(plan.flagged).toHaveLength(22);
    expect(new Set(plan.flagged.map((f) => f.municipality.name))).toContain('Trelleborg');
  });

  it('a point in Copenhagen is outside Sweden, though inside Sweden’s bounding box', () => {
    const plan = candidatesToFeatures([at('Köpenhamn', 12.5683, 55.6761)], 'unsafe-place', ['act'], 'f.csv', index, newId, { locator: testMunicipalityLocator() });
    expect(plan.features).toEqual([]);
    expect(plan.skipped[0]).toMatchObject({ reason: 'outside-sweden', detail: { sv: 'lon 12,5683, lat 55,6761', en: 'lon 12.5683, lat 55.6761' } });
  });
});
