import type { Map as MapLibreMap, SymbolLayerSpecification } from 'maplibre-gl';

/** The kinds of place in basemap/places.geojson, largest first: the first wins where two labels would collide. */
const KINDS = [
  { kind: 'city', minzoom: 6, size: 14 },
  { kind: 'town', minzoom: 8, size: 12.5 },
  { kind: 'locality', minzoom: 9.5, size: 11.5 },
  { kind: 'suburb', minzoom: 11, size: 11 },
] as const;
const OTHER = { kind: 'other', minzoom: 10, size: 11 } as const;
const ALL = [...KINDS, OTHER];

// The style has no glyph server (no request may leave the machine): MapLibre then draws the
// letters with the browser's own fonts. "Semibold" in the name sets the weight; sans-serif is the
// family wherever Noto Sans is not installed.
export const LABEL_FONT = ['Noto Sans Semibold', 'sans-serif'];
const CANVAS_FONT = (size: number) => `600 ${size}px 'Noto Sans', sans-serif`;

export const placeLabelLayerId = (kind: string) => `place-label-${kind}`;
export const PLACE_LABEL_LAYER_IDS = ALL.map((k) => placeLabelLayerId(k.kind));

/**
 * Place names as symbol layers, so MapLibre keeps them apart: a label that would collide with one
 * already placed is left out (cities first, as placement runs from the top layer down, and within a
 * kind the more populous place first). The layers sit under the data layers, which the adapter
 * adds on top of the style, so a name never covers a promise's place. Returned bottom to top.
 */
export function placeLabelLayers(source: string): SymbolLayerSpecification[] {
  const known = KINDS.map((k) => k.kind);
  return [...ALL].reverse().map(({ kind, minzoom, size }) => ({
    id: placeLabelLayerId(kind),
    type: 'symbol',
    source,
    minzoom,
    filter: kind === OTHER.kind ? ['!', ['in', ['get', 'kind'], ['literal', known]]] : ['==', ['get', 'kind'], kind],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': LABEL_FONT,
      'text-size': size,
      'text-padding': 4,
      'text-allow-overlap': false,
      'text-ignore-placement': false,
      // Lower keys are placed first: the bigger place keeps its name where two would touch.
      'symbol-sort-key': ['-', 0, ['coalesce', ['get', 'population'], 0]],
    },
    paint: { 'text-color': '#333333', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5, 'text-halo-blur': 0.5 },
  }));
}

/**
 * For browser tests: the labels MapLibre placed (the ones it left out for a collision are not
 * among its rendered features), each with the box its text takes on screen, measured with the
 * same font and size. Each name once (rendered features come once per tile).
 */
export function placedLabelBoxes(map: MapLibreMap): { name: string; box: [number, number, number, number] }[] {
  const layers = PLACE_LABEL_LAYER_IDS.filter((id) => map.getLayer(id));
  if (!layers.length) return [];
  const context = document.createElement('canvas').getContext('2d');
  const seen = new Map<string, { name: string; box: [number, number, number, number] }>();
  for (const feature of map.queryRenderedFeatures({ layers })) {
    const name = String(feature.properties?.name ?? '');
    if (seen.has(name) || feature.geometry.type !== 'Point') continue;
    const size = (ALL.find((k) => placeLabelLayerId(k.kind) === feature.layer.id) ?? OTHER).size;
    if (context) context.font = CANVAS_FONT(size);
    const width = context ? context.measureText(name).width : name.length * size * 0.6;
    const { x, y } = map.project(feature.geometry.coordinates as [number, number]);
    seen.set(name, { name, box: [x - width / 2, y - size * 0.6, x + width / 2, y + size * 0.6] });
  }
  return [...seen.values()];
}
