import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { archiveTiles } from './pmtilesArchive';
import type { BinaryDecoder, DecodedFeature } from './privacyCheck';

/**
 * The privacy check's reader of a PMTiles archive: every tile the directories address (root and
 * leaves, runs expanded) decoded as MapLibre would, each feature with its layer, properties and
 * every vertex in lon/lat. Nothing is searched as bytes: a leak in a tile is found as a feature.
 */
export const pmtilesDecoder: BinaryDecoder = {
  accepts: (path) => path.endsWith('.pmtiles'),
  decode(path, bytes) {
    const out: { path: string; content: string; features: DecodedFeature[] }[] = [];
    for (const { z, x, y, data } of archiveTiles(bytes)) {
      const tile = new VectorTile(new PbfReader(data));
      const features: DecodedFeature[] = [];
      for (const [layer, content] of Object.entries(tile.layers))
        for (let i = 0; i < content.length; i++) {
          const feature = content.feature(i);
          const geojson = feature.toGeoJSON(x, y, z);
          const vertices: [number, number][] = [];
          collect('coordinates' in geojson.geometry ? geojson.geometry.coordinates : [], vertices);
          features.push({ layer, kind: geojson.geometry.type.replace('Multi', '') as DecodedFeature['kind'], properties: { ...feature.properties }, vertices, zoom: z });
        }
      // The text a visitor's tools would print: the properties, so names and markers are checked as in any file.
      out.push({ path: `${path}/${z}/${x}/${y}`, content: JSON.stringify(features.map((f) => ({ layer: f.layer, ...f.properties }))), features });
    }
    return out;
  },
};

function collect(coordinates: unknown, out: [number, number][]): void {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number') out.push([coordinates[0], coordinates[1] as number]);
  else for (const inner of coordinates) collect(inner, out);
}
