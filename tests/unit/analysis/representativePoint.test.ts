import { booleanPointInPolygon, centroid, pointToLineDistance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { representativePoint, representativePointOf } from '../../../src/analysis/representativePoint';
import { deepFreeze } from '../sharedFiles';
import { place } from './builders';

/** A C open to the east: its centroid lies in the opening, outside the area. */
const cShape: GeoJSON.Polygon = deepFreeze({
  type: 'Polygon',
  coordinates: [
    [
      [18.0, 59.3], [18.03, 59.3], [18.03, 59.303], [18.003, 59.303], [18.003, 59.317],
      [18.03, 59.317], [18.03, 59.32], [18.0, 59.32], [18.0, 59.3],
    ],
  ],
});

describe('representativePoint', () => {
  it('is the point itself for a point, without its elevation', () => {
    const f = deepFreeze(place('p', [18.25, 59.3], { geometry: { type: 'Point', coordinates: [18.25, 59.3, 12] } }));
    expect(representativePoint(f)).toEqual([18.25, 59.3]);
  });

  it('lies inside a C-shaped area, where the centroid does not', () => {
    expect(booleanPointInPolygon(centroid(cShape), cShape)).toBe(false);
    const p = representativePointOf(cShape);
    expect(booleanPointInPolygon(p, cShape)).toBe(true);
  });

  it('lies on a curved route', () => {
    const route: GeoJSON.LineString = deepFreeze({ type: 'LineString', coordinates: [[19.5, 63.57], [19.52, 63.58], [19.54, 63.57]] });
    expect(pointToLineDistance(representativePointOf(route), route, { units: 'meters' })).toBeLessThan(0.01);
  });

  it('lies in one of the parts of a multipolygon', () => {
    const multi: GeoJSON.MultiPolygon = deepFreeze({
      type: 'MultiPolygon',
      coordinates: [cShape.coordinates, [[[18.1, 59.3], [18.11, 59.3], [18.11, 59.31], [18.1, 59.3]]]],
    });
    expect(booleanPointInPolygon(representativePointOf(multi), multi)).toBe(true);
  });
});
