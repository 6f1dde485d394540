import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { LayerKind } from '../domain/layers';
import { HIGHLIGHT_COLOUR, LAYER_COLOURS, SELECTED_COLOUR } from './palette';

const SOURCE = 'tk-emphasis';
const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
export type EmphasisKind = 'selected' | 'hovered';

/**
 * The selected and the hovered place drawn again on top, from a source of their own. Feature-state
 * on a data source did the same, but each state change makes MapLibre decode the whole tile it
 * sits in to find the feature: at 100 000 places in a few tiles that was 400 ms per hover, and
 * again after every edit. A source of one or two features costs nothing to replace.
 */
export class EmphasisLayers {
  private features: { kind: EmphasisKind; feature: GeoJSON.Feature; layer: LayerKind }[] = [];
  private dataFilter: ExpressionSpecification | null = null;
  private readonly geometryFilters = new Map<string, ExpressionSpecification>();

  constructor(private readonly map: MapLibreMap) {}

  static readonly layerIds = [`${SOURCE}-halo-line`, `${SOURCE}-halo-point`, `${SOURCE}-fill`, `${SOURCE}-line`, `${SOURCE}-point`];

  install(): void {
    const map = this.map;
    if (!map.getSource(SOURCE)) map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
    const selected: ExpressionSpecification = ['==', ['get', 'kind'], 'selected'];
    const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
    const notPoint: ExpressionSpecification = ['!=', ['geometry-type'], 'Point'];
    const isPolygon: ExpressionSpecification = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
    const layerColour = ['match', ['get', 'layer'], ...Object.entries(LAYER_COLOURS).flat(), '#888888'] as unknown as ExpressionSpecification;
    const stroke: ExpressionSpecification = ['case', selected, SELECTED_COLOUR, HIGHLIGHT_COLOUR];
    const halo: ExpressionSpecification = ['case', selected, 0.6, 0.4];
    const add = (spec: Parameters<MapLibreMap['addLayer']>[0] & { filter: ExpressionSpecification }) => {
      this.geometryFilters.set(spec.id, spec.filter);
      if (!map.getLayer(spec.id)) map.addLayer(spec);
    };
    // A dark halo under the place: visible on every layer colour and independent of colour vision.
    add({ id: `${SOURCE}-halo-line`, type: 'line', source: SOURCE, filter: notPoint, layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': '#1a1a1a', 'line-width': 13, 'line-blur': 3, 'line-opacity': halo } });
    add({ id: `${SOURCE}-halo-point`, type: 'circle', source: SOURCE, filter: isPoint, paint: { 'circle-color': '#1a1a1a', 'circle-radius': 17, 'circle-blur': 0.6, 'circle-opacity': halo } });
    add({ id: `${SOURCE}-fill`, type: 'fill', source: SOURCE, filter: isPolygon as ExpressionSpecification, paint: { 'fill-color': layerColour, 'fill-opacity': 0.4 } });
    add({ id: `${SOURCE}-line`, type: 'line', source: SOURCE, filter: notPoint, layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': stroke, 'line-width': ['case', isPolygon, 4, 7] } });
    add({ id: `${SOURCE}-point`, type: 'circle', source: SOURCE, filter: isPoint, paint: { 'circle-color': layerColour, 'circle-radius': 11, 'circle-stroke-color': stroke, 'circle-stroke-width': 3.5 } });
    this.applyFilter();
    this.apply();
  }

  /** The data layers' filter holds here too: a place the filter (or a hidden layer) leaves out is not drawn on top either. */
  setDataFilter(expression: ExpressionSpecification | null): void {
    this.dataFilter = expression;
    this.applyFilter();
  }

  private applyFilter(): void {
    for (const [id, base] of this.geometryFilters)
      if (this.map.getLayer(id)) this.map.setFilter(id, this.dataFilter ? ['all', base, this.dataFilter] : base);
  }

  /** The places to emphasise now (the selected first, so it is drawn above the hovered). */
  set(features: { kind: EmphasisKind; feature: GeoJSON.Feature; layer: LayerKind }[]): void {
    this.features = features;
    this.apply();
  }

  /** What is emphasised for one place, as the data layers' feature-state once said it. */
  stateOf(featureId: string): Partial<Record<EmphasisKind, true>> {
    return Object.fromEntries(this.features.filter((f) => String(f.feature.id) === featureId).map((f) => [f.kind, true]));
  }

  private apply(): void {
    const source = this.map.getSource(SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    // Hovered first, selected last: later features are drawn on top.
    const ordered = [...this.features].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'selected' ? 1 : -1));
    source.setData({
      type: 'FeatureCollection',
      features: ordered.map(({ kind, feature, layer }) => ({ type: 'Feature', geometry: feature.geometry, properties: { ...feature.properties, id: feature.id, kind, layer } })),
    });
  }
}
