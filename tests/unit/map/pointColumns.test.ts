import { describe, expect, it } from 'vitest';
import { fromColumns, toColumns } from '../../../src/map/pointTiles/pointColumns';
import type { TilePoint } from '../../../src/map/pointTiles/pointStore';

describe('points posted to the tile worker as columns', () => {
  it('come out as the points that went in: ids, positions, every property (strings, numbers, booleans, some missing)', () => {
    const points: TilePoint[] = Array.from({ length: 500 }, (_, i) => ({
      id: `p${i}`,
      lon: 18 + i / 1000,
      lat: 59 + i / 3000,
      properties: {
        id: `p${i}`,
        text: `plats ${i}`,
        municipality: i % 3 ? '|0182|' : '|0120|',
        ...(i % 7 ? { timeOfDay: '|kvall|' } : {}),
        ...(i % 5 === 0 ? { count: i, flag: i % 2 === 0 } : {}),
      },
    }));
    const { columns, transfer } = toColumns(points);
    // Repeated values go as a dictionary and codes (transferred), mostly distinct ones as plain values.
    const kinds = Object.fromEntries(columns.columns.map((c) => [c.key, 'values' in c ? 'values' : 'dictionary']));
    expect(kinds).toEqual({ id: 'values', text: 'values', municipality: 'dictionary', timeOfDay: 'dictionary', count: 'dictionary', flag: 'dictionary' });
    expect(transfer).toContain(columns.lonLat.buffer);
    expect(fromColumns(structuredClone(columns))).toEqual(points);
    expect(fromColumns(toColumns([]).columns)).toEqual([]);
  });
});
