import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { LayerKind } from '../domain/layers';
import { HIGHLIGHT_COLOUR, LAYER_COLOURS, LAYER_ORDER } from './palette';

export const sourceId = (layer: LayerKind) => `tk-${layer}`;

/** The offline basemap: land, sea, county and municipality boundaries, from files built into basemap/. */
export function offlineStyle(basemapUrl: string | null, attribution: string | null): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [{ id: 'land', type: 'background', paint: { 'background-color': '#f4f1ea' } }];
  if (basemapUrl) {
    const file = (name: string) => new URL(name, basemapUrl).href;
    sources.water = { type: 'geojson', data: file('water.geojson'), attribution: attribution ?? undefined };
    sources.regions = { type: 'geojson', data: file('regions.geojson') };
    sources.municipalities = { type: 'geojson', data: file('municipalities.geojson'), promoteId: 'code' };
    layers.push(
      {
        id: 'municipality-fill',
        type: 'fill',
        source: 'municipalities',
        paint: {
          'fill-color': '#ffffff',
          'fill-opacity': ['case', ['boolean', ['feature-state', 'hasPromises'], false], 0.55, 0],
        },
      },
      // Water above the municipality tint: the coarse outlines reach into the sea.
      { id: 'water', type: 'fill', source: 'water', paint: { 'fill-color': '#b7d7e8' } },
      { id: 'municipality-line', type: 'line', source: 'municipalities', paint: { 'line-color': '#7d7d7d', 'line-width': 0.8 } },
      { id: 'region-line', type: 'line', source: 'regions', paint: { 'line-color': '#5c5c5c', 'line-width': 1.6 } },
    );
  }
  return { version: 8, name: 'Trygghetskartan offline', sources, layers };
}

// The places of an activity shown together; the selected and the hovered place are drawn again on top (emphasis.ts).
const highlighted = ['boolean', ['feature-state', 'highlighted'], false];
const isPolygon = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const isPoint = ['==', ['geometry-type'], 'Point'];

/** Our five data layers as style layers; the same on the offline style and on a deployment's online one. */
export function dataLayers(): { id: string; layer: LayerKind; spec: LayerSpecification }[] {
  const out: { id: string; layer: LayerKind; spec: LayerSpecification }[] = [];
  const emphasis = (normal: unknown, bold: unknown) => ['case', highlighted, bold, normal];
  const stroke = (layer: LayerKind) => ['case', highlighted, HIGHLIGHT_COLOUR, LAYER_COLOURS[layer]];
  const haloOpacity = ['case', highlighted, 0.4, 0];
  for (const layer of LAYER_ORDER) {
    const source = sourceId(layer);
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
        source,
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
    if (layer === 'unsafe-place' || layer === 'focus-place') {
      out.push({
        id: `${source}-point`,
        layer,
        spec: {
          id: `${source}-point`,
          type: 'circle',
          source,
          filter: isPoint as never,
          paint: {
            'circle-color': colour,
            'circle-radius': emphasis(layer === 'unsafe-place' ? 7 : 8, 11) as never,
            'circle-stroke-color': ['case', highlighted, HIGHLIGHT_COLOUR, '#ffffff'] as never,
            'circle-stroke-width': emphasis(2, 3.5) as never,
          },
        },
      });
    }
  }
  return out;
}

