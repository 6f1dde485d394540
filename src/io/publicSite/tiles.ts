import GeoJSONVT from 'geojson-vt';
import type { Feature, FeatureCollection } from 'geojson';
import { fromGeojsonVt } from 'vt-pbf';
import { PUBLIC_MAP_LAYERS, type PublicMapLayer } from './mapLayers';
import { writePmtiles, type ArchiveTile } from './pmtilesArchive';

/** The deepest zoom with tiles of its own; MapLibre overzooms beyond (1 tile unit ≈ 2 m at 60° N). */
export const TILE_MAX_ZOOM = 12;
const EXTENT = 4096;

/**
 * The public map's layers as one PMTiles archive of vector tiles (MVT, one layer per map layer),
 * read by MapLibre through the `pmtiles` protocol. Tiles are cut with geojson-vt, encoded with
 * vt-pbf, and only tiles that hold something are written.
 */
export function publicTileArchive(layers: Record<PublicMapLayer, FeatureCollection>): Uint8Array {
  const all: Feature[] = PUBLIC_MAP_LAYERS.flatMap((layer) => layers[layer].features);
  const index = new GeoJSONVT({ type: 'FeatureCollection', features: all }, { maxZoom: TILE_MAX_ZOOM, indexMaxZoom: 5, indexMaxPoints: 10_000, extent: EXTENT, buffer: 64, tolerance: 1 });
  const tiles: ArchiveTile[] = [];
  // Small features vanish from low-zoom tiles (simplified away), so empty parents do not mean empty
  // children: every tile that a feature's box touches is asked for, and kept when it holds something.
  for (let z = 0; z <= TILE_MAX_ZOOM; z++)
    for (const key of coveredTiles(all, z)) {
      const x = key % 2 ** z;
      const y = Math.floor(key / 2 ** z);
      const tile = index.getTile(z, x, y);
      if (!tile || !tile.features.length) continue;
      const byLayer: Record<string, { features: unknown[] }> = {};
      for (const feature of tile.features) (byLayer[String(feature.tags?.layer)] ??= { features: [] }).features.push(feature);
      tiles.push({ z, x, y, data: fromGeojsonVt(byLayer, { version: 2, extent: EXTENT }) });
    }
  const bounds = boundsOf(all);
  return writePmtiles(tiles, {
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 5],
    metadata: {
      name: 'Trygghetskartan',
      attribution: 'Trygghetskartan',
      vector_layers: PUBLIC_MAP_LAYERS.map((id) => ({ id, fields: id === 'cells' ? { cell: 'String', count: 'Number' } : { name: 'String', municipality: 'String', status: 'String' }, minzoom: 0, maxzoom: TILE_MAX_ZOOM })),
    },
  });
}

/** The tiles (y · 2^z + x) at zoom z that a feature's bounding box touches. */
function coveredTiles(features: readonly Feature[], z: number): Set<number> {
  const n = 2 ** z;
  const tx = (lon: number) => Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
  const ty = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.min(n - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)));
  };
  const out = new Set<number>();
  for (const f of features) {
    const [w, s, e, north] = boundsOf([f]);
    for (let y = ty(north); y <= ty(s); y++) for (let x = tx(w); x <= tx(e); x++) out.add(y * n + x);
  }
  return out;
}

function boundsOf(features: readonly Feature[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1] as number);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1] as number);
    } else c.forEach(add);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) add(f.geometry.coordinates);
  // No features at all: Sweden.
  return Number.isFinite(b[0]) ? b : [10.9, 55.3, 24.2, 69.1];
}
