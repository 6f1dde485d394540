import { Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { featuresOfDocument, resolveChain } from '../domain/chain';
import { indexDataset, type Dataset } from '../domain/dataset';
import { store } from '../data/store';
import type { SafetyFeature } from '../domain/safetyFeature';
import { documentStandings, swedishToday } from '../domain/currency';
import { DEFAULT_MAX_EVIDENCE_AGE_YEARS, freshnessOf, withoutStale } from '../analysis/staleness';
import { buildFeatureRows, type FeatureRow } from '../domain/featureRows';
import { EMPTY_FILTER, isFilterActive, type FilterState } from '../domain/filters';
import { FilteredRows } from '../domain/filteredRows';
import { boundsOf, type Bounds } from '../domain/geometry';
import type { MapAdapter, MapOverlay, MapView as MapViewState } from '../map/adapter';
import { filterExpression } from '../map/filterExpression';
import { chainsOf } from '../map/features';
import { DataViews } from './DataViews';
import { ErrorBoundary } from './ErrorBoundary';
import { facetOptions } from './facetOptions';
import { EditingToolbar } from './editing/EditingToolbar';
import { NewPlaceChooser } from './editing/NewPlaceChooser';
import { useEditor } from './editing/useEditor';
import { useHistoryControls } from './editing/useHistoryControls';
import { FilterPanel } from './FilterPanel';
import { Header } from './Header';
import { dictionary, I18nContext, type Language } from './i18n';
import { MapView, type PlacesFeed } from './MapView';
import { Notices } from './Notices';
import { useLanguage } from './useLanguage';
import { Splitter } from './layout/Splitter';
import { useLayoutPrefs } from './layout/useLayoutPrefs';
import { SkipLinks } from './layout/SkipLinks';
import { MapLegend, type AnswersShown } from './map/MapLegend';
import type { AnswersOnMap } from '../map/answersLayer';
import { useMediaQuery } from './useMediaQuery';
import { useRuntimeConfig } from './useRuntimeConfig';
import { useTeamSync } from './useTeamSync';
import type { StaleChoice } from './StaleDialog';
import { RecordHistoryContext, type HistorySource } from './recordHistoryContext';
import { useStoredData } from './useStoredData';
import { useAnswers } from './answers/useAnswers';
import type { FollowUp } from './StatusTimeline';
import type { TreeEditing } from './editing/TreeForms';
import { parseUrlState, type TableTab, type UrlState } from './urlState';
import { useUrlSync } from './useUrlSync';
import { useGazetteer } from './views/useGazetteer';
import { PlaceAnswers } from './answers/PlaceAnswers';
import { representativePoint } from '../analysis/representativePoint';
import type { NearQuery } from './views/NearMeView';
import { ConflictPanel, FeaturePanel, StaleDialog, FeatureNavigator, JoinDialog, RejectedPanel, ReportsPanel, AreaIndexView, ExportPanel, FeatureForm, FollowUpReport, ImportPanel, NearMeView, PatrolView, PlannerView, preloadParts } from './lazyParts';

const EMPTY: Dataset = { documents: [], focusAreas: [], activities: [], features: [], statusEntries: [], contacts: [] };
const NO_EVIDENCE: ReturnType<typeof withoutStale> = { fresh: [], stale: 0 };

export function App() {
  const initial = useMemo(() => parseUrlState(window.location.search), []);
  const [language, setLanguage] = useLanguage(initial.language);
  return (
    <I18nContext.Provider value={{ t: dictionary(language), language }}>
      <Explorer initial={initial} language={language} setLanguage={setLanguage} />
    </I18nContext.Provider>
  );
}

/** The whole app inside the language context, so every hook and component reads the same dictionary. */
function Explorer({ initial, language, setLanguage }: { initial: UrlState; language: Language; setLanguage(l: Language): void }) {
  const t = dictionary(language);
  const config = useRuntimeConfig();
  const team = useTeamSync(config?.serverUrl ?? null, language);
  // A reader sees the team's map but gets no edit controls (the server would refuse anyway).
  const canEdit = !(team.kind === 'signed-in' && team.user.role === 'reader');
  // Police follow activities up but do not write them (the server's rule says the same).
  const canCreate = canEdit && !(team.kind === 'signed-in' && team.user.role === 'police');
  // Signed in, a place outside the user's municipalities is theirs to see, not to edit: no edit buttons (the door refuses it anyway).
  const inScope = (municipalityCode: string) => team.kind !== 'signed-in' || team.user.municipalities.includes(municipalityCode);
  const historySource = useMemo<HistorySource>(
    () => (team.kind === 'signed-in' ? { kind: 'team', read: team.readHistory } : { kind: 'local', read: store.localRecordHistory }),
    [team.kind, team.kind === 'signed-in' ? team.readHistory : null],
  );
  const storage = useStoredData();
  const adapterRef = useRef<MapAdapter | null>(null);
  const [filter, setFilter] = useState<FilterState>(initial.filter);
  const [selectedId, setSelectedId] = useState<string | null>(initial.selectedId);
  const [tab, setTab] = useState<TableTab>(initial.tab);
  const [highlightedIds, setHighlightedIds] = useState<readonly string[]>([]);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  // Where the pointer met the hovered place: its tooltip stands there (a long walk's anchor may be far off).
  const [hoverPoint, setHoverPoint] = useState<{ id: string; point: [number, number] } | null>(null);
  const [mapView, setMapView] = useState<MapViewState | null>(null);
  const [status, setStatus] = useState('');
  const [mapLoaded, setMapLoaded] = useState(false);
  // On a phone the filters start closed each visit; on a wide screen the column stays as the user left it.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [layout, setLayout] = useLayoutPrefs();
  const [overlay, setOverlay] = useState<MapOverlay | null>(null);
  const [nearQuery, setNearQuery] = useState<NearQuery | null>(initial.near ? { ...initial.near, label: null } : null);
  const [picking, setPicking] = useState(false);
  const [sidePanel, setSidePanel] = useState<'none' | 'import' | 'export' | 'reports'>('none');
  const closeSidePanel = () => setSidePanel('none');
  const wide = useMediaQuery('(min-width: 761px)');
  const filtersShown = wide ? layout.filtersOpen : filtersOpen;
  const toggleFilters = (open: boolean) => (wide ? setLayout({ filtersOpen: open }) : setFiltersOpen(open));
  const lastFocusRef = useRef<HTMLElement | null>(null);
  // Once the data is shown, the rest of the app is fetched in the background (lazyParts.tsx).
  const ready = storage.kind !== 'loading';
  useEffect(() => {
    if (!ready) return;
    performance.mark('tk:first-view');
    const timer = window.setTimeout(preloadParts, 500);
    return () => window.clearTimeout(timer);
  }, [ready]);

  // Stored records → derived view state → map and table, in one direction.
  const dataset = storage.kind === 'loading' ? EMPTY : (storage.stored?.dataset ?? EMPTY);
  // The live view keeps the index and rows up to date by what each change touched; the shipped or empty data is derived here.
  const snapshot = storage.kind === 'loading' ? undefined : storage.stored?.snapshot;
  const index = useMemo(() => snapshot?.index ?? indexDataset(dataset), [snapshot, dataset]);
  const rows = useMemo(() => (snapshot?.rows ?? buildFeatureRows(index)) as FeatureRow[], [snapshot, index]);
  const standings = useMemo(() => documentStandings(dataset.documents, swedishToday()), [dataset.documents]);
  // Answers age: unsafe places whose newest evidence is older than this are left out of density, patrol and gaps.
  const [evidenceYears, setEvidenceYears] = useState<number>(DEFAULT_MAX_EVIDENCE_AGE_YEARS);
  const [reportId, setReportId] = useState<string | null>(null);
  // Only the views that use it pay for it: at 100 000 places an edit in the table should not re-judge every place's evidence.
  const needsEvidence = tab === 'planner' || tab === 'patrol' || reportId !== null;
  const evidence = useMemo(() => (needsEvidence ? withoutStale(dataset.features, swedishToday(), evidenceYears) : NO_EVIDENCE), [needsEvidence, dataset.features, evidenceYears]);
  const walks = useMemo(() => dataset.features.filter((f): f is Extract<SafetyFeature, { layer: 'safety-walk' }> => f.layer === 'safety-walk'), [dataset.features]);
  const evidenceProps = { fresh: evidence.fresh, stale: evidence.stale, evidenceYears, onEvidenceYears: setEvidenceYears };
  const places = useMemo<PlacesFeed>(() => ({ version: snapshot?.version ?? -1, rows, diffFrom: (v) => snapshot?.diffFrom(v) ?? null }), [snapshot, rows]);
  // Typing in the search box stays responsive at 100 000 rows: the filtering follows a beat behind.
  const deferredFilter = useDeferredValue(filter);
  const viewBounds: Bounds | null = deferredFilter.inView ? (mapView?.bounds ?? null) : null;
  // While the filter stays, a new version of the rows costs its diff: one edit re-tests one row, not 100 000.
  const filtered = useMemo(() => new FilteredRows(), []);
  const { rows: shownRows, counts } = useMemo(() => filtered.update(places, deferredFilter, viewBounds), [filtered, places, deferredFilter, viewBounds]);
  const chains = useMemo(() => chainsOf(rows), [rows]);
  const expression = useMemo(() => filterExpression(deferredFilter, chains), [deferredFilter, chains]);
  const options = useMemo(() => facetOptions(dataset, t), [dataset, t]);
  const municipalityCodes = useMemo(() => options.municipality.map((m) => m.value), [options]);
  const chain = selectedId ? resolveChain(index, selectedId) : null;
  const describePlace = useCallback(
    (id: string) => {
      const feature = index.features.get(id);
      return feature ? { name: feature.name, layer: t.layerSingular[feature.layer] } : null;
    },
    [index, t],
  );
  // The hovered or keyboard-focused place's name by it on the map.
  const tooltip = useMemo(() => {
    const described = hoveredId ? describePlace(hoveredId) : null;
    if (!hoveredId || !described) return null;
    return { featureId: hoveredId, text: `${described.name} · ${described.layer}`, ...(hoverPoint?.id === hoveredId ? { point: hoverPoint.point } : {}) };
  }, [hoveredId, hoverPoint, describePlace]);

  const fitTo = useCallback((bounds: Bounds | null) => bounds && adapterRef.current?.fitBounds(bounds), []);

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

  // After a save or an import the map goes to what was added, once the view holds it (the write
  // reaches the view a moment after it is committed).
  const [fitWhenPresent, setFitWhenPresent] = useState<string[] | null>(null);
  useEffect(() => {
    if (!fitWhenPresent || !mapLoaded) return;
    const added = fitWhenPresent.map((id) => index.features.get(id)).filter((f) => f !== undefined);
    if (!added.length) return;
    setFitWhenPresent(null);
    fitTo(boundsOf(added.map((f) => f.geometry)));
  }, [fitWhenPresent, index, mapLoaded, fitTo]);

  const closePanel = useCallback(() => {
    setSelectedId(null);
    setHighlightedIds([]);
    const previous = lastFocusRef.current;
    if (previous && document.contains(previous)) previous.focus();
  }, []);

  const highlight = useCallback(
    (featureIds: string[]) => {
      setHighlightedIds(featureIds);
      setStatus(t.highlightedCount(featureIds.length));
      fitTo(boundsOf(featureIds.map((id) => index.features.get(id)!.geometry)));
    },
    [index, t, fitTo],
  );
  const showPromise = (documentId: string) => highlight(featuresOfDocument(index, documentId).map((f) => f.id));
  const showActivity = (activityId: string) =>
    highlight(shownRows.filter((r) => r.activityIds.includes(activityId)).map((r) => r.id));

  const changeFilter = (next: FilterState) => setFilter(next);
  const clearFilters = () => {
    setFilter(EMPTY_FILTER);
    setStatus(t.filtersCleared);
  };

  const goToMunicipality = (code: string) => {
    const known = config?.municipalityBounds[code]?.bounds;
    fitTo(code && known ? known : boundsOf(dataset.features.filter((f) => !code || f.municipalityCode === code).map((f) => f.geometry)));
  };

  // One conflict at a time: an edit or an undo the door refused because someone changed the records meanwhile.
  const [stale, setStale] = useState<StaleChoice | null>(null);
  const editor = useEditor(
    adapterRef,
    setStatus,
    (featureId) => {
      setSelectedId(featureId);
      if (!featureId) setHighlightedIds([]);
      else setFitWhenPresent([featureId]);
    },
    setStale,
  );
  const showsPlace = chain !== null && sidePanel === 'none' && (editor.state.kind === 'idle' || editor.state.kind === 'reshaping');
  const panelOpen = sidePanel !== 'none' || editor.state.kind === 'choosing' || editor.state.kind === 'form' || showsPlace;

  const history = useHistoryControls(setStatus, setStale);
  const answers = useAnswers();
  const [answersShown, setAnswersShown] = useState<AnswersShown | null>(null);
  // Open beside a wide map; on a phone it would cover half of it, so it starts folded.
  const [legendOpen, setLegendOpen] = useState(wide);
  // The answers for the current view, from the worker: the newest request wins.
  useEffect(() => {
    if (!mapView) return;
    let live = true;
    const show = (shown: AnswersOnMap | null) => {
      if (!live) return;
      adapterRef.current?.setAnswers(shown);
      setAnswersShown(shown ? { kind: shown.kind, max: shown.kind === 'cells' ? shown.max : 1 } : null);
    };
    answers.forView(mapView).then(show, () => show(null));
    return () => {
      live = false;
    };
  }, [mapView, answers.count, answers.visible]); // eslint-disable-line react-hooks/exhaustive-deps
  const storedActivities = useMemo(() => new Map(dataset.activities.map((a) => [a.id, a])), [dataset.activities]);
  const followUp: FollowUp = {
    entries: index.statusEntriesByActivity,
    published: (id) => storedActivities.get(id)?.status,
    onAdd: canEdit && storage.kind === 'ready' ? (activity, entry) => editor.addStatusEntry(activity, entry, team.kind === 'signed-in' ? team.user.email : null) : undefined,
    canAdd: (activity) => inScope(index.documents.get(activity.documentId)?.municipality.code ?? ''),
  };
  // Signed in, a planner writes documents for their own municipalities; alone, for any of Sweden's.
  const allMunicipalities = useMemo(
    () => Object.entries(config?.municipalityBounds ?? {}).map(([code, m]) => ({ code, name: m.name })).sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    [config],
  );
  const treeEditing: TreeEditing = {
    municipalities: allMunicipalities.filter((m) => inScope(m.code)),
    mayEdit: inScope,
    storedActivity: (id) => storedActivities.get(id),
    save: editor.saveRecords,
  };

  const gazetteer = useGazetteer(config, tab === 'near' ? dataset : null);
  const fitPoints = (points: [number, number][]) =>
    fitTo(boundsOf(points.map((coordinates) => ({ type: 'Point' as const, coordinates }))));
  const createWalkAt = (point: [number, number]) => {
    fitTo([point[0] - 0.008, point[1] - 0.005, point[0] + 0.008, point[1] + 0.005]);
    editor.draw('safety-walk', 'LineString');
  };
  const onMapClick = (point: [number, number]) => {
    if (!picking) return false;
    setPicking(false);
    setNearQuery({ point, radius: nearQuery?.radius ?? 1000, label: null });
    return true;
  };
  const renderView = (view: 'planner' | 'patrol' | 'near' | 'areas') => <Suspense fallback={<p className="muted">{t.loading}</p>}>{renderLoadedView(view)}</Suspense>;
  const renderLoadedView = (view: 'planner' | 'patrol' | 'near' | 'areas') =>
    view === 'areas' ? (
      <AreaIndexView onOverlay={setOverlay} onFit={fitTo} onStatus={setStatus} />
    ) : view === 'planner' ? (
      <PlannerView features={dataset.features} {...evidenceProps} index={index} onOverlay={setOverlay} onSelect={(id) => select(id, { fit: true })} onCreateWalk={createWalkAt} answers={answers} />
    ) : view === 'patrol' ? (
      <PatrolView features={dataset.features} {...evidenceProps} index={index} shownRows={shownRows} filter={deferredFilter} filterOptions={options} onOverlay={setOverlay} onSelect={(id) => select(id, { fit: true })} onFit={fitPoints} answers={answers} />
    ) : (
      <NearMeView
        municipalityAreas={config?.municipalityBounds}
        features={dataset.features}
        index={index}
        gazetteer={gazetteer}
        query={nearQuery}
        onQuery={(query) => {
          setNearQuery(query);
          const area = query?.municipalityCode ? config?.municipalityBounds[query.municipalityCode] : undefined;
          if (area) fitTo(area.bounds);
          else if (query) fitTo([query.point[0] - query.radius / 60000, query.point[1] - query.radius / 111000, query.point[0] + query.radius / 60000, query.point[1] + query.radius / 111000]);
        }}
        onOverlay={setOverlay}
        onSelect={(id) => select(id, { fit: true })}
        onPickOnMap={() => setPicking((p) => !p)}
        picking={picking}
        geocoderUrl={config?.geocoderUrl ?? null}
      />
    );

  useUrlSync({ filter, selectedId, tab, language: language === 'en' ? 'en' : null, near: nearQuery && { point: nearQuery.point, radius: nearQuery.radius } }, mapView && { center: mapView.center, zoom: mapView.zoom }, (next: UrlState) => {
    setFilter(next.filter);
    setSelectedId(next.selectedId);
    setTab(next.tab);
    setNearQuery(next.near ? { ...next.near, label: null } : null);
    if (next.view) adapterRef.current?.jumpTo(next.view);
  });

  // First view: the shared link's view, else the selected place, else all the data.
  const fittedRef = useRef(Boolean(initial.view));
  useEffect(() => {
    if (!mapLoaded || storage.kind === 'loading' || !dataset.features.length || fittedRef.current) return;
    fittedRef.current = true;
    const selected = selectedId ? index.features.get(selectedId) : undefined;
    fitTo(boundsOf(selected ? [selected.geometry] : dataset.features.map((f) => f.geometry)));
  }, [mapLoaded, storage.kind, dataset, index, selectedId, fitTo]);

  return (
    <RecordHistoryContext.Provider value={historySource}>
      <div className="app" data-ready={storage.kind !== 'loading'} data-read-from={storage.kind === 'ready' ? storage.readFrom : undefined}>
        <SkipLinks onList={() => setLayout({ dataOpen: true })} />
        <Header
          municipalities={options.municipality}
          onMunicipality={goToMunicipality}
          language={language}
          onLanguage={(l: Language) => setLanguage(l)}
          storage={storage}
          team={team}
          storedFeatureCount={dataset.features.length}
          onStatus={setStatus}
          onRestored={() => {
            setSelectedId(null);
            setHighlightedIds([]);
          }}
        />
        {team.kind === 'signed-in' && (
          <Suspense fallback={null}>
            <ConflictPanel />
            <RejectedPanel />
            {team.joining && <JoinDialog choice={team.joining} />}
          </Suspense>
        )}
        {stale && (
          <Suspense fallback={null}>
            <StaleDialog choice={stale} onClose={() => setStale(null)} />
          </Suspense>
        )}
        {reportId && (
          <Suspense fallback={<p className="muted">{t.loading}</p>}>
            <FollowUpReport documentId={reportId} index={index} fresh={evidence.fresh} onClose={() => setReportId(null)} />
          </Suspense>
        )}
        <Notices
          storage={storage}
          basemapMissing={config !== null && !config.basemapUrl && !config.basemapStyleUrl}
          missingPlace={
            // A link to a place this browser does not hold (saved only elsewhere, or deleted): say so, offer the list.
            storage.kind === 'ready' && selectedId && !index.features.has(selectedId)
              ? { id: selectedId, showList: () => (setSelectedId(null), setTab('places')) }
              : null
          }
        />
        <main
          className="layout"
          style={{ ['--filters-width' as string]: `${layout.filtersWidth}px`, ['--panel-width' as string]: `${layout.panelWidth}px`, ['--data-height' as string]: `${layout.dataHeight}px` }}
        >
          <div className="sidebar" data-collapsed={!filtersShown || undefined}>
            <button type="button" className="collapse-button" aria-expanded={filtersShown} aria-controls="filters-body" onClick={() => toggleFilters(!filtersShown)}>
              {filtersShown ? t.layout.hideFilters : t.showFilters}
              {isFilterActive(filter) && ' •'}
            </button>
            <div id="filters-body" hidden={!filtersShown}>
              <FilterPanel
                filter={filter}
                counts={counts}
                options={options}
                shown={shownRows.length}
                total={rows.length}
                active={isFilterActive(filter)}
                onChange={changeFilter}
                onClear={clearFilters}
              />
            </div>
          </div>
          {wide && filtersShown && (
            <Splitter orientation="vertical" value={layout.filtersWidth} min={200} max={520} direction={1} label={t.layout.resizeFilters} controls="filters-body" onChange={(filtersWidth) => setLayout({ filtersWidth })} />
          )}
          <div className="centre">
            {canEdit && <EditingToolbar
              editor={editor.state}
              undoLabel={history.undoLabel}
              redoLabel={history.redoLabel}
              onNew={editor.choose}
              onImport={() => setSidePanel('import')}
              onExport={() => setSidePanel('export')}
              onReports={team.kind === 'signed-in' && team.user.role === 'planner' ? () => setSidePanel('reports') : undefined}
              onUndo={history.undo}
              onRedo={history.redo}
              onCancel={editor.cancel}
              onSaveShape={editor.saveShape}
              disabled={storage.kind !== 'ready' || sidePanel !== 'none'}
            />}
            <div className="map-area">
            <ErrorBoundary area="map" className="map">
              {config ? (
                <MapView
                  adapterRef={adapterRef}
                  config={config}
                  initialView={initial.view}
                  places={places}
                  filter={expression}
                  selectedId={selectedId}
                  hoveredId={hoveredId}
                  highlightedIds={highlightedIds}
                  municipalityCodes={municipalityCodes}
                  overlay={overlay}
                  onMapClick={onMapClick}
                  onFeatureClick={(id) => (id ? select(id) : closePanel())}
                  onFeatureHover={(id, point) => {
                    setHoveredId(id);
                    setHoverPoint(id && point ? { id, point } : null);
                  }}
                  tooltip={tooltip}
                  onViewChange={setMapView}
                  onLoad={() => setMapLoaded(true)}
                />
              ) : (
                <div className="map" />
              )}
            </ErrorBoundary>
            <MapLegend layers={deferredFilter.layer} counts={counts.layer} overlay={overlay} answers={answersShown} open={legendOpen} onOpen={setLegendOpen} />
            {mapLoaded && (
              <Suspense fallback={null}>
              <FeatureNavigator
                adapterRef={adapterRef}
                view={mapView}
                dataVersion={places}
                describe={describePlace}
                onActive={(id) => {
                  setHoveredId(id);
                  setHoverPoint(null);
                }}
                onOpen={(id) => select(id)}
              />
              </Suspense>
            )}
            </div>
            {wide && layout.dataOpen && (
              <Splitter orientation="horizontal" value={layout.dataHeight} min={120} max={Math.max(160, window.innerHeight - 280)} direction={-1} label={t.layout.resizeList} controls="data-views" onChange={(dataHeight) => setLayout({ dataHeight })} />
            )}
            <ErrorBoundary area="data" className="data-views">
              <DataViews
                open={layout.dataOpen}
                onOpen={(dataOpen) => setLayout({ dataOpen })}
                tab={tab}
                onTab={setTab}
                rows={shownRows}
                allRows={rows}
                pageKey={deferredFilter}
                index={index}
                documents={dataset.documents}
                contacts={dataset.contacts}
                selectedId={selectedId}
                hoveredId={hoveredId}
                onSelect={(id) => select(id, { fit: true })}
                onHover={setHoveredId}
                onShowActivity={showActivity}
                onOpenReport={setReportId}
                editing={canCreate && storage.kind === 'ready' ? treeEditing : undefined}
                followUp={followUp}
                onStatus={setStatus}
                renderView={renderView}
              />
            </ErrorBoundary>
          </div>
          {wide && panelOpen && (
            <Splitter orientation="vertical" value={layout.panelWidth} min={300} max={Math.max(320, Math.min(720, window.innerWidth - 560))} direction={-1} label={t.layout.resizePanel} onChange={(panelWidth) => setLayout({ panelWidth })} />
          )}
          <Suspense fallback={<p className="muted">{t.loading}</p>}>
            {sidePanel === 'import' && <ImportPanel index={index} onClose={closeSidePanel} onStatus={setStatus} onImported={setFitWhenPresent} />}
            {sidePanel === 'export' && <ExportPanel dataset={dataset} onClose={closeSidePanel} onStatus={setStatus} />}
            {sidePanel === 'reports' && team.kind === 'signed-in' && (
              <ReportsPanel request={team.request} index={index} municipalityName={(code) => dataset.documents.find((d) => d.municipality.code === code)?.municipality.name ?? code} onClose={closeSidePanel} onStatus={setStatus} />
            )}
          </Suspense>
          {editor.state.kind === 'choosing' && (
            <aside className="panel">
              <NewPlaceChooser onDraw={editor.draw} onEnterCoordinates={editor.enterCoordinates} onCancel={editor.cancel} />
            </aside>
          )}
          {editor.state.kind === 'form' && (
            <Suspense fallback={<p className="muted">{t.loading}</p>}>
              <FeatureForm key={editor.state.draft.id ?? 'new'} draft={editor.state.draft} index={index} onSave={editor.save} onCancel={editor.cancel} />
            </Suspense>
          )}
          {chain && showsPlace && (
            // Keyed by the place: choosing another place starts its panel afresh.
            <ErrorBoundary key={chain.feature.id} area="panel" className="panel" onDismiss={closePanel}>
              <Suspense fallback={<p className="muted">{t.loading}</p>}>
                <FeaturePanel
                  chain={chain}
                  standings={standings}
                  documentTitle={(id) => index.documents.get(id)?.title}
                  followUp={followUp}
                  freshness={chain.feature.layer === 'unsafe-place' ? { value: freshnessOf(chain.feature, walks, swedishToday(), evidenceYears), years: evidenceYears } : undefined}
                  evidence={chain.feature.layer === 'unsafe-place' && answers.count > 0 ? <PlaceAnswers point={representativePoint(chain.feature)} answers={answers} /> : undefined}
                  onClose={closePanel}
                  onShowPromise={showPromise}
                  actions={
                    canEdit && inScope(chain.feature.municipalityCode) && storage.kind === 'ready' && editor.state.kind === 'idle'
                      ? {
                          onEdit: () => editor.editDetails(chain.feature),
                          onReshape: () => editor.reshape(chain.feature),
                          onRemove: () => editor.remove(chain.feature),
                          onConfirm: () => editor.confirm(chain.feature),
                        }
                      : undefined
                  }
                />
              </Suspense>
            </ErrorBoundary>
          )}
        </main>
        <p className="visually-hidden" role="status" aria-live="polite">
          {status}
        </p>
      </div>
    </RecordHistoryContext.Provider>
  );
}
