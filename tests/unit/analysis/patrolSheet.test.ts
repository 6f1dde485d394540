import { describe, expect, it } from 'vitest';
import { patrolPriorities } from '../../../src/analysis/patrol';
import {
  areaMunicipalityCodes,
  boxesOverlap,
  decodeArea,
  encodeArea,
  fitFrame,
  formatSweref99Tm,
  formatWgs84,
  inArea,
  nearestLocality,
  scaleBar,
  spreadMarkers,
  toSweref99Tm,
  type PatrolArea,
  type ScreenPoint,
} from '../../../src/analysis/patrolSheet';
import type { PatrolOptions } from '../../../src/analysis/types';
import { shippedPoliceAreas } from '../../../src/data/policeAreas';
import type { SafetyFeature } from '../../../src/domain/safetyFeature';
import { dms } from '../io/gaussKruger';
import { deepFreeze } from '../sharedFiles';
import { east, north, place, walk } from './builders';

const register = shippedPoliceAreas();
const options: PatrolOptions = { timeOfDay: 'kvall', dayType: 'vardag', now: new Date('2025-06-15T12:00:00'), walkDistanceMetres: 100 };
const inMunicipality = (feature: SafetyFeature, municipalityCode: string): SafetyFeature => ({ ...feature, municipalityCode });

describe('coordinates on the patrol sheet', () => {
  it("gives SWEREF 99 TM in whole metres, northing first, matching Lantmäteriet's conversions", () => {
    // Lantmäteriet's transformation service (quoted in tests/unit/io/crsRegistry.test.ts): 59°58′55.23″ N 17°50′06.12″ E.
    const service = toSweref99Tm([dms(17, 50, 6.12), dms(59, 58, 55.23)]);
    expect(service).toEqual([658185, 6652797]);
    expect(formatSweref99Tm(service)).toBe('N 6652797, E 658185');
    // A control point: 63°32′14.761735″ N 16°14′59.594626″ E is N 7046077.605, E 562140.337.
    expect(toSweref99Tm([dms(16, 14, 59.594626), dms(63, 32, 14.761735)])).toEqual([562140, 7046078]);
  });

  it('gives WGS 84 as latitude, longitude with five decimals and a decimal point', () => {
    expect(formatWgs84([18.161, 59.3104])).toBe('59.31040° N, 18.16100° E');
    expect(formatWgs84([19.503456789, 63.569349])).toBe('63.56935° N, 19.50346° E');
    expect(formatWgs84([-0.5, -33.25])).toBe('33.25000° S, 0.50000° W');
  });
});

describe('limiting the list to an area', () => {
  it('reads a police area as its municipalities in the register, a municipality as itself, all as no limit', () => {
    expect([...areaMunicipalityCodes({ kind: 'police-area', id: 'lpo-nacka' }, register)!].sort()).toEqual(['0120', '0138', '0182']);
    expect([...areaMunicipalityCodes({ kind: 'police-area', id: 'lpo-vallingby' }, register)!]).toEqual(['0125']);
    expect([...areaMunicipalityCodes({ kind: 'municipality', code: '2401' }, register)!]).toEqual(['2401']);
    expect(areaMunicipalityCodes({ kind: 'all' }, register)).toBeNull();
    // A police area the register no longer knows keeps nothing rather than everything.
    expect(areaMunicipalityCodes({ kind: 'police-area', id: 'gone' }, register)!.size).toBe(0);
  });

  it('keeps the choice in one select value', () => {
    const areas: PatrolArea[] = [{ kind: 'all' }, { kind: 'municipality', code: '0182' }, { kind: 'police-area', id: 'lpo-nacka' }];
    for (const area of areas) expect(decodeArea(encodeArea(area))).toEqual(area);
    expect(decodeArea('nonsense')).toEqual({ kind: 'all' });
  });

  it('lists only LPO Nacka’s places (Nacka, Värmdö), still judging coverage by every feature', () => {
    const [lon, lat] = [18.16, 59.31];
    const features = deepFreeze([
      inMunicipality(place('nacka', [lon, lat], { responses: 3 }), '0182'),
      inMunicipality(place('varmdo', [18.3, 59.32], { responses: 3 }), '0120'),
      inMunicipality(place('ekero', [17.8, 59.29], { responses: 3 }), '0125'),
      // A walk in Ekerö is outside the area, but it still reaches the Nacka place 50 m away.
      inMunicipality(walk('walk', { type: 'LineString', coordinates: [[lon + east(lat, 50), lat], [lon + east(lat, 50), lat + north(100)]] }), '0125'),
    ]);
    const codes = areaMunicipalityCodes({ kind: 'police-area', id: 'lpo-nacka' }, register);
    const items = patrolPriorities(features, { ...options, only: (f) => inArea(f, codes) });
    expect(items.map((i) => i.featureId).sort()).toEqual(['nacka', 'varmdo']);
    expect(items.find((i) => i.featureId === 'nacka')!.parts.find((p) => p.key === 'uncovered')!.points).toBe(0);
    expect(items.find((i) => i.featureId === 'varmdo')!.parts.find((p) => p.key === 'uncovered')!.points).toBe(15);
  });
});

describe('the nearest locality', () => {
  const localities = [
    { name: 'Fisksätra', point: [18.2561, 59.2941] as const },
    { name: 'Saltsjöbaden', point: [18.3, 59.28] as const },
  ];
  it('names the nearest within the limit, and none beyond it', () => {
    const near = nearestLocality([18.2561 + east(59.2941, 300), 59.2941], localities, 4000)!;
    expect(near.name).toBe('Fisksätra');
    expect(near.distanceMetres).toBeCloseTo(300, -1);
    expect(nearestLocality([17, 60], localities, 4000)).toBeNull();
    expect(nearestLocality([17, 60], [], 4000)).toBeNull();
  });
});

describe('numbered markers that do not overlap', () => {
  const frame = { size: 24, width: 720, height: 460, gap: 3 };
  const noneOverlap = (markers: readonly ScreenPoint[]) => markers.every((a, i) => markers.every((b, j) => j <= i || !boxesOverlap(a, b, frame.size)));
  const insideFrame = (markers: readonly ScreenPoint[]) =>
    markers.every((m) => m.x >= frame.size / 2 && m.x <= frame.width - frame.size / 2 && m.y >= frame.size / 2 && m.y <= frame.height - frame.size / 2);

  it('leaves markers that are apart where they are', () => {
    const anchors = [{ x: 100, y: 100 }, { x: 200, y: 100 }, { x: 100, y: 300 }];
    const placed = spreadMarkers(anchors, frame);
    expect(placed).toEqual(anchors.map((a) => ({ ...a, moved: false })));
  });

  it('spreads twenty markers on one spot apart, number 1 staying on its place, all inside the map', () => {
    const anchors = Array.from({ length: 20 }, () => ({ x: 360, y: 230 }));
    const placed = spreadMarkers(anchors, frame);
    expect(noneOverlap(placed)).toBe(true);
    expect(insideFrame(placed)).toBe(true);
    expect(placed[0]).toEqual({ x: 360, y: 230, moved: false });
    expect(placed.slice(1).every((m) => m.moved)).toBe(true);
    // Moved as little as it can: the second number sits one marker away.
    expect(Math.hypot(placed[1]!.x - 360, placed[1]!.y - 230)).toBeCloseTo(27, 5);
  });

  it('spreads a crowded corner without leaving the map', () => {
    const anchors = Array.from({ length: 12 }, (_, i) => ({ x: 5 + (i % 3), y: 455 - (i % 4) }));
    const placed = spreadMarkers(anchors, frame);
    expect(noneOverlap(placed)).toBe(true);
    expect(insideFrame(placed)).toBe(true);
  });

  it('keeps a moved marker off the other places’ points where it can', () => {
    // Two places 10 units apart: the second number must not sit on a third place's point right beside them.
    const anchors = [{ x: 300, y: 200 }, { x: 310, y: 200 }, { x: 300 + 27 * Math.SQRT1_2, y: 200 - 27 * Math.SQRT1_2 }];
    const placed = spreadMarkers(anchors, frame);
    expect(noneOverlap(placed)).toBe(true);
    expect(Math.abs(placed[1]!.x - anchors[2]!.x) < 13 && Math.abs(placed[1]!.y - anchors[2]!.y) < 13).toBe(false);
  });
});

describe('the sheet map’s frame', () => {
  it('fits the listed places inside the padding, north up, and gives a round scale bar', () => {
    const points = [[18.16, 59.31], [18.35, 59.33], [18.2, 59.25]] as const;
    const frame = fitFrame(points, { width: 720, height: 460, pad: 36, minSpanMetres: 1500 });
    const projected = points.map(([lon, lat]) => frame.project(lon, lat));
    for (const p of projected) {
      expect(p.x).toBeGreaterThanOrEqual(36 - 1e-6);
      expect(p.x).toBeLessThanOrEqual(720 - 36 + 1e-6);
      expect(p.y).toBeGreaterThanOrEqual(36 - 1e-6);
      expect(p.y).toBeLessThanOrEqual(460 - 36 + 1e-6);
    }
    // Farther north is higher on the map.
    expect(projected[1]!.y).toBeLessThan(projected[2]!.y);
    for (const [lon, lat] of points) {
      expect(lon > frame.bounds[0] && lon < frame.bounds[2] && lat > frame.bounds[1] && lat < frame.bounds[3]).toBe(true);
    }
    const bar = scaleBar(frame.metresPerUnit, 140);
    expect([1, 2, 5].some((m) => bar.metres / m === 10 ** Math.round(Math.log10(bar.metres / m)))).toBe(true);
    expect(bar.units).toBeLessThanOrEqual(140);
    expect(bar.units).toBeGreaterThan(140 / 2.5);
  });

  it('shows a single place with at least 1.5 km round it', () => {
    const frame = fitFrame([[18.16, 59.31]], { width: 720, height: 460, pad: 36, minSpanMetres: 1500 });
    expect(frame.metresPerUnit * (460 - 72)).toBeCloseTo(1500, 5);
    expect(frame.project(18.16, 59.31)).toEqual({ x: 360, y: 230 });
  });
});
