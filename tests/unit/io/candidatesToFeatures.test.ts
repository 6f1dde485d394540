import { describe, expect, it } from 'vitest';
import { rowLabel } from '../../../src/io/importText';
import { indexDataset } from '../../../src/domain/dataset';
import { candidatesToFeatures } from '../../../src/io/candidatesToFeatures';
import type { ImportCandidate } from '../../../src/io/importTypes';
import { dataset } from '../fixtures';

const index = indexDataset(dataset());
let n = 0;
const newId = () => `id-${++n}`;
const point = (over: Partial<ImportCandidate> = {}): ImportCandidate => ({
  index: 2,
  label: rowLabel(2),
  geometry: { type: 'Point', coordinates: [18.1, 59.3] },
  name: 'Torget',
  properties: {},
  ...over,
});

describe('previewed candidates become places', () => {
  it('links them to the chosen activity, in its municipality, marked as imported with file and row', () => {
    const { features, skipped } = candidatesToFeatures([point({ mapped: { timeOfDay: 'kvall', reason: 'belysning', count: 4 } })], 'unsafe-place', ['act'], 'enkät.csv', index, newId);
    expect(skipped).toEqual([]);
    expect(features[0]).toMatchObject({
      layer: 'unsafe-place',
      name: 'Torget',
      municipalityCode: '0182',
      activityIds: ['act'],
      provenance: 'imported',
      provenanceNote: 'Importerad från enkät.csv (rad 2).',
      details: { timeOfDay: ['kvall'], reasons: ['belysning'], responses: 4 },
    });
  });
  it('skips geometries the layer cannot take, and names unnamed rows after file and row', () => {
    const line = point({ index: 3, label: rowLabel(3), name: null, geometry: { type: 'LineString', coordinates: [[18, 59], [18.1, 59.1]] } });
    const { features, skipped } = candidatesToFeatures([point(), line], 'speed-control', ['act'], 'x.csv', index, newId);
    expect(features.map((f) => f.name)).toEqual(['x.csv, rad 3']);
    expect(skipped.map((s) => s.label.sv)).toEqual(['rad 2']);
    expect(skipped[0]!.detail).toEqual({ sv: 'Point passar inte lagret', en: 'Point does not fit the layer' });
  });
  it('turns GPX waypoints into findings of the walk', () => {
    const track = point({ gpxKind: 'track', name: 'Kvällsvandring', geometry: { type: 'LineString', coordinates: [[18, 59], [18.1, 59.1]] } });
    const lamp = point({ gpxKind: 'waypoint', name: 'Trasig lampa' });
    const { features } = candidatesToFeatures([track, lamp], 'safety-walk', ['act'], 'walk.gpx', index, newId);
    expect(features).toHaveLength(1);
    expect(features[0]!.details).toMatchObject({ findings: [{ text: 'Trasig lampa', point: [18.1, 59.3] }] });
  });
  it('counts valid places before an activity is chosen, but gives them no link', () => {
    const { features } = candidatesToFeatures([point()], 'unsafe-place', [], 'x.csv', index, newId);
    expect(features).toHaveLength(1);
    expect(features[0]!.activityIds).toEqual([]);
  });
});
