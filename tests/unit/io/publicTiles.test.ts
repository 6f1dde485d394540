import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, TileType, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { buildPublicSite, type PublicFile } from '../../../src/io/publicSite/buildSite';
import { ARCHIVE_PATH } from '../../../src/io/publicSite/mapPage';
import { archiveTiles, writePmtiles } from '../../../src/io/publicSite/pmtilesArchive';
import { privacyProblems, privateFactsOf } from '../../../src/io/publicSite/privacyCheck';
import { pmtilesDecoder } from '../../../src/io/publicSite/tileDecoder';
import { publicTileArchive } from '../../../src/io/publicSite/tiles';
import { MIN_PUBLIC_K } from '../../../src/analysis/publicCells';
import { MARKER_HISTORY, TODAY, teamData } from './publicSiteFixture';

/** The `pmtiles` package reading an archive from memory, as MapLibre's protocol reads it over HTTP. */
function memorySource(bytes: Uint8Array): Source {
  return {
    getKey: () => 'memory',
    getBytes: async (offset, length) => ({ data: bytes.slice(offset, offset + length).buffer as ArrayBuffer }),
  };
}
const archiveOf = (files: readonly PublicFile[]) => files.find((f) => f.path === ARCHIVE_PATH)!.content as Uint8Array;
const empty = { type: 'FeatureCollection' as const, features: [] };

describe('the public map as a PMTiles archive', () => {
  const data = teamData();
  const files = buildPublicSite(data, TODAY);
  const archive = archiveOf(files);

  it('is a PMTiles v3 archive of vector tiles that the pmtiles package reads back, tile for tile, with the four layers and public properties only', async () => {
    const reader = new PMTiles(memorySource(archive));
    const header = await reader.getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.tileType).toBe(TileType.Mvt);
    expect(header.maxZoom).toBe(12);
    expect(header.minLon).toBeGreaterThan(10);
    expect(header.maxLat).toBeLessThan(70);
    const metadata = (await reader.getMetadata()) as { vector_layers: { id: string }[] };
    expect(metadata.vector_layers.map((l) => l.id)).toEqual(['cells', 'watch', 'walks', 'speed']);
    const tiles = archiveTiles(archive);
    expect(tiles.length).toBe(header.numAddressedTiles);
    const layers = new Map<string, Set<string>>();
    for (const tile of tiles) {
      const viaPackage = await reader.getZxy(tile.z, tile.x, tile.y);
      expect(new Uint8Array(viaPackage!.data)).toEqual(tile.data);
      const vt = new VectorTile(new PbfReader(tile.data));
      for (const [name, layer] of Object.entries(vt.layers))
        for (let i = 0; i < layer.length; i++) {
          const f = layer.feature(i);
          expect(Object.keys(f.properties).every((k) => ['layer', 'name', 'municipality', 'status', 'cell', 'count'].includes(k))).toBe(true);
          (layers.get(name) ?? layers.set(name, new Set()).get(name)!).add(String(f.properties.name ?? f.properties.cell));
        }
    }
    expect([...layers.keys()].sort()).toEqual(['cells', 'speed', 'walks', 'watch']);
    // The published cells, the team's public places, never the walk that serves only sensitive work.
    const cells = JSON.parse(String(files.find((f) => f.path === 'data/answer-cells.json')!.content)) as { cells: [string, number][] };
    expect(layers.get('cells')!.size).toBe(cells.cells.length);
    expect(layers.get('walks')).toContain('Trygghetsvandring Orminge centrum');
    expect(layers.get('walks')).not.toContain('Vandring för känsligt arbete');
    // A tile outside the data is absent, as the protocol expects.
    expect(await reader.getZxy(12, 0, 0)).toBeUndefined();
  });

  it('gets leaf directories when the root would pass 16 KiB, and the pmtiles package finds every tile through them', async () => {
    // Scattered tiles of varied sizes: a directory that does not compress to nothing.
    const seen = new Set<number>();
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296);
    const tiles: { z: number; x: number; y: number; data: Uint8Array }[] = [];
    while (tiles.length < 20_000) {
      const [x, y] = [Math.floor(random() * 4096), Math.floor(random() * 4096)];
      if (seen.has(y * 4096 + x)) continue;
      seen.add(y * 4096 + x);
      tiles.push({ z: 12, x, y, data: new TextEncoder().encode(`tile ${tiles.length} ${'x'.repeat(Math.floor(random() * 300))}`) });
    }
    const bytes = writePmtiles(tiles, { bounds: [10, 55, 25, 69], center: [17, 62, 5], metadata: {} });
    const reader = new PMTiles(memorySource(bytes));
    const header = await reader.getHeader();
    expect(header.rootDirectoryLength).toBeLessThanOrEqual(16_384 - 127);
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    for (const i of [0, 1, 4_321, 19_999]) expect(new TextDecoder().decode((await reader.getZxy(12, tiles[i]!.x, tiles[i]!.y))!.data)).toBe(new TextDecoder().decode(tiles[i]!.data));
    expect(archiveTiles(bytes).length).toBe(20_000);
  });

  it('is checked tile by tile by the privacy check: the real build passes; cells under k, a planted answer point or a sensitive place in a tile fail', () => {
    const facts = privateFactsOf(data, MIN_PUBLIC_K, [MARKER_HISTORY]);
    expect(privacyProblems(files, facts, [pmtilesDecoder]).slice(0, 5)).toEqual([]);
    // Without a decoder the archive cannot be read, so it is refused.
    expect(privacyProblems(files, facts).join('\n')).toContain('binär fil som kontrollen inte kan läsa');

    // k = 1: the tiles' cells alone fail (the JSON file removed).
    const leaky = buildPublicSite(data, TODAY, { k: 1, allowUnsafeK: true }).filter((f) => f.path !== 'data/answer-cells.json');
    const leakyProblems = privacyProblems(leaky, facts, [pmtilesDecoder]);
    expect(leakyProblems.some((p) => p.startsWith(`${ARCHIVE_PATH}/`) && p.includes('färre än k = 5'))).toBe(true);

    const replaced = (layers: Parameters<typeof publicTileArchive>[0]) => files.map((f) => (f.path === ARCHIVE_PATH ? { path: f.path, content: publicTileArchive(layers) } : f));
    const [lon, lat] = [facts.answers[0]!.lon[42]!, facts.answers[0]!.lat[42]!];
    const planted = replaced({ cells: empty, watch: empty, walks: empty, speed: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { layer: 'speed', name: 'x' }, geometry: { type: 'Point', coordinates: [lon, lat] } }] } });
    expect(privacyProblems(planted, facts, [pmtilesDecoder]).join('\n')).toMatch(/1 enkätsvars läge/);
    // The walk that serves only sensitive work, drawn as a route: its position is found.
    const hidden = data.features.find((f) => f.id === 'w-hidden')!;
    const sensitive = replaced({ cells: empty, watch: empty, speed: empty, walks: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { layer: 'walks', name: 'x' }, geometry: hidden.geometry }] } });
    expect(privacyProblems(sensitive, facts, [pmtilesDecoder]).join('\n')).toMatch(/en känslig plats läge/);
    // A marker in a tile's properties is found as in any text.
    const marked = replaced({ cells: empty, watch: empty, speed: empty, walks: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { layer: 'walks', name: MARKER_HISTORY }, geometry: { type: 'LineString', coordinates: [[18.2, 59.3], [18.21, 59.31]] } }] } });
    expect(privacyProblems(marked, facts, [pmtilesDecoder]).join('\n')).toContain(MARKER_HISTORY);
  });
});
