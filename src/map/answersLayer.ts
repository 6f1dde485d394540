import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

const SOURCE = 'tk-answers';
const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Survey answers on the map, as the worker hands them over for the view: H3 cells with a count
 * when zoomed out, the individual points (at most a few thousand) when zoomed in far enough. The
 * map never holds all answers: at a million that would be a GeoJSON source MapLibre cannot keep.
 */
export type AnswersOnMap =
  | { kind: 'cells'; cells: { h3: string; count: number; polygon: GeoJSON.Polygon }[]; max: number }
  | { kind: 'points'; positions: Float64Array };

export class AnswersLayer {
  private current: AnswersOnMap | null = null;
  private sent = 0;

  constructor(
    private readonly map: MapLibreMap,
    private readonly beforeLayerId: string,
  ) {}

  install(): void {
    const map = this.map;
    if (!map.getSource(SOURCE)) map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
    const before = map.getLayer(this.beforeLayerId) ? this.beforeLayerId : undefined;
    if (!map.getLayer(`${SOURCE}-cells`))
      map.addLayer(
        {
          id: `${SOURCE}-cells`,
          type: 'fill',
          source: SOURCE,
          filter: ['==', ['geometry-type'], 'Polygon'],
          // Light to dark purple with the share of the largest cell: lightness carries the value, not hue alone.
          paint: { 'fill-color': ['interpolate', ['linear'], ['get', 'share'], 0, '#e8d9f2', 1, '#3f0f63'], 'fill-opacity': 0.65, 'fill-outline-color': '#ffffff' },
        },
        before,
      );
    if (!map.getLayer(`${SOURCE}-points`))
      map.addLayer(
        { id: `${SOURCE}-points`, type: 'circle', source: SOURCE, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 3, 'circle-color': '#5b1f86', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 0.5 } },
        before,
      );
    this.apply();
  }

  set(next: AnswersOnMap | null): void {
    // The same cells again (a pan at the same zoom): MapLibre already holds them.
    if (next === this.current && next !== null) return;
    this.current = next;
    this.apply();
  }

  /** What is drawn: for tests. */
  shown(): { kind: 'cells' | 'points' | 'none'; count: number; sent: number } {
    const c = this.current;
    const sent = this.sent;
    if (!c) return { kind: 'none', count: 0, sent };
    return c.kind === 'cells' ? { kind: 'cells', count: c.cells.length, sent } : { kind: 'points', count: c.positions.length / 2, sent };
  }

  private apply(): void {
    const source = this.map.getSource(SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    this.sent++;
    source.setData(collectionOf(this.current));
  }
}

function collectionOf(answers: AnswersOnMap | null): GeoJSON.FeatureCollection {
  if (!answers) return EMPTY;
  if (answers.kind === 'cells') {
    const max = Math.max(1, answers.max);
    return { type: 'FeatureCollection', features: answers.cells.map((c) => ({ type: 'Feature', geometry: c.polygon, properties: { count: c.count, share: c.count / max, h3: c.h3 } })) };
  }
  const features: GeoJSON.Feature[] = [];
  for (let i = 0; i + 1 < answers.positions.length; i += 2)
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [answers.positions[i]!, answers.positions[i + 1]!] }, properties: {} });
  return { type: 'FeatureCollection', features };
}
