import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { compilePointFilter } from '../../../src/map/pointTiles/pointFilter';
import { PointStore, type TilePoint } from '../../../src/map/pointTiles/pointStore';
import { AGGREGATE_ABOVE, COUNT_PROPERTY, POINT_TILE_EXTENT, POINT_TILE_LAYER, POINT_TILE_MAX_ZOOM, mercatorX, mercatorY, tileHolds } from '../../../src/map/pointTiles/tileGrid';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const point = (id: string, lon: number, lat: number): TilePoint => ({ id, lon, lat, properties: { id, text: `plats ${id}`, municipality: '|0182|' } });
const tileOf = (z: number, lon: number, lat: number) => ({ z, x: Math.floor(mercatorX(lon) * 2 ** z), y: Math.floor(mercatorY(lat) * 2 ** z) });

/** What a tile must hold, by brute force: every live point whose position the tile (with its buffer) covers. */
function expected(points: ReadonlyMap<string, TilePoint>, z: number, x: number, y: number): string[] {
  return [...points.values()].filter((p) => tileHolds(z, x, y, mercatorX(p.lon), mercatorY(p.lat))).map((p) => p.id).sort();
}
const idsIn = (store: PointStore, z: number, x: number, y: number) => store.pointsInTile(z, x, y).map((p) => p.id).sort();

describe('point tiles (the survey places cut into vector tiles by our own worker)', () => {
  it('encodes a tile as an MVT that MapLibre reads: one layer, each point at its place with its id', () => {
    const store = new PointStore();
    store.set([point('a', 18.2, 59.3), point('b', 18.201, 59.301), point('far', 20.3, 63.8)]);
    const { z, x, y } = tileOf(12, 18.2, 59.3);
    const tile = new VectorTile(new PbfReader(store.tile(z, x, y)));
    const layer = tile.layers[POINT_TILE_LAYER]!;
    expect(layer.extent).toBe(POINT_TILE_EXTENT);
    const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
    expect(features.map((f) => f.properties.id)).toEqual(['a', 'b']);
    // And how crowded its tile is (the style draws a crowded tile's points smaller): two points here.
    // Nothing else: the worker applies the filter, so the style reads no other property.
    expect(features[0]!.properties).toEqual({ id: 'a', crowd: 2 });
    const [lon, lat] = (features[0]!.toGeoJSON(x, y, z).geometry as GeoJSON.Point).coordinates as [number, number];
    expect(lon).toBeCloseTo(18.2, 4);
    expect(lat).toBeCloseTo(59.3, 4);
    // Nothing there: a tile with an empty layer, not an error.
    const empty = new VectorTile(new PbfReader(store.tile(12, 0, 0)));
    expect(empty.layers[POINT_TILE_LAYER]?.length ?? 0).toBe(0);
  });

  it('after any sequence of adds, moves and deletes every tile holds exactly the live points it covers, and tileHolds names every tile a change touched', () => {
    const rnd = random(12);
    const truth = new Map<string, TilePoint>();
    const store = new PointStore();
    const at = () => [18 + rnd() * 0.3, 59.2 + rnd() * 0.2] as const;
    const initial = Array.from({ length: 3000 }, (_, i) => point(`p${i}`, ...at()));
    store.set(initial);
    for (const p of initial) truth.set(p.id, p);
    let next = initial.length;
    // Past the store's re-index threshold (4 096 appended slots) on purpose: the index is rebuilt and compacted mid-way.
    for (let step = 0; step < 60; step++) {
      const remove: string[] = [];
      const put: TilePoint[] = [];
      const ids = [...truth.keys()];
      for (let i = 0; i < 100; i++) {
        const r = rnd();
        const id = ids[Math.floor(rnd() * ids.length)]!;
        if (r < 0.3) remove.push(id);
        else if (r < 0.7) put.push(point(id, ...at()));
        else put.push(point(`p${next++}`, ...at()));
      }
      const before = new Map(truth);
      const touched = store.apply(remove, put);
      for (const id of remove) truth.delete(id);
      for (const p of put) truth.set(p.id, p);
      expect(store.size).toBe(truth.size);
      // Every tile whose content changed holds one of the touched positions: those are the tiles MapLibre reloads.
      // The tiles of the points this step changed (where they were and are), and a few others.
      const changed = [...remove.map((id) => before.get(id)), ...put.flatMap((p) => [before.get(p.id), p])].filter((p) => p !== undefined);
      const sample = [...changed.slice(0, 12), ...ids.slice(0, 4).map((id) => truth.get(id) ?? before.get(id)!)];
      for (const z of [9, 13]) {
        const tiles = new Set(sample.map((p) => tileOf(z, p.lon, p.lat)).map((t) => `${t.x}/${t.y}`));
        for (const key of tiles) {
          const [x, y] = key.split('/').map(Number) as [number, number];
          const now = expected(truth, z, x, y);
          expect(idsIn(store, z, x, y)).toEqual(now);
          if (now.join() !== expected(before, z, x, y).join()) expect(touched.some(([lon, lat]) => tileHolds(z, x, y, mercatorX(lon), mercatorY(lat)))).toBe(true);
        }
      }
    }
  });

  it('carries a point near an edge in the next tile too (its circle is drawn across the edge)', () => {
    const z = 14;
    const { x, y } = tileOf(z, 18.2, 59.3);
    // Just west of the tile's west edge, within the buffer.
    const edgeLon = (x / 2 ** z) * 360 - 180 - 0.00001;
    const store = new PointStore();
    store.set([point('edge', edgeLon, 59.3)]);
    expect(idsIn(store, z, x, y)).toEqual(['edge']);
    expect(idsIn(store, z, x - 1, y)).toEqual(['edge']);
    expect(idsIn(store, z, x + 1, y)).toEqual([]);
  });

  it('draws a crowded tile as counts per cell that add up to its places, and places one by one at the deepest zoom', () => {
    const rnd = random(7);
    // 6 000 places in a few km of Nacka: every tile below zoom 12 or so holds more than AGGREGATE_ABOVE.
    const points = Array.from({ length: 6000 }, (_, i) => point(`p${i}`, 18.15 + rnd() * 0.05, 59.3 + rnd() * 0.03));
    const store = new PointStore();
    store.set(points);
    const decode = (z: number, x: number, y: number) => {
      const layer = new VectorTile(new PbfReader(store.tile(z, x, y))).layers[POINT_TILE_LAYER];
      return Array.from({ length: layer?.length ?? 0 }, (_, i) => layer!.feature(i));
    };
    // One tile at zoom 10 holds them all: cells, without ids, whose counts are every place once.
    const { z, x, y } = tileOf(10, 18.17, 59.31);
    expect(tileOf(10, 18.15, 59.3)).toEqual({ z, x, y });
    expect(tileOf(10, 18.2, 59.33)).toEqual({ z, x, y });
    const cells = decode(z, x, y);
    expect(cells.length).toBeGreaterThan(1);
    expect(cells.length).toBeLessThanOrEqual((POINT_TILE_EXTENT / 256) ** 2);
    expect(cells.every((f) => f.properties.id === undefined && typeof f.properties[COUNT_PROPERTY] === 'number')).toBe(true);
    expect(cells.reduce((sum, f) => sum + Number(f.properties[COUNT_PROPERTY]), 0)).toBe(6000);
    // Each cell sits where its places are: inside the box they were drawn from.
    for (const f of cells) {
      const [lon, lat] = (f.toGeoJSON(x, y, z).geometry as GeoJSON.Point).coordinates as [number, number];
      expect(lon).toBeGreaterThanOrEqual(18.149);
      expect(lon).toBeLessThanOrEqual(18.201);
      expect(lat).toBeGreaterThanOrEqual(59.299);
      expect(lat).toBeLessThanOrEqual(59.331);
    }
    // Split over several tiles, each place is counted in exactly one of them (a cell has no buffer).
    const z13 = new Set(points.map((p) => tileOf(13, p.lon, p.lat)).map((t) => `${t.x}/${t.y}`));
    expect(z13.size).toBeGreaterThan(1);
    const counted = [...z13].reduce((sum, key) => {
      const [tx, ty] = key.split('/').map(Number) as [number, number];
      return sum + store.cellsInTile(13, tx, ty).reduce((s, c) => s + c.count, 0);
    }, 0);
    expect(counted).toBe(6000);
    // At the deepest zoom a tile holds places, however many (beyond it MapLibre only magnifies).
    const deep = tileOf(POINT_TILE_MAX_ZOOM, 18.17, 59.31);
    const places = decode(deep.z, deep.x, deep.y);
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((f) => typeof f.properties.id === 'string')).toBe(true);
    // A tile of few places holds them one by one at any zoom.
    const few = new PointStore();
    few.set(points.slice(0, AGGREGATE_ABOVE));
    expect(new VectorTile(new PbfReader(few.tile(z, x, y))).layers[POINT_TILE_LAYER]!.length).toBe(AGGREGATE_ABOVE);
  });

  it('holds only what the filter shows, in points and in counts, and asks the filter again of a changed place', () => {
    const points = Array.from({ length: 3000 }, (_, i) => ({ ...point(`p${i}`, 18.15 + (i % 60) / 1000, 59.3 + Math.floor(i / 60) / 2000), properties: { id: `p${i}`, timeOfDay: i % 3 ? '|dag|' : '|kvall|' } }));
    const store = new PointStore();
    store.set(points);
    const { z, x, y } = tileOf(8, 18.17, 59.31);
    const evening = compilePointFilter(['in', '|kvall|', ['get', 'timeOfDay']]);
    store.setFilter(evening);
    expect(store.cellsInTile(z, x, y).reduce((s, c) => s + c.count, 0)).toBe(1000);
    expect(store.pointsInTile(z, x, y).map((p) => p.id)).toEqual(points.filter((_, i) => i % 3 === 0).map((p) => p.id));
    // A place moved into the filter: tested anew, not by the verdict kept for its old self.
    store.apply([], [{ ...points[1]!, properties: { id: 'p1', timeOfDay: '|kvall|' } }]);
    expect(store.cellsInTile(z, x, y).reduce((s, c) => s + c.count, 0)).toBe(1001);
    // A new filter forgets every verdict.
    store.setFilter(compilePointFilter(['in', '|dag|', ['get', 'timeOfDay']]));
    expect(store.cellsInTile(z, x, y).reduce((s, c) => s + c.count, 0)).toBe(1999);
    store.setFilter(null);
    expect(store.cellsInTile(z, x, y).reduce((s, c) => s + c.count, 0)).toBe(3000);
  });
});
