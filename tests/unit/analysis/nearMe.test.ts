import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { representativePointOf } from '../../../src/analysis/representativePoint';
import { buildPlaceIndex, nearby } from '../../../src/analysis/nearMe';
import { deepFreeze } from '../sharedFiles';
import { east, focusPlace, north, place, rectangle, walk, watchArea } from './builders';

describe('nearby', () => {
  it('finds nothing in an empty index', () => {
    const index = buildPlaceIndex([]);
    expect(index.size).toBe(0);
    expect(nearby(index, 18, 59.3, 10_000)).toEqual([]);
  });

  it('gives great-circle distances within 1 m of hand-computed values at 59.3°N and 63.6°N', () => {
    const index = buildPlaceIndex(
      deepFreeze([
        place('stockholm-east', [18.01, 59.3]),
        place('stockholm-diag', [18.01, 59.31]),
        place('nordmaling-east', [19.51, 63.6]),
        place('nordmaling-diag', [19.52, 63.61]),
      ]),
    );
    const at = (lon: number, lat: number) => Object.fromEntries(nearby(index, lon, lat, 5_000).map((n) => [n.featureId, n.distanceMetres]));
    // 0.01° east at 59.3°N: 6 371 008.8 m × cos(59.3°) × 0.01 × π/180 = 6 371 008.8 × 0.510543 × 0.000174533 = 567.7 m
    // 0.01° north + 0.01° east: √(1 111.95² + 567.6²) = 1 248.4 m (east part at the mean latitude 59.305°)
    const stockholm = at(18, 59.3);
    expect(Math.abs(stockholm['stockholm-east']! - 567.7)).toBeLessThan(1);
    expect(Math.abs(stockholm['stockholm-diag']! - 1248.4)).toBeLessThan(1);
    // 0.01° east at 63.6°N: 6 371 008.8 × cos(63.6°) × 0.000174533 = 6 371 008.8 × 0.444635 × 0.000174533 = 494.4 m
    // 0.02° east + 0.01° north: √(1 111.95² + (2 × 111 195 × 0.01 × cos 63.605°)²) = √(1 111.95² + 988.5²) = 1 487.8 m
    const nordmaling = at(19.5, 63.6);
    expect(Math.abs(nordmaling['nordmaling-east']! - 494.4)).toBeLessThan(1);
    expect(Math.abs(nordmaling['nordmaling-diag']! - 1487.8)).toBeLessThan(1);
  });

  it('includes a place 999 m away within 1000 m, not within 998 m', () => {
    const lat = 63.6;
    const index = buildPlaceIndex(deepFreeze([place('north', [19.5, lat + north(999)]), place('east', [19.5 + east(lat, 999), lat])]));
    expect(nearby(index, 19.5, lat, 1000).map((n) => n.featureId).sort()).toEqual(['east', 'north']);
    expect(nearby(index, 19.5, lat, 998)).toEqual([]);
    for (const n of nearby(index, 19.5, lat, 1000)) expect(Math.abs(n.distanceMetres - 999)).toBeLessThan(0.5);
  });

  it('sorts nearest first, ties by id, and returns every layer', () => {
    const lat = 59.3;
    const index = buildPlaceIndex(
      deepFreeze([
        place('c', [18 + east(lat, 300), lat]),
        place('b', [18, lat + north(100)]),
        place('a', [18, lat - north(100)]),
        focusPlace('fokus', { type: 'Point', coordinates: [18, lat + north(200)] }),
        place('långt', [18, lat + north(5000)]),
      ]),
    );
    expect(nearby(index, 18, lat, 1000).map((n) => n.featureId)).toEqual(['a', 'b', 'fokus', 'c']);
  });

  it('finds a large area whose middle is 1.2 km away but whose edge is 400 m away, at its edge distance', () => {
    const lat = 59.3;
    // West edge 400 m east of us, east edge 2 000 m: the middle (and the indexed point) is 1 200 m away.
    const area = watchArea('område', rectangle(18 + east(lat, 400), lat - north(400), 18 + east(lat, 2000), lat + north(400)));
    const index = buildPlaceIndex(deepFreeze([area, place('mitt', [18 + east(lat, 1200), lat])]));
    const found = nearby(index, 18, lat, 500);
    expect(found.map((n) => n.featureId)).toEqual(['område']);
    expect(Math.abs(found[0]!.distanceMetres - 400)).toBeLessThan(1);
    expect(nearby(index, 18, lat, 390)).toEqual([]);
    // Inside the area the distance is 0.
    expect(nearby(index, 18 + east(lat, 1000), lat, 10)).toEqual([{ featureId: 'område', distanceMetres: 0 }]);
  });

  it('measures to the nearest point of a route, not its representative point', () => {
    const lat = 63.57;
    // An L: 300 m east of us, north for 3 km, then east for 3 km.
    const route = walk('vandring', {
      type: 'LineString',
      coordinates: [[19.5 + east(lat, 300), lat], [19.5 + east(lat, 300), lat + north(3000)], [19.5 + east(lat, 3300), lat + north(3000)]],
    });
    // The indexed point is the corner, 3 km away: only the widened search and the exact test find the route.
    expect(distance([19.5, lat], representativePointOf(route.geometry), { units: 'meters' })).toBeGreaterThan(3000);
    const found = nearby(buildPlaceIndex(deepFreeze([route])), 19.5, lat, 350);
    expect(found.map((n) => n.featureId)).toEqual(['vandring']);
    expect(Math.abs(found[0]!.distanceMetres - 300)).toBeLessThan(1);
  });

  it('keeps a small shape fast: a shape far away is not found', () => {
    const lat = 59.3;
    const index = buildPlaceIndex(
      deepFreeze([focusPlace('liten', rectangle(18.5, lat, 18.5 + east(lat, 50), lat + north(50))), place('nära', [18, lat])]),
    );
    expect(index.shapeReachMetres).toBeLessThan(100);
    expect(nearby(index, 18, lat, 1000).map((n) => n.featureId)).toEqual(['nära']);
  });
});
