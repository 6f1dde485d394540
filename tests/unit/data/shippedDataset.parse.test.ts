import { describe, expect, it } from 'vitest';
import { parseShippedDataset } from '../../../src/data/shippedDataset';
import { document, focusArea, activity, unsafePlace } from '../fixtures';
import { deepFreeze } from '../sharedFiles';

const { id, geometry, ...properties } = unsafePlace();
const featureFile = (props: Record<string, unknown> = properties) =>
  deepFreeze({ type: 'FeatureCollection', features: [{ type: 'Feature', id, geometry, properties: props }] });
const documentFile = (over: Record<string, unknown> = {}) =>
  deepFreeze({ document, focusAreas: [focusArea()], activities: [activity()], ...over });

describe('parsing the shipped files', () => {
  it('turns a document file and a GeoJSON feature file into one dataset', () => {
    const result = parseShippedDataset({ documentFiles: { 'a.json': documentFile() }, featureFiles: { 'a.geojson': featureFile() } });
    expect(result.ok && result.value.features.map((f) => [f.id, f.layer, f.geometry.type])).toEqual([['f1', 'unsafe-place', 'Point']]);
  });
  it('fails as a whole, naming file and field, when one record is invalid', () => {
    const result = parseShippedDataset({
      documentFiles: { 'a.json': documentFile() },
      featureFiles: { 'bad.geojson': featureFile({ ...properties, provenance: 'guessed' }) },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]!.subject).toBe('bad.geojson f1 (provenance)');
  });
  it('rejects a file that is not JSON at all', () => {
    const result = parseShippedDataset({ documentFiles: { 'a.json': documentFile() }, featureFiles: { 'x.geojson': '{"type": "Feat' } });
    expect(result.ok).toBe(false);
  });
  it('refuses a dataset that gives a sensitive activity a place', () => {
    const result = parseShippedDataset({
      documentFiles: { 'a.json': documentFile({ activities: [activity({ sensitive: true })] }) },
      featureFiles: { 'a.geojson': featureFile() },
    });
    expect(!result.ok && result.error.map((i) => i.code)).toEqual(['sensitive-geometry']);
  });
});
