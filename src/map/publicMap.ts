import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { AttributionControl, Map as MapLibreMap, NavigationControl, addProtocol, setWorkerUrl, type LayerSpecification } from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';

setWorkerUrl(workerUrl);
// MapLibre's styles come with the script (the page links no stylesheet of its own), as text.
const style = document.createElement('style');
style.textContent = maplibreCss;
document.head.append(style);

export interface PublicMapOptions {
  /** The archive's address (absolute, resolved against the page). */
  archiveUrl: string;
  colours: { cells: string; watch: string; walks: string; speed: string };
  /** Least count of a cell (k): the lightest colour. */
  k: number;
  attribution: string;
}

/**
 * The citizens' map (issue 13, karta.html): the public PMTiles archive read through the `pmtiles`
 * protocol, its four layers drawn as the team app draws them (areas, dashed routes, streets with a
 * casing) and the answer cells shaded by count. Returns null when the browser cannot draw WebGL:
 * the page's list then carries every fact.
 */
export async function createPublicMap(container: HTMLElement, options: PublicMapOptions): Promise<MapLibreMap | null> {
  if (!hasWebGl()) return null;
  const protocol = new Protocol();
  addProtocol('pmtiles', protocol.tile);
  const archive = new PMTiles(options.archiveUrl);
  protocol.add(archive);
  const header = await archive.getHeader();
  const source = 'trygghet';
  const { colours, k } = options;
  const layers: LayerSpecification[] = [
    { id: 'land', type: 'background', paint: { 'background-color': '#f4f1ea' } },
    {
      id: 'cells-fill',
      type: 'fill',
      source,
      'source-layer': 'cells',
      paint: { 'fill-color': ['interpolate', ['linear'], ['get', 'count'], k, '#f6d5e7', k * 10, colours.cells, k * 40, '#6b1d4b'], 'fill-opacity': 0.7 },
    },
    { id: 'cells-outline', type: 'line', source, 'source-layer': 'cells', paint: { 'line-color': '#6b1d4b', 'line-width': 0.5, 'line-opacity': 0.6 } },
    { id: 'watch-fill', type: 'fill', source, 'source-layer': 'watch', paint: { 'fill-color': colours.watch, 'fill-opacity': 0.22 } },
    { id: 'watch-outline', type: 'line', source, 'source-layer': 'watch', paint: { 'line-color': colours.watch, 'line-width': 2 } },
    { id: 'speed-casing', type: 'line', source, 'source-layer': 'speed', layout: { 'line-cap': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': 8 } },
    { id: 'speed-line', type: 'line', source, 'source-layer': 'speed', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': colours.speed, 'line-width': 5 } },
    { id: 'walks-line', type: 'line', source, 'source-layer': 'walks', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': colours.walks, 'line-width': 3.5, 'line-dasharray': [2, 1.2] } },
  ];
  const map = new MapLibreMap({
    container,
    style: {
      version: 8,
      sources: { [source]: { type: 'vector', url: `pmtiles://${options.archiveUrl}`, attribution: options.attribution } },
      layers,
    },
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    fitBoundsOptions: { padding: 24 },
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.addControl(new NavigationControl({ showCompass: false }));
  map.addControl(new AttributionControl({ compact: true }));
  return map;
}

function hasWebGl(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}
