import { describe, expect, it } from 'vitest';
import { boundsOf } from '../../../src/domain/geometry';
import { promiseDocumentSchema } from '../../../src/domain/promiseDocument';
import { safetyFeatureSchema } from '../../../src/domain/safetyFeature';
import { document, unsafePlace } from '../fixtures';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.message);

describe('SafetyFeature schema', () => {
  it('accepts a valid unsafe place', () => {
    expect(safetyFeatureSchema.safeParse(unsafePlace()).success).toBe(true);
  });
  it('rejects an unclosed polygon ring, with a message saying so', () => {
    const result = safetyFeatureSchema.safeParse(
      unsafePlace({ geometry: { type: 'Polygon', coordinates: [[[18, 59], [18.1, 59], [18.1, 59.1], [18, 59.2]]] } }),
    );
    expect(messages(result)).toContain('polygonringen är inte sluten');
  });
  it('rejects a ring with too few positions and a one-point line', () => {
    expect(messages(safetyFeatureSchema.safeParse(unsafePlace({ geometry: { type: 'Polygon', coordinates: [[[18, 59], [18.1, 59], [18, 59]]] } })))).toContain(
      'en polygonring behöver minst fyra punkter',
    );
    const walk = { ...unsafePlace(), layer: 'safety-walk', details: { plannedDate: null, organisers: [], status: 'planned', findings: [] } };
    expect(messages(safetyFeatureSchema.safeParse({ ...walk, geometry: { type: 'LineString', coordinates: [[18, 59]] } }))).toContain(
      'en linje behöver minst två punkter',
    );
  });
  it('rejects coordinates outside lon/lat ranges (e.g. SWEREF 99 TM metres)', () => {
    expect(safetyFeatureSchema.safeParse(unsafePlace({ geometry: { type: 'Point', coordinates: [674000, 6580000] } })).success).toBe(false);
  });
  it('rejects a geometry type that the layer does not take', () => {
    const result = safetyFeatureSchema.safeParse(unsafePlace({ geometry: { type: 'LineString', coordinates: [[18, 59], [18.1, 59]] } }));
    expect(messages(result)).toContain('geometritypen passar inte lagret');
  });
  it('requires at least one activity and known details for the layer', () => {
    expect(safetyFeatureSchema.safeParse(unsafePlace({ activityIds: [] })).success).toBe(false);
    expect(safetyFeatureSchema.safeParse({ ...unsafePlace(), details: { households: 3 } }).success).toBe(false);
  });
});

describe('PromiseDocument schema', () => {
  it('accepts a valid document and rejects a reversed period or a bad kommunkod', () => {
    expect(promiseDocumentSchema.safeParse(document).success).toBe(true);
    expect(messages(promiseDocumentSchema.safeParse({ ...document, period: { from: '2025-01-01', to: '2023-01-01' } }))).toContain(
      'perioden slutar före den börjar',
    );
    expect(promiseDocumentSchema.safeParse({ ...document, municipality: { code: '182', name: 'Nacka' } }).success).toBe(false);
  });
});

describe('boundsOf', () => {
  it('spans every vertex, and is null for nothing', () => {
    expect(boundsOf([{ type: 'Point', coordinates: [18, 59] }, { type: 'LineString', coordinates: [[17, 60], [19, 58]] }])).toEqual([17, 58, 19, 60]);
    expect(boundsOf([])).toBeNull();
  });
});
