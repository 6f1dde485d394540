import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { PLACE_LABEL_LAYER_IDS } from '../../../src/map/placeLabels';
import { LAND_COLOUR, LOCAL_ZOOM, SEA_COLOUR, lazyBasemapFiles, offlineStyle } from '../../../src/map/style';

const style = offlineStyle('http://localhost/basemap/', 'test');
const layer = (id: string) => style.layers.find((l) => l.id === id) as LayerSpecification & { minzoom?: number; maxzoom?: number };

describe('the offline style', () => {
  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
  });

  it('has the sea as its background and land drawn on it; without a basemap all is land', () => {
    expect(style.layers[0]).toMatchObject({ type: 'background', paint: { 'background-color': SEA_COLOUR } });
    expect(offlineStyle(null, null).layers).toEqual([{ id: 'land', type: 'background', paint: { 'background-color': LAND_COLOUR } }]);
  });

  it('hands Sweden from Natural Earth to the municipality polygons at one zoom, with no gap and no overlap', () => {
    expect(layer('land-sweden-coarse').maxzoom).toBe(LOCAL_ZOOM);
    expect(layer('lakes-sweden').maxzoom).toBe(LOCAL_ZOOM);
    for (const id of ['land-sweden', 'land-sweden-border', 'lakes-local']) expect(layer(id).minzoom, id).toBe(LOCAL_ZOOM);
    // Neighbouring countries and their lakes at every zoom.
    for (const id of ['land-abroad', 'lakes-abroad']) expect([layer(id).minzoom, layer(id).maxzoom], id).toEqual([undefined, undefined]);
  });

  it('draws the place names last, kept apart by collision, the bigger place first', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids.slice(-PLACE_LABEL_LAYER_IDS.length).sort()).toEqual([...PLACE_LABEL_LAYER_IDS].sort());
    // Placement runs from the top layer down: cities are the topmost.
    expect(ids.at(-1)).toBe('place-label-city');
    for (const id of PLACE_LABEL_LAYER_IDS)
      expect(layer(id).layout, id).toMatchObject({ 'text-allow-overlap': false, 'text-ignore-placement': false, 'symbol-sort-key': ['-', 0, ['coalesce', ['get', 'population'], 0]] });
  });

  it('names no glyph server: no request may leave the machine', () => {
    expect(style.glyphs).toBeUndefined();
    // A source is a basemap file, or starts empty and is given one when the map nears its zoom.
    const lazy = lazyBasemapFiles('http://localhost/basemap/');
    for (const [id, source] of Object.entries(style.sources)) {
      const data = 'data' in source ? source.data : undefined;
      const url = typeof data === 'string' ? data : lazy.find((f) => f.source === id)?.url;
      expect(url, id).toMatch(/^http:\/\/localhost\/basemap\/[a-z-]+\.geojson$/);
    }
    expect(lazy.map((f) => f.source)).toEqual(['lakesLocal']);
  });
});
