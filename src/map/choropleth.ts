import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

/**
 * Colours of the area index choropleth, one per class key of src/analysis/areaIndex.ts; the
 * legend reads the same table. Level: light to dark (ColorBrewer YlOrRd), so lightness alone
 * orders the classes. Change: blue for better, orange for worse around a near-white "about the
 * same" (as the hexagon change), lightness again rising with the size of the change.
 */
export const CHOROPLETH_COLOURS: Readonly<Record<string, string>> = {
  'level-0': '#ffffb2',
  'level-1': '#fed976',
  'level-2': '#feb24c',
  'level-3': '#fd8d3c',
  'level-4': '#f03b20',
  'level-5': '#bd0026',
  'much-better': '#2166ac',
  better: '#92c5de',
  unchanged: '#f7f7f7',
  worse: '#fdb863',
  'much-worse': '#b35806',
};
/** No value: a light grey, drawn with a dashed outline so it is not told apart by colour alone. */
export const NO_DATA_COLOUR = '#d9d9d9';
export const CHOROPLETH_OPACITY = 0.8;
export const CHOROPLETH_OUTLINE = '#333333';

/** Areas with `classKey` (a key of CHOROPLETH_COLOURS or no-data), `key` and `selected` properties. */
export interface ChoroplethOverlay {
  collection: GeoJSON.FeatureCollection;
  /** The classes as the map legend shows them, in the view's words (the same rows as its own legend). */
  legend?: { title: string; rows: { colour: string; label: string }[] };
}

const SOURCE = 'tk-choropleth';
const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
const hasData: ExpressionSpecification = ['!=', ['get', 'classKey'], 'no-data'];
const selected: ExpressionSpecification = ['boolean', ['get', 'selected'], false];

export const CHOROPLETH_FILL_LAYER = `${SOURCE}-fill`;

/** The area index as filled polygons with outlines, under the places like the other analyses. */
export class ChoroplethLayers {
  private current: ChoroplethOverlay | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly beforeLayerId: string,
  ) {}

  install(): void {
    const map = this.map;
    if (!map.getSource(SOURCE)) map.addSource(SOURCE, { type: 'geojson', data: this.current?.collection ?? EMPTY });
    const before = map.getLayer(this.beforeLayerId) ? this.beforeLayerId : undefined;
    const colour = ['match', ['get', 'classKey'], ...Object.entries(CHOROPLETH_COLOURS).flat(), NO_DATA_COLOUR] as unknown as ExpressionSpecification;
    if (!map.getLayer(CHOROPLETH_FILL_LAYER))
      map.addLayer({ id: CHOROPLETH_FILL_LAYER, type: 'fill', source: SOURCE, paint: { 'fill-color': colour, 'fill-opacity': CHOROPLETH_OPACITY } }, before);
    if (!map.getLayer(`${SOURCE}-line`))
      map.addLayer(
        { id: `${SOURCE}-line`, type: 'line', source: SOURCE, filter: hasData, paint: { 'line-color': CHOROPLETH_OUTLINE, 'line-width': ['case', selected, 4, 1.2] } },
        before,
      );
    if (!map.getLayer(`${SOURCE}-line-no-data`))
      map.addLayer(
        {
          id: `${SOURCE}-line-no-data`,
          type: 'line',
          source: SOURCE,
          filter: ['!', hasData],
          paint: { 'line-color': CHOROPLETH_OUTLINE, 'line-width': ['case', selected, 4, 1.2], 'line-dasharray': [3, 2] },
        },
        before,
      );
    this.apply();
  }

  set(next: ChoroplethOverlay | null): void {
    if (next === this.current) return;
    this.current = next;
    this.apply();
  }

  /** For browser tests: the areas drawn, with their class. */
  rendered(): { key: string; classKey: string }[] {
    if (!this.map.getLayer(CHOROPLETH_FILL_LAYER)) return [];
    const seen = new Map<string, string>();
    for (const f of this.map.queryRenderedFeatures({ layers: [CHOROPLETH_FILL_LAYER] })) seen.set(String(f.properties?.key), String(f.properties?.classKey));
    return [...seen].map(([key, classKey]) => ({ key, classKey })).sort((a, b) => a.key.localeCompare(b.key));
  }

  private apply(): void {
    (this.map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(this.current?.collection ?? EMPTY);
  }
}
