import { useEffect, useRef, type RefObject } from 'react';
import { afterPaint } from './afterPaint';
import { createMapAdapter, type MapAdapter, type MapHandlers, type MapOverlay, type MapView as MapViewState } from '../map/adapter';
import { toLayerCollections, toMapDiff } from '../map/features';
import type { FeatureRow } from '../domain/featureRows';
import type { MapFilter } from '../map/filterExpression';
import { useI18n } from './i18n';
import type { RuntimeConfig } from './useRuntimeConfig';

export interface PlacesFeed {
  version: number;
  rows: readonly FeatureRow[];
  /** The rows changed from `version` to this one; null: send everything. */
  diffFrom(version: number): { put: readonly FeatureRow[]; remove: readonly string[] } | null;
}

export interface MapViewProps {
  adapterRef: RefObject<MapAdapter | null>;
  config: RuntimeConfig;
  initialView: { center: [number, number]; zoom: number } | null;
  /** The places: all rows of this version, and the way to what changed since an earlier one. */
  places: PlacesFeed;
  filter: MapFilter | null;
  selectedId: string | null;
  hoveredId: string | null;
  highlightedIds: readonly string[];
  municipalityCodes: readonly string[];
  overlay: MapOverlay | null;
  tooltip: { featureId: string; text: string; point?: [number, number] } | null;
  onMapClick(point: [number, number]): boolean;
  onFeatureClick(featureId: string | null): void;
  onFeatureHover(featureId: string | null, point?: [number, number]): void;
  onViewChange(view: MapViewState): void;
  onLoad(): void;
}

declare global {
  interface Window {
    __trygghetskartan?: { map: MapAdapter['debug'] };
  }
}

const SWEDEN: [number, number, number, number] = [10.9, 55.3, 24.2, 69.1];

/** Creates the map once; afterwards React only pushes state through the adapter's setters. */
export function MapView(props: MapViewProps) {
  const { adapterRef, config } = props;
  const { t, language } = useI18n();
  // One credit in the page's language: the data's, then the offline basemap's (an online style credits its own sources).
  const basemapCredit = config.basemapStyleUrl ? null : (config.attribution?.[language] ?? null);
  const credit = [t.dataAttribution, basemapCredit].filter(Boolean).join(' | ');
  const containerRef = useRef<HTMLDivElement>(null);
  const handlersRef = useRef<MapHandlers>(props);
  handlersRef.current = {
    onFeatureClick: props.onFeatureClick,
    onFeatureHover: props.onFeatureHover,
    onMapClick: props.onMapClick,
    onViewChange: props.onViewChange,
    onLoad: props.onLoad,
  };
  const initialViewRef = useRef(props.initialView);

  useEffect(() => {
    const adapter = createMapAdapter(containerRef.current!, handlersRef, {
      styleUrl: config.basemapStyleUrl,
      basemapUrl: config.basemapUrl,
      attribution: null,
      dataAttribution: credit,
      initialBounds: SWEDEN,
      initialView: initialViewRef.current,
      uiStrings: t.mapControls,
    });
    adapterRef.current = adapter;
    window.__trygghetskartan = { map: adapter.debug };
    const observer = new ResizeObserver(() => adapter.resize());
    observer.observe(containerRef.current!);
    return () => {
      observer.disconnect();
      adapter.destroy();
      adapterRef.current = null;
    };
    // The map is created once per config; data and state arrive through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [config]);

  useEffect(() => adapterRef.current?.setUiStrings(t.mapControls, credit), [adapterRef, t, credit]);
  // A new map (or a reset of the data) takes every place once; after that only what each change touched.
  const fedRef = useRef<{ adapter: MapAdapter; version: number } | null>(null);
  useEffect(() => {
    const adapter = adapterRef.current;
    if (!adapter) return;
    const fed = fedRef.current;
    const diff = fed && fed.adapter === adapter ? props.places.diffFrom(fed.version) : null;
    if (diff) adapter.updateFeatures(toMapDiff(diff));
    else adapter.setFeatures(toLayerCollections(props.places.rows));
    fedRef.current = { adapter, version: props.places.version };
  }, [adapterRef, props.places]);
  // A new filter shows in the list first: the map's follows once that frame is painted, so
  // MapLibre re-filtering its tiles (100 000 places) does not hold the list's frame back.
  useEffect(() => afterPaint(() => adapterRef.current?.setFilter(props.filter)), [adapterRef, props.filter]);
  useEffect(() => adapterRef.current?.setSelection(props.selectedId), [adapterRef, props.selectedId]);
  useEffect(() => adapterRef.current?.setHover(props.hoveredId), [adapterRef, props.hoveredId]);
  useEffect(() => adapterRef.current?.setHighlight(props.highlightedIds), [adapterRef, props.highlightedIds]);
  useEffect(() => adapterRef.current?.setOverlay(props.overlay), [adapterRef, props.overlay]);
  useEffect(() => adapterRef.current?.setTooltip(props.tooltip), [adapterRef, props.tooltip]);
  useEffect(() => adapterRef.current?.setMunicipalitiesWithPromises(props.municipalityCodes), [adapterRef, props.municipalityCodes]);

  return <div ref={containerRef} id="map" className="map" role="region" aria-label={t.mapLabel} data-testid="map" />;
}
