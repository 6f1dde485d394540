import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { resolveChain, featuresOfDocument } from '../domain/chain';
import { indexDataset, type Dataset } from '../domain/dataset';
import { boundsOf } from '../domain/geometry';
import { LAYER_KINDS, type LayerKind } from '../domain/layers';
import type { Municipality } from '../domain/promiseDocument';
import { restoreShippedData } from '../data/seed';
import { SHIPPED_DATASET_VERSION, shippedDataset } from '../data/shipped';
import type { MapAdapter } from '../map/adapter';
import { toLayerCollections } from '../map/features';
import { FeaturePanel } from './FeaturePanel';
import { DICTIONARIES, I18nContext, useI18n, type Language } from './i18n';
import { LayerLegend } from './LayerLegend';
import { MapView } from './MapView';
import { MunicipalityPicker } from './MunicipalityPicker';
import { PlaceList } from './PlaceList';
import { RestoreDialog } from './RestoreDialog';
import { getDatabase, useStoredData } from './useStoredData';
import { useRuntimeConfig } from './useRuntimeConfig';

const EMPTY: Dataset = { documents: [], focusAreas: [], activities: [], features: [] };
const ALL_VISIBLE = Object.fromEntries(LAYER_KINDS.map((k) => [k, true])) as Record<LayerKind, boolean>;
const DATA_ATTRIBUTION = 'Löften: Nacka, Värmdö, Ekerö och Nordmalings kommuner med Polisen';

const LANGUAGE_KEY = 'trygghetskartan.language';

function initialLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const t = DICTIONARIES[language];
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t.appTitle;
    try {
      localStorage.setItem(LANGUAGE_KEY, language);
    } catch {
      // Private mode may refuse storage; the choice then lasts for this visit only.
    }
  }, [language, t]);
  const config = useRuntimeConfig();
  const storage = useStoredData();
  const adapterRef = useRef<MapAdapter | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [highlightedIds, setHighlightedIds] = useState<readonly string[]>([]);
  const [visibility, setVisibility] = useState(ALL_VISIBLE);
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [restoreOpen, setRestoreOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [mapLoaded, setMapLoaded] = useState(false);
  const lastFocusRef = useRef<HTMLElement | null>(null);

  const dataset = storage.kind === 'loading' ? EMPTY : (storage.stored?.dataset ?? EMPTY);
  const index = useMemo(() => indexDataset(dataset), [dataset]);
  const collections = useMemo(() => toLayerCollections(dataset.features), [dataset.features]);
  const chain = selectedId ? resolveChain(index, selectedId) : null;
  const counts = useMemo(
    () => Object.fromEntries(LAYER_KINDS.map((k) => [k, collections[k].features.length])) as Record<LayerKind, number>,
    [collections],
  );
  const municipalities = useMemo(() => uniqueMunicipalities(dataset), [dataset]);
  const municipalityCodes = useMemo(() => municipalities.map((m) => m.code), [municipalities]);

  const fitTo = useCallback((bounds: ReturnType<typeof boundsOf>) => bounds && adapterRef.current?.fitBounds(bounds), []);

  const select = useCallback(
    (featureId: string | null, { fit = false } = {}) => {
      if (featureId && !selectedId) lastFocusRef.current = document.activeElement as HTMLElement | null;
      setSelectedId(featureId);
      const feature = featureId ? index.features.get(featureId) : undefined;
      if (feature) {
        setStatus(t.selected(feature.name));
        if (fit) fitTo(boundsOf([feature.geometry]));
      }
    },
    [index, selectedId, t, fitTo],
  );

  const closePanel = useCallback(() => {
    setSelectedId(null);
    setHighlightedIds([]);
    // Give focus back to where the user was, e.g. the list button that opened the panel.
    const previous = lastFocusRef.current;
    if (previous && document.contains(previous)) previous.focus();
  }, []);

  const showPromise = useCallback(
    (documentId: string) => {
      const features = featuresOfDocument(index, documentId);
      setHighlightedIds(features.map((f) => f.id));
      setStatus(t.highlightedCount(features.length));
      fitTo(boundsOf(features.map((f) => f.geometry)));
    },
    [index, t, fitTo],
  );

  const pickMunicipality = (code: string) => {
    setMunicipalityCode(code);
    const known = config?.municipalityBounds[code]?.bounds;
    const fromFeatures = boundsOf(dataset.features.filter((f) => !code || f.municipalityCode === code).map((f) => f.geometry));
    fitTo(code && known ? known : fromFeatures);
  };

  const onMapLoad = useCallback(() => setMapLoaded(true), []);
  // Fit to the data once the map and the stored data are both there.
  const fittedRef = useRef(false);
  if (mapLoaded && storage.kind !== 'loading' && dataset.features.length && !fittedRef.current) {
    fittedRef.current = true;
    queueMicrotask(() => fitTo(boundsOf(dataset.features.map((f) => f.geometry))));
  }

  const restore = async () => {
    setRestoreOpen(false);
    if (!shippedDataset.ok) return setStatus(t.datasetInvalid);
    try {
      await restoreShippedData(getDatabase(), shippedDataset.value, SHIPPED_DATASET_VERSION);
      setSelectedId(null);
      setHighlightedIds([]);
      setStatus(t.restored);
    } catch (error) {
      setStatus(t.restoreFailed(error instanceof Error ? error.message : String(error)));
    }
  };

  return (
    <I18nContext.Provider value={{ t, language }}>
      <div className="app">
        <header className="app-header">
          <div className="brand">
            <h1>{t.appTitle}</h1>
            <p>{t.appTagline}</p>
          </div>
          <div className="toolbar">
            <MunicipalityPicker municipalities={municipalities} value={municipalityCode} onChange={pickMunicipality} />
            <div className="field">
              <label htmlFor="language">{t.language}</label>
              <select id="language" value={language} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
                <option value="sv">Svenska</option>
                <option value="en">English</option>
              </select>
            </div>
            <button type="button" onClick={() => setRestoreOpen(true)} disabled={storage.kind !== 'ready'}>
              {t.restore}
            </button>
          </div>
        </header>
        <Notices storage={storage} basemapMissing={config !== null && !config.basemapUrl && !config.basemapStyleUrl} />
        <main className="layout">
          <div className="sidebar">
            <LayerLegend visibility={visibility} counts={counts} onToggle={(layer, visible) => setVisibility((v) => ({ ...v, [layer]: visible }))} />
            {storage.kind === 'loading' ? (
              <p>{t.loading}</p>
            ) : (
              <PlaceList features={dataset.features} visibility={visibility} selectedId={selectedId} onSelect={(id) => select(id, { fit: true })} />
            )}
          </div>
          {config ? (
            <MapView
              adapterRef={adapterRef}
              config={config}
              collections={collections}
              visibility={visibility}
              selectedId={selectedId}
              highlightedIds={highlightedIds}
              municipalityCodes={municipalityCodes}
              dataAttribution={DATA_ATTRIBUTION}
              onFeatureClick={(id) => (id ? select(id) : closePanel())}
              onLoad={onMapLoad}
            />
          ) : (
            <div className="map" />
          )}
          {chain && <FeaturePanel chain={chain} onClose={closePanel} onShowPromise={showPromise} />}
        </main>
        <p className="visually-hidden" role="status" aria-live="polite">
          {status}
        </p>
        <RestoreDialog open={restoreOpen} storedFeatureCount={dataset.features.length} onConfirm={restore} onCancel={() => setRestoreOpen(false)} />
      </div>
    </I18nContext.Provider>
  );
}

function Notices({ storage, basemapMissing }: { storage: ReturnType<typeof useStoredData>; basemapMissing: boolean }) {
  const { t } = useI18n();
  const messages: string[] = [];
  if (storage.kind === 'unavailable') messages.push(storage.reason === 'shipped-invalid' ? t.datasetInvalid : t.storageFailed(storage.reason));
  if (storage.kind === 'ready' && storage.stored.issues.length) messages.push(t.storedIssues(storage.stored.issues.length));
  if (basemapMissing) messages.push(t.basemapMissing);
  if (!messages.length) return null;
  return (
    <div className="notices" role="alert">
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}

function uniqueMunicipalities(dataset: Dataset): Municipality[] {
  const byCode = new Map(dataset.documents.map((d) => [d.municipality.code, d.municipality]));
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
