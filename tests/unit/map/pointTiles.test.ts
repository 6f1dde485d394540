import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { PointStore, type TilePoint } from '../../../src/map/pointTiles/pointStore';
import { POINT_TILE_EXTENT, POINT_TILE_LAYER, mercatorX, mercatorY, tileHolds } from '../../../src/map/pointTiles/tileGrid';

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
  it('encodes a tile as an MVT that MapLibre reads: one layer, each point at its place with the properties the filters need', () => {
    const store = new PointStore();
    store.set([point('a', 18.2, 59.3), point('b', 18.201, 59.301), point('far', 20.3, 63.8)]);
    const { z, x, y } = tileOf(12, 18.2, 59.3);
    const tile = new VectorTile(new PbfReader(store.tile(z, x, y)));
    const layer = tile.layers[POINT_TILE_LAYER]!;
    expect(layer.extent).toBe(POINT_TILE_EXTENT);
    const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
    expect(features.map((f) => f.properties.id)).toEqual(['a', 'b']);
    // And how crowded its tile is (the style draws a crowded tile's points smaller): two points here.
    expect(features[0]!.properties).toEqual({ id: 'a', text: 'plats a', municipality: '|0182|', crowd: 2 });
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
});
