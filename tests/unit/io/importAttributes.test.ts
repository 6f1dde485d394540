import { describe, expect, it } from 'vitest';
import { featureLabel } from '../../../src/io/importText';
import { indexDataset } from '../../../src/domain/dataset';
import { safetyFeatureSchema } from '../../../src/domain/safetyFeature';
import { buildFeatureRows } from '../../../src/domain/featureRows';
import { candidatesToFeatures } from '../../../src/io/candidatesToFeatures';
import { CSV_BOM } from '../../../src/io/csv';
import { featuresToGeoJson } from '../../../src/io/exportFormats';
import { rowsToCsv } from '../../../src/io/exportRows';
import type { ImportCandidate } from '../../../src/io/importTypes';
import { dataset, unsafePlace } from '../fixtures';
import { importFixture } from './importHelpers';

const index = indexDataset(dataset());
const newId = () => 'id-1';
const candidate = (properties: ImportCandidate['properties']): ImportCandidate => ({
  index: 1,
  label: featureLabel(1),
  geometry: { type: 'Point', coordinates: [18.2, 59.3] },
  name: 'Torget',
  properties,
});

describe('the file’s other properties travel with the place as attributes', () => {
  it('the schema takes attributes as an optional, size-limited record of plain values', () => {
    expect(safetyFeatureSchema.safeParse(unsafePlace()).success).toBe(true);
    expect(safetyFeatureSchema.safeParse(unsafePlace({ attributes: { KOD: '0180', antal: 7, ok: true, tom: null } })).success).toBe(true);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    expect(safetyFeatureSchema.safeParse(unsafePlace({ attributes: many })).success).toBe(false);
    expect(safetyFeatureSchema.safeParse(unsafePlace({ attributes: { a: 'x'.repeat(501) } })).success).toBe(false);
    expect(safetyFeatureSchema.safeParse(unsafePlace({ attributes: { ['k'.repeat(101)]: 1 } })).success).toBe(false);
    expect(safetyFeatureSchema.safeParse(unsafePlace({ attributes: { a: { nested: 1 } } as never })).success).toBe(false);
  });

  it('candidatesToFeatures copies every property but the name (and the keys it is told to omit), cut to the limits', () => {
    const properties: ImportCandidate['properties'] = { namn: 'Torget', KOD: '0180', antal: 7, tom: null, lång: 'x'.repeat(800), lat: 59.3 };
    for (let i = 0; i < 60; i++) properties[`extra${i}`] = i;
    const { features } = candidatesToFeatures([candidate(properties)], 'unsafe-place', ['act'], 'f.geojson', index, newId, { omitKeys: ['namn', 'lat'] });
    const attributes = features[0]!.attributes!;
    expect(attributes).toMatchObject({ KOD: '0180', antal: 7, tom: null });
    expect(attributes.lång).toHaveLength(500);
    expect(Object.keys(attributes)).toHaveLength(50);
    expect(attributes).not.toHaveProperty('namn');
    expect(attributes).not.toHaveProperty('lat');
    expect(safetyFeatureSchema.safeParse(features[0]).success).toBe(true);
  });

  it('a place without other properties gets no attributes member at all', () => {
    const { features } = candidatesToFeatures([candidate({ namn: 'Torget' })], 'unsafe-place', ['act'], 'f.geojson', index, newId, { omitKeys: ['namn'] });
    expect(features[0]).not.toHaveProperty('attributes');
  });

  it('GPX internals (_gpxType) are not attributes; the waypoint description is', async () => {
    const parsed = await importFixture('spar_rutt_vagpunkter.gpx');
    const { features } = candidatesToFeatures(parsed.candidates, 'unsafe-place', ['act'], 'x.gpx', index, newId, { omitKeys: ['name'] });
    expect(features[0]!.attributes).toEqual({ desc: 'Vid trappan' });
  });

  it('GeoJSON and CSV exports include them', () => {
    const place = unsafePlace({ attributes: { KOD: '0180', antal: 7 } });
    const exported = JSON.parse(featuresToGeoJson([place], 'all')) as GeoJSON.FeatureCollection;
    expect(exported.features[0]!.properties).toMatchObject({ attributes: { KOD: '0180', antal: 7 } });
    const rows = buildFeatureRows(indexDataset(dataset({ features: [place] })));
    const labels = { header: Array.from({ length: 16 }, (_, i) => `h${i}`), layer: () => 'L', status: () => 'S', responsible: () => 'R', provenance: () => 'P' };
    const cells = rowsToCsv(rows, labels).replace(CSV_BOM, '').trimEnd().split('\r\n')[1]!.split(';');
    expect(cells.at(-1)).toBe('KOD: 0180 | antal: 7');
  });
});
