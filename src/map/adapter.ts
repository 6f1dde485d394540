import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  ScaleControl,
  setWorkerUrl,
  type ExpressionSpecification,
  type FilterSpecification,
  type GeoJSONSource,
  type LayerSpecification,
  type MapMouseEvent,
} from 'maplibre-gl';
import type { Bounds, SupportedGeometry } from '../domain/geometry';
import { LAYER_KINDS, type LayerKind } from '../domain/layers';
import type { LayerCollections, MapFeatureDiff } from './features';
import { AnswersLayer, type AnswersOnMap } from './answersLayer';
import { Drafting, preloadDrawing, type DrawableType } from './draw';
import { OverlayLayers } from './overlay';
import { EmphasisLayers, type EmphasisKind } from './emphasis';
import { ChoroplethLayers, type ChoroplethOverlay } from './choropleth';
import { placedLabelBoxes } from './placeLabels';
import { BASEMAP_FILL_LAYERS, TILED_POINT_LAYERS, dataLayers, lazyBasemapFiles, offlineStyle, pointSourceId, sourceId } from './style';
import { PointTiles, announceChange, reloadsOf } from './pointTiles/pointTileSource';
import type { TilePoint } from './pointTiles/pointStore';
import { COUNT_PROPERTY, POINT_TILE_LAYER, POINT_TILE_MAX_ZOOM } from './pointTiles/tileGrid';

setWorkerUrl(workerUrl);

export interface MapHandlers {
  /** A click on the map: the id of the topmost of our features under it, or null for empty map. */
  onFeatureClick(featureId: string | null): void;
  onLoad?(): void;
  /** The pointer entered or left one of our features (null when over nothing). */
  onFeatureHover?(featureId: string | null, point?: [number, number]): void;
  /** Any click, with its position; return true to take it (e.g. picking a point), so no feature is selected. */
  onMapClick?(point: [number, number]): boolean;
  /** The map came to rest after a move: its view, for the URL and "only what is in view". */
  onViewChange?(view: MapView): void;
}

/** MapLibre's own control labels, in the UI language. */
export interface MapUiStrings {
  zoomIn: string;
  zoomOut: string;
  toggleAttribution: string;
  mapTitle: string;
}

const LOCALE_KEYS: Record<keyof MapUiStrings, string> = {
  zoomIn: 'NavigationControl.ZoomIn',
  zoomOut: 'NavigationControl.ZoomOut',
  toggleAttribution: 'AttributionControl.ToggleAttribution',
  mapTitle: 'Map.Title',
};
const localeOf = (strings: MapUiStrings) =>
  Object.fromEntries(Object.entries(LOCALE_KEYS).map(([key, id]) => [id, strings[key as keyof MapUiStrings]]));

export interface MapOverlay {
  /** Polygons with a numeric `value`; `scale` says how to colour them. */
  areas?: { collection: GeoJSON.FeatureCollection; scale: 'count' | 'change'; max: number };
  /** Numbered markers, e.g. tonight's patrol order. */
  numbered?: { point: [number, number]; label: string }[];
  /** What the numbers mean, for the legend: the planner's ranked gaps or the patrol order. */
  numberedKind?: 'gaps' | 'patrol';
  /** What `areas` counts, for the legend: unsafe places (with answers where loaded) per cell. */
  areasUnit?: 'places' | 'answers';
  /** A circle (as a polygon) around a chosen point, e.g. "near me". */
  circle?: GeoJSON.Polygon;
  /** Areas coloured by class, e.g. the police survey's area index (see choropleth.ts). */
  choropleth?: ChoroplethOverlay;
}

export interface MapView {
  center: [number, number];
  zoom: number;
  bounds: Bounds;
}

export interface MapOptions {
  /** A deployment's online style; null keeps the offline basemap (no request leaves the machine). */
  styleUrl: string | null;
  /** Absolute URL of the folder with the built offline basemap, or null when it is missing. */
  basemapUrl: string | null;
  attribution: string | null;
  dataAttribution: string;
  initialBounds: Bounds;
  uiStrings: MapUiStrings;
  /** A view to open at instead of initialBounds, e.g. from a shared link. */
  initialView?: { center: [number, number]; zoom: number } | null;
}

/** The one owner of the MapLibre instance. React calls these setters; they do nothing when nothing changed. */
export interface MapAdapter {
  /** Every place at once (the first data, or after a reset): one setData per layer. */
  setFeatures(collections: LayerCollections): void;
  /** What a change touched: MapLibre's updateData with just those ids, per layer. */
  updateFeatures(diff: MapFeatureDiff): void;
  setSelection(featureId: string | null): void;
  setHighlight(featureIds: readonly string[]): void;
  setHover(featureId: string | null): void;
  /** A filter expression over the data layers' properties (see filterExpression.ts); null shows all. */
  setFilter(expression: ExpressionSpecification | null): void;
  jumpTo(view: { center: [number, number]; zoom: number }): void;
  /** Drawing and reshaping (terra-draw); while active, clicks draw instead of selecting. */
  startDrawing(type: DrawableType, onFinish: (geometry: SupportedGeometry) => void): void;
  /** Resolves false when the geometry cannot be reshaped (a multi-geometry). */
  startReshaping(geometry: SupportedGeometry): Promise<boolean>;
  draftGeometry(): SupportedGeometry | null;
  stopDrafting(): void;
  /** Analysis drawn under the places: hexagon density or change, a search circle, numbered places. */
  setOverlay(overlay: MapOverlay | null): void;
  /** Survey answers for the view: cells zoomed out, points zoomed in (answersLayer.ts); null hides them. */
  setAnswers(answers: AnswersOnMap | null): void;
  /** Relabels MapLibre's controls when the user switches language (the map itself stays). */
  /** The controls' labels and the data credit in the UI language (the credit follows a switch of language, too). */
  setUiStrings(strings: MapUiStrings, dataAttribution?: string): void;
  getView(): MapView | null;
  setMunicipalitiesWithPromises(codes: readonly string[]): void;
  /** A small label by a place (its name, on hover or keyboard focus); at `point`, else at the place's anchor. */
  setTooltip(tooltip: { featureId: string; text: string; point?: [number, number] } | null): void;
  /** Our places drawn in the view now, each once, with where it is on screen: for moving between them by keyboard. */
  featuresInView(): { id: string; layer: LayerKind; x: number; y: number }[];
  /** Pans (without zooming) so the place is in view, e.g. when the keyboard moves to it. */
  ensureVisible(featureId: string): void;
  fitBounds(bounds: Bounds): void;
  resize(): void;
  destroy(): void;
  /** For browser tests: what is actually drawn, and where. */
  debug: {
    renderedFeatureIds(layer: LayerKind): string[];
    /** The places drawn with a halo (the highlighted ones, and no other). */
    renderedHaloIds(): string[];
    /** The cells drawn where a point tile holds too many places to draw one by one: each with its count and place. */
    renderedCells(): { count: number; lon: number; lat: number; x: number; y: number }[];
    screenPointOf(featureId: string): { x: number; y: number } | null;
    isLoaded(): boolean;
    featureState(featureId: string): Record<string, unknown>;
    /** Resolves once the map has stopped moving and drawn everything. */
    whenIdle(): Promise<void>;
    /** The choropleth areas drawn, with the class each is coloured by. */
    renderedChoropleth(): { key: string; classKey: string }[];
    /** The survey answers drawn: cells or points, and how many. */
    /** `sent`: how many times the answers were handed to MapLibre. */
    answersShown(): { kind: 'cells' | 'points' | 'none'; count: number; sent: number };
    /** Every data update sent to MapLibre, in order: setData of a whole layer, or updateData of these ids. */
    sourceUpdates(): { layer: LayerKind; kind: 'setData' | 'updateData'; ids: string[] }[];
    jumpTo(view: { center: [number, number]; zoom: number }): void;
    /** Where a position is on screen, and which basemap polygons (land, lakes, water layers) are drawn there. */
    basemapAt(position: [number, number]): { x: number; y: number; layers: string[] };
    /** The place names MapLibre placed, with their boxes on screen (placeLabels.ts). */
    placedLabels(): { name: string; box: [number, number, number, number] }[];
    /** The style's layer ids, bottom to top. */
    layerIds(): string[];
    /** The loaded point tiles that changes reloaded, in order (the latest 2 000), and how many changes reloaded them all. */
    pointTileReloads(): { tiles: { z: number; x: number; y: number }[]; full: number };
  };
}

export function createMapAdapter(container: HTMLElement, handlers: { readonly current: MapHandlers }, options: MapOptions): MapAdapter {
  const map = new MapLibreMap({
    container,
    style: options.styleUrl ?? offlineStyle(options.basemapUrl, options.attribution),
    ...(options.initialView ? { center: options.initialView.center, zoom: options.initialView.zoom } : { bounds: options.initialBounds }),
    fitBoundsOptions: { padding: 24 },
    attributionControl: false,
    // Keeps the drawing buffer so browser tests can read the canvas pixels of a screenshot.
    canvasContextAttributes: { preserveDrawingBuffer: true },
    maxPitch: 0,
    locale: localeOf(options.uiStrings),
    dragRotate: false,
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  const credit = (data: string) => new AttributionControl({ compact: true, customAttribution: [data, options.attribution ?? ''].filter(Boolean) });
  let dataAttribution = options.dataAttribution;
  let attributionControl = credit(dataAttribution);
  map.addControl(attributionControl, 'bottom-right');
  const expandedAttribution = () => container.querySelector('.maplibregl-ctrl-attrib.maplibregl-compact-show');
  // The attribution starts expanded over a fifth of a small map: fold it to its (i) button,
  // through the control's own toggle, so one click shows it again.
  const foldAttribution = () => expandedAttribution()?.querySelector<HTMLElement>('.maplibregl-ctrl-attrib-button')?.click();

  const layerSpecs = dataLayers();
  const isHalo = (id: string) => id.includes('-halo-');
  const isDecoration = (id: string) => id.endsWith('-casing') || isHalo(id);
  const interactiveLayerIds = layerSpecs.filter((l) => !isDecoration(l.id)).map((l) => l.id);
  const layerOfFeature = new Map<string, LayerKind>();
  // The places as MapLibre holds them, per layer: a new style is given them whole, a change only its ids.
  const current = Object.fromEntries(LAYER_KINDS.map((l) => [l, new Map<string, GeoJSON.Feature>()])) as Record<LayerKind, Map<string, GeoJSON.Feature>>;
  let lastCollections: LayerCollections | null = null;
  const sourceUpdates: { layer: LayerKind; kind: 'setData' | 'updateData'; ids: string[] }[] = [];
  // A tiled layer's points are cut into tiles by their own worker (pointTiles/); its other shapes, and every other layer, are GeoJSON.
  const pointTiles = new Map(TILED_POINT_LAYERS.map((layer) => [layer, new PointTiles()]));
  const tiledPoint = (layer: LayerKind, feature: GeoJSON.Feature) => pointTiles.has(layer) && feature.geometry?.type === 'Point';
  const collectionOf = (layer: LayerKind): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [...current[layer].values()].filter((f) => !tiledPoint(layer, f)) });
  let selectedId: string | null = null;
  let highlightedIds: readonly string[] = [];
  let municipalityCodes: readonly string[] = [];
  let hoveredId: string | null = null;
  let dataFilter: ExpressionSpecification | null = null;
  let loaded = false;
  let tooltip: Popup | null = null;
  const drafting = new Drafting(map);
  const overlay = new OverlayLayers(map, layerSpecs[0]!.id);
  const choropleth = new ChoroplethLayers(map, layerSpecs[0]!.id);
  const answersLayer = new AnswersLayer(map, layerSpecs[0]!.id);
  const emphasis = new EmphasisLayers(map);
  // The selected and hovered place, drawn from their own tiny source (emphasis.ts), as MapLibre holds them now.
  const refreshEmphasis = () => {
    const of = (id: string | null, kind: EmphasisKind) => {
      const layer = id ? layerOfFeature.get(id) : undefined;
      const feature = layer && current[layer].get(id!);
      return feature && layer ? [{ kind, feature, layer }] : [];
    };
    emphasis.set([...of(selectedId, 'selected'), ...(hoveredId !== selectedId ? of(hoveredId, 'hovered') : [])]);
  };

  // A new style drops every source: this puts ours back, with the last data and states.
  function installDataLayers() {
    for (const layer of LAYER_KINDS) {
      if (!map.getSource(sourceId(layer)))
        map.addSource(sourceId(layer), {
          type: 'geojson',
          data: collectionOf(layer),
          promoteId: 'id',
        });
      const tiles = pointTiles.get(layer);
      if (tiles && !map.getSource(pointSourceId(layer))) map.addSource(pointSourceId(layer), tiles.sourceSpec());
    }
    for (const { spec } of layerSpecs) if (!map.getLayer(spec.id)) map.addLayer(spec);
    applyFilter();
    applyFeatureState('highlighted', [], highlightedIds);
    emphasis.install();
    applyMunicipalityState([], municipalityCodes);
    choropleth.install();
    answersLayer.install();
    overlay.install();
  }

  // Each style layer keeps its own geometry filter; the data filter is added to it. A halo holds
  // the highlighted places only: a transparent halo under each of 100 000 points was still drawn
  // (a 34-pixel square each), half a second of every frame on a software GPU.
  function applyFilter(which: 'all' | 'halos' = 'all') {
    for (const { id, spec } of layerSpecs) {
      if (!map.getLayer(id) || (which === 'halos' && !isHalo(id))) continue;
      const base = 'filter' in spec ? (spec.filter as FilterSpecification | undefined) : undefined;
      // Point tiles come filtered from their worker (a cell's count must be of what the filter shows).
      const filtered = tiledSpec(spec) ? null : dataFilter;
      const parts = [base, filtered, isHalo(id) ? ['in', ['get', 'id'], ['literal', [...highlightedIds]]] : null].filter((p) => p != null);
      map.setFilter(id, (parts.length > 1 ? ['all', ...parts] : (parts[0] ?? null)) as FilterSpecification | null);
    }
    if (which === 'all') emphasis.setDataFilter(dataFilter);
  }
  const tiledSpec = (spec: LayerSpecification) => 'source' in spec && TILED_POINT_LAYERS.some((layer) => pointSourceId(layer) === spec.source);
  const isCellLayer = (id: string) => /-cell(-count)?$/.test(id);

  /** The cells MapLibre draws (a crowded point tile's counts), for tests: each once, with its count and place. */
  function renderedCells(): { count: number; lon: number; lat: number; x: number; y: number }[] {
    const layers = layerSpecs.filter((l) => l.id.endsWith('-cell') && map.getLayer(l.id)).map((l) => l.id);
    return map.queryRenderedFeatures({ layers }).flatMap((f) => {
      const count = f.properties?.[COUNT_PROPERTY];
      if (typeof count !== 'number' || f.geometry.type !== 'Point') return [];
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const { x, y } = map.project([lon, lat]);
      return [{ count, lon, lat, x, y }];
    });
  }

  /** The distinct place ids MapLibre draws in these style layers, sorted. */
  function renderedIds(layers: string[]): string[] {
    // A cell of a crowded point tile has no id: it is many places, not one.
    return [...new Set(map.queryRenderedFeatures({ layers }).flatMap((f) => (typeof f.properties?.id === 'string' ? [f.properties.id] : [])))].sort();
  }

  function currentView(): MapView {
    const b = map.getBounds();
    const c = map.getCenter();
    return { center: [c.lng, c.lat], zoom: map.getZoom(), bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] };
  }

  function applyFeatureState(key: 'highlighted', previous: readonly string[], next: readonly string[]) {
    if (!loaded) return;
    for (const id of previous) setState(id, { [key]: false });
    for (const id of next) setState(id, { [key]: true });
  }

  function setState(featureId: string, state: Record<string, boolean>) {
    const target = stateTarget(featureId);
    if (target && map.getSource(target.source)) map.setFeatureState(target, state);
  }

  /** Where MapLibre keeps a place's feature state: its GeoJSON source, or its point tiles' one layer. */
  function stateTarget(featureId: string): { source: string; sourceLayer?: string; id: string } | null {
    const layer = layerOfFeature.get(featureId);
    const feature = layer && current[layer].get(featureId);
    if (!layer || !feature) return null;
    return tiledPoint(layer, feature) ? { source: pointSourceId(layer), sourceLayer: POINT_TILE_LAYER, id: featureId } : { source: sourceId(layer), id: featureId };
  }

  function applyMunicipalityState(previous: readonly string[], next: readonly string[]) {
    if (!loaded || !map.getSource('municipalities')) return;
    for (const code of previous) map.setFeatureState({ source: 'municipalities', id: code }, { hasPromises: false });
    for (const code of next) map.setFeatureState({ source: 'municipalities', id: code }, { hasPromises: true });
  }

  // The offline style's files that only a closer zoom draws, fetched once the map nears that zoom (style.ts).
  const lazyFiles = options.styleUrl ? [] : lazyBasemapFiles(options.basemapUrl);
  const fetched = new Set<string>();
  const fetchLazyFiles = () => {
    for (const file of lazyFiles) {
      const source = map.getSource(file.source) as GeoJSONSource | undefined;
      if (!source || fetched.has(file.source) || map.getZoom() < file.minzoom - 1) continue;
      fetched.add(file.source);
      source.setData(file.url);
    }
  };
  map.on('zoomend', fetchLazyFiles);

  map.on('load', () => {
    loaded = true;
    performance.mark('tk:map-loaded');
    fetchLazyFiles();
    foldAttribution();
    installDataLayers();
    // terra-draw is fetched once the map has settled, so drawing starts at once when asked for.
    map.once('idle', () => void preloadDrawing().catch(() => {}));
    handlers.current.onLoad?.();
    handlers.current.onViewChange?.(currentView());
  });
  map.on('style.load', () => {
    if (loaded) installDataLayers();
  });

  const hitBox = (e: MapMouseEvent) =>
    [
      [e.point.x - 5, e.point.y - 5],
      [e.point.x + 5, e.point.y + 5],
    ] as [[number, number], [number, number]];
  map.on('click', (e) => {
    if (drafting.active) return;
    if (handlers.current.onMapClick?.([e.lngLat.lng, e.lngLat.lat])) return;
    const hits = loaded ? map.queryRenderedFeatures(hitBox(e), { layers: interactiveLayerIds }) : [];
    // A cell of many places is opened by zooming in on it, until its places are drawn one by one.
    const cell = hits[0] && isCellLayer(hits[0].layer.id) && hits[0].geometry.type === 'Point' ? hits[0].geometry.coordinates : null;
    if (cell) return void map.easeTo({ center: cell as [number, number], zoom: Math.min(map.getZoom() + 2, POINT_TILE_MAX_ZOOM), duration: 400 });
    const id = hits[0]?.properties?.id;
    handlers.current.onFeatureClick(typeof id === 'string' ? id : null);
  });
  map.on('mousemove', (e) => {
    if (!loaded || drafting.active) return;
    const hit = map.queryRenderedFeatures(hitBox(e), { layers: interactiveLayerIds })[0];
    const id = hit?.properties?.id;
    const over = typeof id === 'string' ? id : null;
    map.getCanvas().style.cursor = over || (hit && isCellLayer(hit.layer.id)) ? 'pointer' : '';
    if (over !== hoveredId) handlers.current.onFeatureHover?.(over, [e.lngLat.lng, e.lngLat.lat]);
  });
  map.on('mouseout', () => {
    if (hoveredId) handlers.current.onFeatureHover?.(null);
  });
  map.on('moveend', () => handlers.current.onViewChange?.(currentView()));

  return {
    setFeatures(collections) {
      if (collections === lastCollections) return;
      const previous = lastCollections;
      lastCollections = collections;
      layerOfFeature.clear();
      // One pass, no [id, feature] pair per place (100 000 of them were garbage at start-up).
      for (const layer of LAYER_KINDS) {
        const byId = (current[layer] = new Map<string, GeoJSON.Feature>());
        for (const feature of collections[layer].features) {
          const id = String(feature.id);
          byId.set(id, feature);
          layerOfFeature.set(id, layer);
        }
      }
      const changedLayers = LAYER_KINDS.filter((layer) => previous?.[layer] !== collections[layer]);
      for (const [layer, tiles] of pointTiles) if (changedLayers.includes(layer)) tiles.set(collections[layer].features.filter((f) => tiledPoint(layer, f)).map(toTilePoint));
      if (!loaded) return;
      refreshEmphasis();
      if (!performance.getEntriesByName('tk:map-drawn').length) map.once('idle', () => performance.mark('tk:map-drawn'));
      for (const layer of changedLayers) {
        sourceUpdates.push({ layer, kind: 'setData', ids: [] });
        const tiled = pointTiles.has(layer);
        (map.getSource(sourceId(layer)) as GeoJSONSource | undefined)?.setData(tiled ? collectionOf(layer) : collections[layer]);
        if (tiled) announceChange(map.getSource(pointSourceId(layer)), null);
      }
    },
    updateFeatures(diff) {
      lastCollections = null;
      const changes = new Map<LayerKind, LayerChange>();
      const of = (layer: LayerKind) => {
        let change = changes.get(layer);
        if (!change) changes.set(layer, (change = { add: [], update: [], remove: [], tilePut: [], tileRemove: [], touched: [], ids: new Set() }));
        return change;
      };
      // A place leaves a layer: its GeoJSON source, or its point tiles (which then redraw where it was).
      const leave = (layer: LayerKind, id: string, was: GeoJSON.Feature) => {
        const change = of(layer);
        change.ids.add(id);
        if (!tiledPoint(layer, was)) return void change.remove.push(id);
        change.tileRemove.push(id);
        change.touched.push(pointOf(was));
      };
      for (const id of diff.remove) {
        const layer = layerOfFeature.get(id);
        const was = layer && current[layer].get(id);
        if (!layer || !was) continue;
        current[layer].delete(id);
        layerOfFeature.delete(id);
        leave(layer, id, was);
      }
      for (const { layer, feature } of diff.put) {
        const id = String(feature.id);
        const wasLayer = layerOfFeature.get(id);
        const was = wasLayer && current[wasLayer].get(id);
        // Re-derived but the same on the map (e.g. its activity's status moved: that is the filter's business): nothing to send.
        if (wasLayer === layer && sameMapFeature(was, feature)) continue;
        // A place moved to another layer leaves its old source and enters the new one.
        if (wasLayer && was && wasLayer !== layer) leave(wasLayer, id, was);
        const before = wasLayer === layer ? was : undefined;
        const change = of(layer);
        change.ids.add(id);
        if (tiledPoint(layer, feature)) {
          // The tiles take a put as "this id is now here": where it was is redrawn too.
          change.tilePut.push(feature);
          change.touched.push(pointOf(feature));
          if (before && tiledPoint(layer, before)) change.touched.push(pointOf(before));
          else if (before) change.remove.push(id);
        } else if (before && !tiledPoint(layer, before)) change.update.push(feature);
        else {
          change.add.push(feature);
          if (before) (change.tileRemove.push(id), change.touched.push(pointOf(before)));
        }
        current[layer].set(id, feature);
        layerOfFeature.set(id, layer);
      }
      // The tile worker follows even before the map has loaded: it keeps the points for the first tiles.
      for (const [layer, change] of changes) if (change.tilePut.length || change.tileRemove.length) pointTiles.get(layer)?.apply(change.tileRemove, change.tilePut.map(toTilePoint));
      if (!loaded) return;
      if ((selectedId && diffTouches(diff, selectedId)) || (hoveredId && diffTouches(diff, hoveredId))) refreshEmphasis();
      for (const [layer, change] of changes) {
        sourceUpdates.push({ layer, kind: 'updateData', ids: [...change.ids] });
        if (change.touched.length) announceChange(map.getSource(pointSourceId(layer)), change.touched);
        if (!change.remove.length && !change.add.length && !change.update.length) continue;
        (map.getSource(sourceId(layer)) as GeoJSONSource | undefined)?.updateData({
          remove: change.remove,
          add: change.add,
          // Replace all of a changed place's properties and its geometry: the row was derived again.
          update: change.update.map((f) => ({
            id: String(f.id),
            newGeometry: f.geometry,
            removeAllProperties: true,
            addOrUpdateProperties: Object.entries(f.properties ?? {}).map(([key, value]) => ({ key, value })),
          })),
        });
      }
    },
    setSelection(featureId) {
      if (featureId === selectedId) return;
      selectedId = featureId;
      refreshEmphasis();
    },
    setHighlight(featureIds) {
      if (featureIds.length === highlightedIds.length && featureIds.every((id, i) => id === highlightedIds[i])) return;
      applyFeatureState('highlighted', highlightedIds, featureIds);
      highlightedIds = [...featureIds];
      if (loaded) applyFilter('halos');
    },
    setHover(featureId) {
      if (featureId === hoveredId) return;
      hoveredId = featureId;
      refreshEmphasis();
    },
    setFilter(expression) {
      if (JSON.stringify(expression) === JSON.stringify(dataFilter)) return;
      dataFilter = expression;
      for (const tiles of pointTiles.values()) tiles.setFilter(expression);
      if (!loaded) return;
      applyFilter();
      for (const layer of pointTiles.keys()) announceChange(map.getSource(pointSourceId(layer)), null);
    },
    jumpTo(view) {
      map.jumpTo(view);
    },
    getView: () => (loaded ? currentView() : null),
    startDrawing(type, onFinish) {
      map.getCanvas().style.cursor = 'crosshair';
      void drafting.startDrawing(type, onFinish);
    },
    startReshaping: (geometry) => drafting.startReshaping(geometry),
    draftGeometry: () => drafting.currentGeometry(),
    stopDrafting() {
      drafting.stop();
      map.getCanvas().style.cursor = '';
    },
    setAnswers(next) {
      answersLayer.set(next);
    },
    setOverlay(next) {
      overlay.set(next);
      choropleth.set(next?.choropleth ?? null);
    },
    setUiStrings(strings, data) {
      if (data !== undefined && data !== dataAttribution) {
        // MapLibre's credit is fixed when the control is made: a new language gets a new control.
        // It opens expanded, as on load: folded again unless the reader had opened it.
        const wasOpen = expandedAttribution() !== null;
        map.removeControl(attributionControl);
        dataAttribution = data;
        attributionControl = credit(data);
        map.addControl(attributionControl, 'bottom-right');
        if (!wasOpen) foldAttribution();
      }
      const label = (selector: string, text: string) =>
        container.querySelectorAll<HTMLElement>(selector).forEach((el) => {
          el.title = text;
          el.setAttribute('aria-label', text);
        });
      label('.maplibregl-ctrl-zoom-in', strings.zoomIn);
      label('.maplibregl-ctrl-zoom-out', strings.zoomOut);
      label('.maplibregl-ctrl-attrib-button', strings.toggleAttribution);
      map.getCanvas().setAttribute('aria-label', strings.mapTitle);
    },
    setMunicipalitiesWithPromises(codes) {
      applyMunicipalityState(municipalityCodes, codes);
      municipalityCodes = [...codes];
    },
    setTooltip(next) {
      if (!next) return void tooltip?.remove();
      const layer = layerOfFeature.get(next.featureId);
      const feature = layer && current[layer].get(next.featureId);
      const at = next.point ?? (feature ? anchorOf(feature.geometry) : null);
      if (!at) return void tooltip?.remove();
      tooltip ??= new Popup({ closeButton: false, closeOnClick: false, closeOnMove: false, focusAfterOpen: false, offset: 14, className: 'map-tooltip', maxWidth: '18rem' });
      // Text, never HTML: the names are the users' own.
      tooltip.setLngLat(at as [number, number]).setText(next.text);
      if (!tooltip.isOpen()) tooltip.addTo(map);
      tooltip.getElement()?.setAttribute('aria-hidden', 'true');
    },
    featuresInView() {
      if (!loaded) return [];
      const canvas = map.getCanvas();
      const width = canvas.clientWidth;
      const height = canvas.clientHeight;
      const seen = new Map<string, { id: string; layer: LayerKind; x: number; y: number }>();
      for (const hit of map.queryRenderedFeatures({ layers: interactiveLayerIds })) {
        const id = hit.properties?.id;
        if (typeof id !== 'string' || seen.has(id)) continue;
        const layer = layerOfFeature.get(id);
        const feature = layer && current[layer].get(id);
        const anchor = feature ? anchorOf(feature.geometry) : null;
        if (!layer || !anchor) continue;
        const p = map.project(anchor as [number, number]);
        // A large area's anchor may lie outside the view: it is still reached, at the nearest edge.
        seen.set(id, { id, layer, x: Math.min(width, Math.max(0, p.x)), y: Math.min(height, Math.max(0, p.y)) });
      }
      return [...seen.values()];
    },
    ensureVisible(featureId) {
      const layer = layerOfFeature.get(featureId);
      const feature = layer && current[layer].get(featureId);
      const anchor = feature ? anchorOf(feature.geometry) : null;
      if (!anchor) return;
      const p = map.project(anchor as [number, number]);
      const canvas = map.getCanvas();
      const margin = 40;
      if (p.x < margin || p.y < margin || p.x > canvas.clientWidth - margin || p.y > canvas.clientHeight - margin) map.easeTo({ center: anchor as [number, number], duration: 300 });
    },
    fitBounds(bounds) {
      const [w, s, e, n] = bounds;
      // A single point has no extent: pad it so the map shows its surroundings.
      const pad = w === e && s === n ? 0.01 : 0;
      map.fitBounds([w - pad, s - pad, e + pad, n + pad], { padding: 48, maxZoom: 15, duration: 400 });
    },
    resize() {
      map.resize();
    },
    destroy() {
      tooltip?.remove();
      drafting.stop();
      overlay.destroy();
      map.remove();
      for (const tiles of pointTiles.values()) tiles.destroy();
    },
    debug: {
      renderedFeatureIds(layer) {
        if (!loaded) return [];
        return renderedIds(layerSpecs.filter((l) => l.layer === layer && !isDecoration(l.id)).map((l) => l.id));
      },
      renderedHaloIds() {
        if (!loaded) return [];
        return renderedIds(layerSpecs.filter((l) => isHalo(l.id)).map((l) => l.id));
      },
      renderedCells: () => (loaded ? renderedCells() : []),
      screenPointOf(featureId) {
        const layer = layerOfFeature.get(featureId);
        const feature = layer && current[layer].get(featureId);
        if (!feature) return null;
        const anchor = anchorOf(feature.geometry);
        if (!anchor) return null;
        const point = map.project(anchor as [number, number]);
        return { x: point.x, y: point.y };
      },
      isLoaded: () => loaded && map.loaded(),
      featureState(featureId) {
        const target = stateTarget(featureId);
        return target && loaded ? { ...map.getFeatureState(target), ...emphasis.stateOf(featureId) } : {};
      },
      renderedChoropleth: () => (loaded ? choropleth.rendered() : []),
      answersShown: () => answersLayer.shown(),
      sourceUpdates: () => sourceUpdates.map((u) => ({ ...u, ids: [...u.ids] })),
      jumpTo: (view) => void map.jumpTo(view),
      basemapAt(position) {
        const { x, y } = map.project(position);
        const layers = BASEMAP_FILL_LAYERS.filter((id) => map.getLayer(id));
        const hits = layers.length ? map.queryRenderedFeatures([x, y], { layers }) : [];
        return { x, y, layers: [...new Set(hits.map((f) => f.layer.id))] };
      },
      placedLabels: () => (loaded ? placedLabelBoxes(map) : []),
      layerIds: () => map.getStyle().layers.map((l) => l.id),
      pointTileReloads() {
        const all = loaded ? [...pointTiles.keys()].map((layer) => reloadsOf(map.getSource(pointSourceId(layer)))) : [];
        return { tiles: all.flatMap((r) => r.tiles), full: all.reduce((n, r) => n + r.full, 0) };
      },
      whenIdle: () =>
        new Promise<void>((resolve) => {
          if (loaded && !map.isMoving() && map.loaded()) resolve();
          else map.once('idle', () => resolve());
        }),
    },
  };
}

/** A point on the geometry itself (a vertex midway along a line, a point, a polygon's first vertex inward). */
function anchorOf(geometry: GeoJSON.Geometry): number[] | null {
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates;
    case 'LineString':
      return geometry.coordinates[Math.floor(geometry.coordinates.length / 2)] ?? null;
    case 'MultiLineString':
      return geometry.coordinates[0]?.[Math.floor((geometry.coordinates[0]?.length ?? 0) / 2)] ?? null;
    case 'Polygon':
      return centreOfRing(geometry.coordinates[0] ?? []);
    case 'MultiPolygon':
      return centreOfRing(geometry.coordinates[0]?.[0] ?? []);
    default:
      return null;
  }
}

function centreOfRing(ring: number[][]): number[] | null {
  if (!ring.length) return null;
  let lon = 0;
  let lat = 0;
  for (const position of ring) {
    lon += position[0] ?? 0;
    lat += position[1] ?? 0;
  }
  return [lon / ring.length, lat / ring.length];
}

/** What one change set tells MapLibre about one layer: a GeoJSON diff and, for its tiled points, the points put and gone and where. */
interface LayerChange {
  add: GeoJSON.Feature[];
  update: GeoJSON.Feature[];
  remove: string[];
  tilePut: GeoJSON.Feature[];
  tileRemove: string[];
  touched: [number, number][];
  ids: Set<string>;
}

const pointOf = (feature: GeoJSON.Feature) => (feature.geometry as GeoJSON.Point).coordinates.slice(0, 2) as [number, number];

function toTilePoint(feature: GeoJSON.Feature): TilePoint {
  const [lon, lat] = pointOf(feature);
  return { id: String(feature.id), lon, lat, properties: (feature.properties ?? {}) as TilePoint['properties'] };
}

/** Same geometry (the same record's, so the same object) and the same few properties. */
function diffTouches(diff: MapFeatureDiff, id: string): boolean {
  return diff.remove.includes(id) || diff.put.some((p) => String(p.feature.id) === id);
}

function sameMapFeature(a: GeoJSON.Feature | undefined, b: GeoJSON.Feature): boolean {
  if (!a || a.geometry !== b.geometry) return false;
  const pa = a.properties ?? {};
  const pb = b.properties ?? {};
  const keys = Object.keys(pb);
  return keys.length === Object.keys(pa).length && keys.every((k) => pa[k] === pb[k]);
}
