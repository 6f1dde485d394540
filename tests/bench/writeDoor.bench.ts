import { bench, describe } from 'vitest';
import { putFeatures } from '../../src/domain/changes';
import { checkChange } from '../../src/domain/rules/checkChange';
import { checkIntegrity } from '../../src/domain/rules/integrity';
import type { SafetyFeature } from '../../src/domain/safetyFeature';
import { activity, document, focusArea, unsafePlace } from '../unit/fixtures';
import { testMunicipalityLocator } from '../unit/helpers/municipalityLocator';

/** An import of 100 000 survey points in Nacka and Värmdö, checked by the write door's rules. */
const N = 100_000;
const locator = testMunicipalityLocator();
const activities = Array.from({ length: 20 }, (_, i) => activity({ id: `act-${i}` }));
const features: SafetyFeature[] = Array.from({ length: N }, (_, i) => {
  const geometry = { type: 'Point' as const, coordinates: [18.1 + (i % 500) / 2000, 59.25 + Math.floor(i / 500) / 2500] };
  return unsafePlace({ id: `f-${i}`, activityIds: [`act-${i % 20}`], municipalityCode: locator.locate(geometry)?.code ?? '0182', geometry });
});
const change = putFeatures('import', features);
const stored = { documents: [document], focusAreas: [focusArea()], activities, features: [], statusEntries: [], contacts: [] };

describe(`write door, ${N} imported places`, () => {
  bench('checkChange (schema, links, sensitive, inside Sweden, municipality)', () => {
    checkChange(change, { stored, locator });
  }, { iterations: 3 });
  bench('checkIntegrity with polygons (a backup of the same size)', () => {
    checkIntegrity({ documents: [document], focusAreas: [focusArea()], activities, features, statusEntries: [], contacts: [] }, { locator });
  }, { iterations: 3 });
  bench('locator.locate alone', () => {
    for (const f of features) locator.locate(f.geometry);
  }, { iterations: 3 });
});
