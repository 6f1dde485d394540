import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { LayerKind } from '../domain/layers';
import { HIGHLIGHT_COLOUR, LAYER_COLOURS, LAYER_ORDER } from './palette';
import { LABEL_FONT, placeLabelLayers } from './placeLabels';
import { COUNT_PROPERTY, CROWD_PROPERTY, POINT_TILE_LAYER, TILED_POINT_LAYERS } from './pointTiles/tileGrid';

export const sourceId = (layer: LayerKind) => `tk-${layer}`;
export { TILED_POINT_LAYERS };
export const pointSourceId = (layer: LayerKind) => `tk-${layer}-points`;

export const LAND_COLOUR = '#f4f1ea';
export const SEA_COLOUR = '#b7d7e8';
/** From this zoom on, Sweden's land is the municipality polygons; below it, Natural Earth's coarser outline. */
export const LOCAL_ZOOM = 8;
const SWEDEN = '752';

/**
 * The offline basemap, from files built into basemap/ (scripts/build-geodata.mjs). The background
 * is the sea and land is drawn on it: Natural Earth's countries around Sweden at every zoom, and
 * Sweden itself from Natural Earth below LOCAL_ZOOM and from the municipality polygons (which
 * follow the coast) from there on, with a strip of Natural Earth along the land borders so no
 * sliver of sea shows where the two outlines part. The detailed sea of Stockholm county and
 * Nordmaling and the lakes are drawn over the land, then the boundaries and the place names; the
 * data layers go on top of all of it (adapter.ts).
 */
export function offlineStyle(basemapUrl: string | null, attribution: string | null): StyleSpecification {
  if (!basemapUrl) return { version: 8, name: 'Trygghetskartan offline', sources: {}, layers: [{ id: 'land', type: 'background', paint: { 'background-color': LAND_COLOUR } }] };
  const file = (name: string) => new URL(name, basemapUrl).href;
  const sources: Record<string, SourceSpecification> = {
    land: { type: 'geojson', data: file('land.geojson'), attribution: attribution ?? undefined },
    lakes: { type: 'geojson', data: file('lakes.geojson') },
    // Empty until the map nears the zoom that draws it (see lazyBasemapFiles).
    lakesLocal: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    water: { type: 'geojson', data: file('water.geojson') },
    regions: { type: 'geojson', data: file('regions.geojson') },
    municipalities: { type: 'geojson', data: file('municipalities.geojson'), promoteId: 'code' },
    places: { type: 'geojson', data: file('places.geojson') },
  };
  const country: ExpressionSpecification = ['get', 'country'];
  const fill = (colour: string) => ({ 'fill-color': colour });
  const layers: LayerSpecification[] = [
    { id: 'sea', type: 'background', paint: { 'background-color': SEA_COLOUR } },
    { id: 'land-abroad', type: 'fill', source: 'land', filter: ['!', ['in', country, ['literal', [SWEDEN, 'border']]]], paint: fill(LAND_COLOUR) },
    { id: 'land-sweden-coarse', type: 'fill', source: 'land', maxzoom: LOCAL_ZOOM, filter: ['==', country, SWEDEN], paint: fill(LAND_COLOUR) },
    { id: 'land-sweden-border', type: 'fill', source: 'land', minzoom: LOCAL_ZOOM, filter: ['==', country, 'border'], paint: fill(LAND_COLOUR) },
    { id: 'land-sweden', type: 'fill', source: 'municipalities', minzoom: LOCAL_ZOOM, paint: fill(LAND_COLOUR) },
    {
      id: 'municipality-fill',
      type: 'fill',
      source: 'municipalities',
      paint: {
        'fill-color': '#ffffff',
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hasPromises'], false], 0.55, 0],
      },
    },
    // Water above the municipality tint: the municipality outlines reach out into the sea.
    { id: 'water', type: 'fill', source: 'water', paint: fill(SEA_COLOUR) },
    { id: 'lakes-abroad', type: 'fill', source: 'lakes', filter: ['==', ['get', 'in_sweden'], false], paint: fill(SEA_COLOUR) },
    // From LOCAL_ZOOM on every lake of 3 km² or more from OpenStreetMap, islands left as land (Ekerö's):
    // the municipality polygons take the lakes in. Under the boundaries, as the sea is, which at
    // this zoom are few enough to read across a lake.
    { id: 'lakes-local', type: 'fill', source: 'lakesLocal', minzoom: LOCAL_ZOOM, paint: fill(SEA_COLOUR) },
    // Thinner lines at country zoom, where 290 municipalities share a few hundred pixels.
    { id: 'municipality-line', type: 'line', source: 'municipalities', paint: { 'line-color': '#7d7d7d', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.4, 8, 0.8] } },
    { id: 'region-line', type: 'line', source: 'regions', paint: { 'line-color': '#5c5c5c', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 8, 1.6] } },
    // Sweden's large lakes over the boundaries, which would otherwise cross Vänern, Vättern and
    // Mälaren as a tangle at country zoom; from LOCAL_ZOOM on, lakes-local draws them closer to their shores.
    { id: 'lakes-sweden', type: 'fill', source: 'lakes', maxzoom: LOCAL_ZOOM, filter: ['==', ['get', 'in_sweden'], true], paint: fill(SEA_COLOUR) },
    ...placeLabelLayers('places'),
  ];
  return { version: 8, name: 'Trygghetskartan offline', sources, layers };
}

/**
 * Basemap files drawn only from some zoom on, fetched when the map first comes within a zoom level
 * of it: the local lakes (737 kB) would otherwise be fetched and indexed by MapLibre's worker at
 * start-up, on the same two cores as the places, for a layer that country zoom never draws.
 */
export function lazyBasemapFiles(basemapUrl: string | null): { source: string; url: string; minzoom: number }[] {
  return basemapUrl ? [{ source: 'lakesLocal', url: new URL('lakes-local.geojson', basemapUrl).href, minzoom: LOCAL_ZOOM }] : [];
}

/** The basemap's polygon layers, for tests that ask what is drawn at a point. */
export const BASEMAP_FILL_LAYERS = ['land-abroad', 'land-sweden-coarse', 'land-sweden-border', 'land-sweden', 'lakes-sweden', 'lakes-local', 'lakes-abroad', 'water'];

// The places of an activity shown together; the selected and the hovered place are drawn again on top (emphasis.ts).
const highlighted = ['boolean', ['feature-state', 'highlighted'], false];
const isPolygon = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const isPoint = ['==', ['geometry-type'], 'Point'];
// A point tile of many places holds cells (each a count of places) instead of places (pointStore.ts).
const isCell = ['has', COUNT_PROPERTY];
const isPlacePoint = ['all', isPoint, ['!', isCell]];

/**
 * A point tile's points drawn smaller the more the tile holds (its CROWD_PROPERTY): a few hundred
 * at full size, tens of thousands as dots. They overlap into one patch of colour either way, and
 * 100 000 full circles were 30 million fragments a frame (0.6 s on a software GPU, every frame).
 */
const byCrowd = (few: number, many: number, crowded: number) => ['interpolate', ['linear'], ['get', CROWD_PROPERTY], 400, few, 4000, many, 20000, crowded];

/** Our five data layers as style layers; the same on the offline style and on a deployment's online one. */
export function dataLayers(): { id: string; layer: LayerKind; spec: LayerSpecification }[] {
  const out: { id: string; layer: LayerKind; spec: LayerSpecification }[] = [];
  const emphasis = (normal: unknown, bold: unknown) => ['case', highlighted, bold, normal];
  const stroke = (layer: LayerKind) => ['case', highlighted, HIGHLIGHT_COLOUR, LAYER_COLOURS[layer]];
  // The halo layers hold the highlighted places only (their filter, adapter.ts): no transparent halo is drawn.
  const haloOpacity = 0.4;
  for (const layer of LAYER_ORDER) {
    const source = sourceId(layer);
    // Points of a tiled layer come from its point tiles; the id (`source`) stays the layer ids' stem.
    const tiled = TILED_POINT_LAYERS.includes(layer);
    const points = tiled ? { source: pointSourceId(layer), 'source-layer': POINT_TILE_LAYER } : { source };
    const colour = LAYER_COLOURS[layer];
    // A dark halo under highlighted features: visible on every layer colour and
    // independent of colour vision, without touching the data.
    out.push({
      id: `${source}-halo-line`,
      layer,
      spec: {
        id: `${source}-halo-line`,
        type: 'line',
        source,
        filter: ['!=', ['geometry-type'], 'Point'] as never,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': '#1a1a1a', 'line-width': 13, 'line-blur': 3, 'line-opacity': haloOpacity as never },
      },
    });
    out.push({
      id: `${source}-halo-point`,
      layer,
      spec: {
        id: `${source}-halo-point`,
        type: 'circle',
        ...points,
        filter: isPoint as never,
        paint: { 'circle-color': '#1a1a1a', 'circle-radius': 17, 'circle-blur': 0.6, 'circle-opacity': haloOpacity as never },
      },
    });
    if (layer === 'focus-place' || layer === 'watch-area' || layer === 'unsafe-place') {
      out.push({
        id: `${source}-fill`,
        layer,
        spec: { id: `${source}-fill`, type: 'fill', source, filter: isPolygon as never, paint: { 'fill-color': colour, 'fill-opacity': emphasis(0.22, 0.4) as never } },
      });
      out.push({
        id: `${source}-outline`,
        layer,
        spec: {
          id: `${source}-outline`,
          type: 'line',
          source,
          filter: isPolygon as never,
          paint: {
            'line-color': stroke(layer) as never,
            'line-width': emphasis(2, 4) as never,
            // Dashes tell the focus places' outline from the watch areas' without colour.
            ...(layer === 'focus-place' ? { 'line-dasharray': [3, 1.5] } : {}),
          },
        },
      });
    }
    if (layer === 'speed-control') {
      out.push({
        id: `${source}-casing`,
        layer,
        spec: { id: `${source}-casing`, type: 'line', source, layout: { 'line-cap': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': emphasis(8, 11) as never } },
      });
    }
    if (layer === 'speed-control' || layer === 'safety-walk') {
      out.push({
        id: `${source}-line`,
        layer,
        spec: {
          id: `${source}-line`,
          type: 'line',
          source,
          layout: { 'line-cap': 'round', 'line-join': 'round' },
          paint: {
            'line-color': stroke(layer) as never,
            'line-width': emphasis(layer === 'speed-control' ? 5 : 3.5, 7) as never,
            ...(layer === 'safety-walk' ? { 'line-dasharray': [2, 1.2] } : {}),
          },
        },
      });
    }
    if (tiled) {
      // Cells of a crowded tile: a circle growing with the count, the count on it (from 10 on; a
      // count that would overlap another is left out, the circle stays). Clicking one zooms in.
      out.push({
        id: `${source}-cell`,
        layer,
        spec: {
          id: `${source}-cell`,
          type: 'circle',
          ...points,
          filter: isCell as never,
          paint: {
            'circle-color': colour,
            'circle-opacity': 0.85,
            'circle-radius': ['interpolate', ['linear'], ['get', COUNT_PROPERTY], 1, 5, 10, 7, 100, 10, 1000, 14, 10000, 18] as never,
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 1.5,
          },
        },
      });
      out.push({
        id: `${source}-cell-count`,
        layer,
        spec: {
          id: `${source}-cell-count`,
          type: 'symbol',
          ...points,
          filter: ['all', isCell, ['>=', ['get', COUNT_PROPERTY], 10]] as never,
          layout: {
            // Digits grouped by a space, which reads the same in Swedish and English.
            'text-field': ['number-format', ['get', COUNT_PROPERTY], { locale: 'sv-SE' }] as never,
            'text-font': LABEL_FONT,
            'text-size': 11,
            'text-padding': 1,
          },
          paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
        },
      });
    }
    if (layer === 'unsafe-place' || layer === 'focus-place') {
      out.push({
        id: `${source}-point`,
        layer,
        spec: {
          id: `${source}-point`,
          type: 'circle',
          ...points,
          filter: (tiled ? isPlacePoint : isPoint) as never,
          paint: {
            'circle-color': colour,
            'circle-radius': emphasis(tiled ? byCrowd(7, 3.5, 2) : layer === 'unsafe-place' ? 7 : 8, 11) as never,
            'circle-stroke-color': ['case', highlighted, HIGHLIGHT_COLOUR, '#ffffff'] as never,
            'circle-stroke-width': emphasis(tiled ? byCrowd(2, 1, 0.5) : 2, 3.5) as never,
          },
        },
      });
    }
  }
  return out;
}

