import { describe, expect, it } from 'vitest';
import { assessCoverage, FOCUS_POINT_REACH_METRES, NEAREST_WALK_SEARCH_FACTOR } from '../../../src/analysis/coverage';
import type { SafetyFeature } from '../../../src/domain/safetyFeature';
import { deepFreeze } from '../sharedFiles';
import { east, focusPlace, north, place, rectangle, walk, watchArea } from './builders';

// Nordmaling: 63.57°N, 19.50°E. A walk runs north–south along 19.50°E.
const LAT = 63.57;
const LON = 19.5;
const route = walk('vandring', { type: 'LineString', coordinates: [[LON, LAT - 0.01], [LON, LAT + 0.01]] }, 'Kvällsvandring centrum');

/**
 * 99 m east, by the brief's rule 1° lon ≈ 111 320 × cos(63.57°) = 111 320 × 0.44510 = 49 549 m:
 * 99 / 49 549 = 0.0019980°. (On turf's sphere, 111 195 m a degree, that is 98.89 m.)
 */
const dLon99 = 99 / (111_320 * Math.cos((LAT * Math.PI) / 180));

describe('assessCoverage', () => {
  it('returns nothing for no features, or no unsafe places', () => {
    expect(assessCoverage([], { walkDistanceMetres: 100 })).toEqual([]);
    expect(assessCoverage(deepFreeze([route]), { walkDistanceMetres: 100 })).toEqual([]);
  });

  it('calls a place with nothing else on the map a gap, with its weight and point', () => {
    const [only] = assessCoverage(deepFreeze([place('p', [LON, LAT], { responses: 4, name: 'Torget' })]), { walkDistanceMetres: 100 });
    expect(only).toEqual({
      featureId: 'p',
      name: 'Torget',
      municipalityCode: '0182', // the fixture's
      walkId: null,
      focusPlaceId: null,
      watchAreaId: null,
      nearestWalkMetres: null,
      isGap: true,
      weight: 4,
      point: [LON, LAT],
    });
  });

  it('at 63.57°N a place 99 m from a walk is covered at 100 m and not at 98 m', () => {
    expect(dLon99).toBeCloseTo(0.001998, 6);
    const features = deepFreeze([route, place('p', [LON + dLon99, LAT])]);
    const [at100] = assessCoverage(features, { walkDistanceMetres: 100 });
    expect(at100!.walkId).toBe('vandring');
    expect(at100!.isGap).toBe(false);
    expect(Math.abs(at100!.nearestWalkMetres! - 99)).toBeLessThan(0.5);

    const [at98] = assessCoverage(features, { walkDistanceMetres: 98 });
    expect(at98!.walkId).toBeNull();
    expect(at98!.isGap).toBe(true);
    // Still reported as a near miss (within 2 × 98 m), so a planner sees how close it was.
    expect(NEAREST_WALK_SEARCH_FACTOR).toBe(2);
    expect(Math.abs(at98!.nearestWalkMetres! - 99)).toBeLessThan(0.5);
  });

  it('a naive degree distance (× 111 320 m for both axes) would call that place 222 m away: a gap', () => {
    const naiveMetres = Math.hypot(dLon99, 0) * 111_320;
    expect(naiveMetres).toBeCloseTo(222.4, 1);
    expect(naiveMetres > 100).toBe(true);
    // …and a search box grown by 100 m in "degrees of latitude" (0.0009°) would not even reach it.
    expect(100 / 111_320).toBeLessThan(dLon99);
  });

  it('does not report a walk further away than twice the distance', () => {
    const far = deepFreeze([route, place('p', [LON + east(LAT, 250), LAT])]);
    const [c] = assessCoverage(far, { walkDistanceMetres: 100 });
    expect(c!.nearestWalkMetres).toBeNull();
    expect(c!.isGap).toBe(true);
  });

  it('takes the nearest of two walks, and walk parts of a MultiLineString', () => {
    const second = walk('andra', {
      type: 'MultiLineString',
      coordinates: [
        [[LON + 1, LAT], [LON + 1.01, LAT]],
        [[LON + east(LAT, 140), LAT - 0.01], [LON + east(LAT, 140), LAT + 0.01]],
      ],
    });
    const features = deepFreeze([route, second, place('p', [LON + east(LAT, 100), LAT])]);
    const [c] = assessCoverage(features, { walkDistanceMetres: 60 });
    // 100 m from 'vandring', 40 m from the second part of 'andra'.
    expect(c!.walkId).toBe('andra');
    expect(Math.abs(c!.nearestWalkMetres! - 40)).toBeLessThan(0.5);
  });

  it('counts a place inside a neighbourhood watch area as covered, and one outside as not', () => {
    const area = watchArea('grannar', rectangle(LON - 0.01, LAT - 0.005, LON + 0.01, LAT + 0.005));
    const features = deepFreeze([area, place('inne', [LON, LAT]), place('ute', [LON + 0.02, LAT])]);
    const byId = Object.fromEntries(assessCoverage(features, { walkDistanceMetres: 100 }).map((c) => [c.featureId, c]));
    expect(byId.inne!.watchAreaId).toBe('grannar');
    expect(byId.inne!.isGap).toBe(false);
    expect(byId.ute!.watchAreaId).toBeNull();
    expect(byId.ute!.isGap).toBe(true);
  });

  it('counts a focus point 50 m away, not one 150 m away, and a focus area that contains the place', () => {
    expect(FOCUS_POINT_REACH_METRES).toBe(100);
    const near = focusPlace('nära', { type: 'Point', coordinates: [LON, LAT + north(50)] });
    const far = focusPlace('långt', { type: 'Point', coordinates: [LON + 0.05, LAT + north(150)] });
    const area = focusPlace('centrum', rectangle(LON + 0.1, LAT - 0.01, LON + 0.12, LAT + 0.01));
    const features = deepFreeze([
      near,
      far,
      area,
      place('vid-nära', [LON, LAT]),
      place('vid-långt', [LON + 0.05, LAT]),
      place('i-centrum', [LON + 0.11, LAT]),
    ]);
    const byId = Object.fromEntries(assessCoverage(features, { walkDistanceMetres: 100 }).map((c) => [c.featureId, c]));
    expect(byId['vid-nära']!.focusPlaceId).toBe('nära');
    expect(byId['vid-långt']!.focusPlaceId).toBeNull();
    expect(byId['vid-långt']!.isGap).toBe(true);
    expect(byId['i-centrum']!.focusPlaceId).toBe('centrum');
  });

  it('judges a place drawn as an area at its representative point', () => {
    const areaPlace = place('yta', [0, 0], { geometry: rectangle(LON - 0.001, LAT - 0.001, LON + 0.001, LAT + 0.001) });
    const [c] = assessCoverage(deepFreeze([route, areaPlace]), { walkDistanceMetres: 10 });
    expect(c!.walkId).toBe('vandring');
    expect(c!.point).toEqual([LON, LAT]);
  });

  it('ranks gaps first by weight, then by Swedish name order (Z before Å before Ä before Ö); covered places last', () => {
    const area = watchArea('grannar', rectangle(LON - 0.01, LAT - 0.005, LON + 0.01, LAT + 0.005));
    const outside = (i: number) => [LON + 0.05 + i * 0.01, LAT] as [number, number];
    const features: SafetyFeature[] = deepFreeze([
      area,
      place('covered-heavy', [LON, LAT], { name: 'Aaa', responses: 500 }),
      place('o', outside(0), { name: 'Östra torget', responses: 3 }),
      place('a', outside(1), { name: 'Åkervägen', responses: 3 }),
      place('z', outside(2), { name: 'Zinkgatan', responses: 3 }),
      place('ae', outside(3), { name: 'Ängen', responses: 3 }),
      place('heavy', outside(4), { name: 'Öbacken', responses: 10 }),
      place('light', outside(5), { name: 'Aspvägen', responses: null }),
    ]);
    expect(assessCoverage(features, { walkDistanceMetres: 100 }).map((c) => c.name)).toEqual([
      'Öbacken',
      'Zinkgatan',
      'Åkervägen',
      'Ängen',
      'Östra torget',
      'Aspvägen',
      'Aaa',
    ]);
  });
});
