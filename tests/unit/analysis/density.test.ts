import { cellToBoundary, cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellPolygon, compareSurveys, hexDensity } from '../../../src/analysis/density';
import type { SafetyFeature } from '../../../src/domain/safetyFeature';
import { deepFreeze } from '../sharedFiles';
import { focusPlace, place, walk } from './builders';

const RES = 8;
const cell = (lon: number, lat: number) => latLngToCell(lat, lon, RES);
const countsOf = (cells: { h3: string; count: number }[]) => Object.fromEntries(cells.map((c) => [c.h3, c.count]));
const total = (cells: { count: number }[]) => cells.reduce((s, c) => s + c.count, 0);

/** The centre of the res-8 cell around a place, so a place 20 m off the centre stays in the cell (edge ≈ 0.5 km). */
const centreOf = (lon: number, lat: number): [number, number] => {
  const [cLat, cLon] = cellToLatLng(latLngToCell(lat, lon, RES));
  return [cLon, cLat];
};
// Three places several km apart: three different cells.
const A = centreOf(18.07, 59.33);
const B = centreOf(18.15, 59.33);
const C = centreOf(19.5, 63.57);

describe('hexDensity', () => {
  it('returns no cells for no features, and for features that are not unsafe places', () => {
    expect(hexDensity([], RES)).toEqual([]);
    const others = deepFreeze([walk('w', { type: 'LineString', coordinates: [A, B] }), focusPlace('f', { type: 'Point', coordinates: A })]);
    expect(hexDensity(others, RES)).toEqual([]);
  });

  it('throws RangeError outside resolutions 5–10', () => {
    expect(() => hexDensity([], 4)).toThrow(RangeError);
    expect(() => hexDensity([], 11)).toThrow(RangeError);
    expect(() => hexDensity([], 7.5)).toThrow(RangeError);
    expect(() => hexDensity([], 5)).not.toThrow();
    expect(() => hexDensity([], 10)).not.toThrow();
  });

  it('adds the weights of two places in the same cell: responses 3 + unknown (1) = 4', () => {
    const features = deepFreeze([
      place('a', A, { responses: 3 }),
      // 20 m away: same res-8 cell (checked, so the test cannot pass by accident)
      place('b', [A[0] + 0.0003, A[1]], { responses: null }),
      place('c', B, { responses: 2 }),
    ]);
    expect(cell(A[0] + 0.0003, A[1])).toBe(cell(...A));
    expect(hexDensity(features, RES).map(({ h3, count }) => ({ h3, count }))).toEqual([
      { h3: cell(...A), count: 4 },
      { h3: cell(...B), count: 2 },
    ]);
  });

  it('sorts by count, highest first, then by h3 index', () => {
    const features = deepFreeze([place('a', A, { responses: 1 }), place('b', B, { responses: 5 }), place('c', C, { responses: 1 })]);
    const cells = hexDensity(features, RES);
    expect(cells[0]!.h3).toBe(cell(...B));
    expect(cells.slice(1).map((c) => c.h3)).toEqual([cell(...A), cell(...C)].sort());
  });

  it('gives each cell its hexagon as a closed GeoJSON ring in [lon, lat] order', () => {
    const [only] = hexDensity(deepFreeze([place('c', C)]), RES);
    const ring = only!.polygon.coordinates[0]!;
    expect(only!.polygon.type).toBe('Polygon');
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    expect(Math.abs(ring[0]![0]! - 19.5)).toBeLessThan(0.02); // longitude first
    expect(Math.abs(ring[0]![1]! - 63.57)).toBeLessThan(0.02);
  });

  it('puts a place exactly on a shared vertex or a shared edge in exactly one cell, and loses no weight', () => {
    const home = cell(...A);
    const boundary = cellToBoundary(home, true); // [lon, lat], closed
    const vertex = boundary[0]!;
    const [v1, v2] = [boundary[2]!, boundary[3]!];
    const edgeMiddle: [number, number] = [(v1[0]! + v2[0]!) / 2, (v1[1]! + v2[1]!) / 2];
    const [centreLat, centreLon] = cellToLatLng(home);
    const features = deepFreeze([
      place('vertex', vertex as [number, number], { responses: 2 }),
      place('edge', edgeMiddle, { responses: 3 }),
      place('centre', [centreLon, centreLat], { responses: 4 }),
    ]);
    const cells = hexDensity(features, RES);
    // Counted once each: 2 + 3 + 4.
    expect(total(cells)).toBe(9);
    expect(countsOf(cells)[home]).toBeGreaterThanOrEqual(4);
    // Each boundary place went to a cell whose outline passes through it.
    const hasCorner = (h3: string, p: number[]) =>
      cellToBoundary(h3, true).some((q) => Math.abs(q[0]! - p[0]!) < 1e-9 && Math.abs(q[1]! - p[1]!) < 1e-9);
    // gridDisk(home, 1) is home and its six neighbours: every cell that can touch home's outline.
    const withAll = (p: number[]) => gridDisk(home, 1).filter((h) => hasCorner(h, p));
    expect(withAll(vertex)).toHaveLength(3); // the three cells that share the vertex
    expect(withAll(v1).filter((h) => withAll(v2).includes(h))).toHaveLength(2); // the two that share the edge
    const cellOfVertex = latLngToCell(vertex[1]!, vertex[0]!, RES);
    const cellOfEdge = latLngToCell(edgeMiddle[1], edgeMiddle[0], RES);
    expect(withAll(vertex)).toContain(cellOfVertex);
    expect(withAll(v1).filter((h) => withAll(v2).includes(h))).toContain(cellOfEdge);
    expect(countsOf(cells)).toEqual(
      [[cellOfVertex, 2], [cellOfEdge, 3], [home, 4]].reduce<Record<string, number>>((acc, [h, n]) => {
        acc[h as string] = (acc[h as string] ?? 0) + (n as number);
        return acc;
      }, {}),
    );
  });

  it('keeps all weight when a place sits on the vertex shared by three cells at every resolution 5–10', () => {
    for (let res = 5; res <= 10; res++) {
      const home = latLngToCell(63.57, 19.5, res);
      const vertex = cellToBoundary(home, true)[1]! as [number, number];
      const cells = hexDensity(deepFreeze([place('v', vertex, { responses: 7 })]), res);
      expect(cells).toHaveLength(1);
      expect(cells[0]!.count).toBe(7);
      expect(gridDisk(home, 1)).toContain(cells[0]!.h3);
    }
  });

  describe('filters', () => {
    const features: SafetyFeature[] = deepFreeze([
      place('kvall', A, { timeOfDay: ['kvall'], reasons: ['Belysning'], year: 2022, responses: 1 }),
      place('natt', A, { timeOfDay: ['natt', 'dag'], reasons: ['narkotika'], year: 2024, responses: 10 }),
      place('okand-tid', A, { timeOfDay: [], reasons: ['klotter', 'belysning'], year: null, responses: 100 }),
    ]);
    const count = (filter: Parameters<typeof hexDensity>[2]) => total(hexDensity(features, RES, filter));

    it('time of day: any overlap; a place that lists no time does not match', () => {
      expect(count({ timeOfDay: ['kvall'] })).toBe(1);
      expect(count({ timeOfDay: ['dag'] })).toBe(10);
      expect(count({ timeOfDay: ['kvall', 'natt'] })).toBe(11);
    });
    it('reasons: any overlap, case-insensitive', () => {
      expect(count({ reasons: ['belysning'] })).toBe(101);
      expect(count({ reasons: ['NARKOTIKA', 'klotter'] })).toBe(110);
      expect(count({ reasons: ['skymd sikt'] })).toBe(0);
    });
    it('years: only the listed years; a place with unknown year is left out', () => {
      expect(count({ years: [2022] })).toBe(1);
      expect(count({ years: [2022, 2024] })).toBe(11);
      expect(count({ years: [2023] })).toBe(0);
    });
    it('combines filters with AND, and treats an empty list as no filter', () => {
      expect(count({ timeOfDay: ['natt'], reasons: ['belysning'] })).toBe(0);
      expect(count({ timeOfDay: [], reasons: [], years: [] })).toBe(111);
      expect(count(undefined)).toBe(111);
    });
    it('returns no cells when nothing matches', () => {
      expect(hexDensity(features, RES, { years: [1999] })).toEqual([]);
    });
  });
});

describe('compareSurveys', () => {
  const features: SafetyFeature[] = deepFreeze([
    // A: 2 (2020) → 5 (2023): +3
    place('a1', A, { year: 2020, responses: 2 }),
    place('a2', A, { year: 2023, responses: 5 }),
    // B: 4 in 2020 only: −4
    place('b1', B, { year: 2020, responses: 4 }),
    // C: 1 in 2023 only (unknown responses): +1
    place('c1', C, { year: 2023, responses: null }),
    // Other years and unknown years are in neither
    place('x1', C, { year: 2021, responses: 50 }),
    place('x2', B, { year: null, responses: 50 }),
  ]);

  it('is empty for no features', () => {
    expect(compareSurveys([], RES, 2020, 2023)).toEqual([]);
  });

  it('gives before, after and change per cell, largest change (either sign) first', () => {
    expect(compareSurveys(features, RES, 2020, 2023).map(({ h3, before, after, change }) => ({ h3, before, after, change }))).toEqual([
      { h3: cell(...B), before: 4, after: 0, change: -4 },
      { h3: cell(...A), before: 2, after: 5, change: 3 },
      { h3: cell(...C), before: 1 - 1, after: 1, change: 1 },
    ]);
  });

  it('swaps the sign when the years are swapped', () => {
    const changes = Object.fromEntries(compareSurveys(features, RES, 2023, 2020).map((c) => [c.h3, c.change]));
    expect(changes).toEqual({ [cell(...A)]: -3, [cell(...B)]: 4, [cell(...C)]: -1 });
  });

  it('applies time-of-day and reason filters, and ignores a years list (the years are yearA and yearB)', () => {
    const filtered = compareSurveys(features, RES, 2020, 2023, { years: [1999], reasons: ['BELYSNING'] });
    expect(filtered).toHaveLength(3);
    expect(compareSurveys(features, RES, 2020, 2023, { timeOfDay: ['natt'] })).toEqual([]);
  });

  it('throws RangeError for a resolution outside 5–10', () => {
    expect(() => compareSurveys(features, 12, 2020, 2023)).toThrow(RangeError);
  });
});

describe('a cell\'s outline', () => {
  it('is the closed H3 ring in [lon, lat] order, and the same object when asked again (outlined once)', () => {
    const h3 = cell(18.16, 59.31);
    const polygon = cellPolygon(h3);
    expect(polygon.type).toBe('Polygon');
    expect(polygon.coordinates[0]).toEqual(cellToBoundary(h3, true));
    expect(polygon.coordinates[0]![0]).toEqual(polygon.coordinates[0]!.at(-1));
    expect(cellPolygon(h3)).toBe(polygon);
    expect(cellPolygon(cell(20.3, 63.8))).not.toEqual(polygon);
  });
});
