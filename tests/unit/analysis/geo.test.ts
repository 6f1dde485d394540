import { pointToLineDistance, pointToPolygonDistance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { distanceToGeometryMetres, expandBounds, haversineMetres, pointToPathMetres } from '../../../src/analysis/geo';
import { deepFreeze } from '../sharedFiles';
import { east, M_PER_DEG, rectangle } from './builders';

describe('pointToPathMetres', () => {
  it('is R × asin(cos φ × sin Δλ) from a meridian route at 63.57°N', () => {
    const dLon = 0.002;
    // 6 371 008.8 × asin(cos 63.57° × sin 0.002°) = 6 371 008.8 × 0.44510 × 3.4907e-5 = 98.99 m
    const expected = 6_371_008.8 * Math.asin(Math.cos((63.57 * Math.PI) / 180) * Math.sin((dLon * Math.PI) / 180));
    expect(expected).toBeCloseTo(98.99, 1);
    expect(pointToPathMetres(19.5 + dLon, 63.57, [[19.5, 63.56], [19.5, 63.58]])).toBeCloseTo(expected, 6);
  });

  it('measures to the nearer end beyond a segment, and to a lone vertex', () => {
    const path = [[18, 59.3], [18.01, 59.3]];
    expect(pointToPathMetres(18.02, 59.3, path)).toBeCloseTo(haversineMetres(18.02, 59.3, 18.01, 59.3), 6);
    expect(pointToPathMetres(17.99, 59.3, path)).toBeCloseTo(haversineMetres(17.99, 59.3, 18, 59.3), 6);
    expect(pointToPathMetres(18.02, 59.3, [[18, 59.3]])).toBeCloseTo(haversineMetres(18.02, 59.3, 18, 59.3), 6);
    expect(pointToPathMetres(18, 59.3, [])).toBe(Infinity);
  });

  it('agrees with turf geodesic pointToLineDistance within 1 cm over 500 random cases in Sweden', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 500; i++) {
      const lat = 55.5 + random() * 13;
      const lon = 12 + random() * 11;
      const path = Array.from({ length: 2 + Math.floor(random() * 4) }, () => [lon + (random() - 0.5) * 0.1, lat + (random() - 0.5) * 0.05]);
      const p = [lon + (random() - 0.5) * 0.12, lat + (random() - 0.5) * 0.06] as [number, number];
      const turf = pointToLineDistance(p, { type: 'LineString', coordinates: path }, { units: 'meters' });
      expect(Math.abs(pointToPathMetres(p[0], p[1], path) - turf)).toBeLessThan(0.01);
    }
  });
});

describe('distanceToGeometryMetres', () => {
  const square = deepFreeze(rectangle(18, 59.3, 18.01, 59.305));
  it('is 0 inside an area and the edge distance outside it, as turf says', () => {
    expect(distanceToGeometryMetres(18.005, 59.302, square)).toBe(0);
    const turf = pointToPolygonDistance([18.02, 59.302], square, { units: 'meters' });
    expect(distanceToGeometryMetres(18.02, 59.302, square)).toBeCloseTo(turf, 2);
  });
  it('treats a hole as outside', () => {
    const withHole: GeoJSON.Polygon = deepFreeze({
      type: 'Polygon',
      coordinates: [square.coordinates[0]!, [[18.004, 59.302], [18.004, 59.303], [18.006, 59.303], [18.006, 59.302], [18.004, 59.302]]],
    });
    const d = distanceToGeometryMetres(18.005, 59.3025, withHole);
    // 0.001° of longitude at 59.3025°N to the hole's side edges: 111 195 × cos(59.3025°) × 0.001 = 56.8 m;
    // 0.0005° of latitude to its top and bottom edges: 55.6 m, the nearer
    expect(d).toBeCloseTo(55.6, 0);
  });
});

describe('expandBounds', () => {
  it('grows longitude by metres / (111 195 × cos(lat)), latitude by metres / 111 195, with 1 % to spare', () => {
    const [w, s, e, n] = expandBounds([19.5, 63.57, 19.5, 63.57], 100);
    expect(n - 63.57).toBeCloseTo((100 * 1.01) / M_PER_DEG, 9);
    expect(63.57 - s).toBeCloseTo((100 * 1.01) / M_PER_DEG, 9);
    // at least the true 100 m in longitude (0.0020214°), which a latitude-degree margin (0.0009°) is not
    expect(e - 19.5).toBeGreaterThan(east(63.57, 100));
    expect(19.5 - w).toBeGreaterThan(east(63.57, 100));
    expect(e - 19.5).toBeLessThan(east(63.57, 103));
  });
});
