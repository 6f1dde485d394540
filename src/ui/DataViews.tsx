import type { FollowUp } from './StatusTimeline';
import type { Contact } from '../domain/contact';
import type { TreeEditing } from './editing/TreeForms';
import { Suspense, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { DatasetIndex } from '../domain/dataset';
import type { FeatureRow } from '../domain/featureRows';
import type { PromiseDocument } from '../domain/promiseDocument';
import { downloadText } from './download';
import { useI18n } from './i18n';
import { PlacesTable } from './PlacesTable';
// The promise tree, its forms and drafting load apart from the first JavaScript (lazyParts.tsx).
import { PromiseTree, loadExportRows } from './lazyParts';
import type { TableTab } from './urlState';

interface Props {
  /** Folded, only the tabs show and the map takes the room; choosing a tab opens it again. */
  open: boolean;
  onOpen(open: boolean): void;
  tab: TableTab;
  onTab(tab: TableTab): void;
  rows: readonly FeatureRow[];
  /** Every row, filtered or not (the table keeps them sorted). */
  allRows?: readonly FeatureRow[];
  /** A new value (a new filter) takes the table back to its first page. */
  pageKey?: unknown;
  index: DatasetIndex;
  documents: readonly PromiseDocument[];
  contacts?: readonly Contact[];
  selectedId: string | null;
  hoveredId: string | null;
  onSelect(id: string): void;
  onHover(id: string | null): void;
  onShowActivity(activityId: string): void;
  onOpenReport(documentId: string): void;
  followUp: FollowUp;
  editing?: TreeEditing;
  onStatus(message: string): void;
  /** The three users' views (planner, patrol, near me) are rendered by the app, which owns their map effects. */
  renderView(tab: 'planner' | 'patrol' | 'near' | 'areas'): ReactNode;
}

const TABS: TableTab[] = ['places', 'promises', 'planner', 'patrol', 'near', 'areas'];

/** Tabs for the table of places and the promise tree, with export of exactly the rows shown. */
export function DataViews(props: Props) {
  const { t } = useI18n();
  const tabRefs = useRef<Partial<Record<TableTab, HTMLButtonElement | null>>>({});
  const tabNames: Record<TableTab, string> = {
    places: t.tabPlaces,
    promises: t.tabPromises,
    planner: t.views.tabPlanner,
    patrol: t.views.tabPatrol,
    near: t.views.tabNearMe,
    areas: t.areaIndex.tab,
  };
  // Only the promise tree shows these: at 100 000 rows counting them on every filter change cost 20 ms.
  const showsTree = props.tab === 'promises';
  const placesPerActivity = useMemo(() => {
    const counts = new Map<string, number>();
    if (!showsTree) return counts;
    for (const row of props.rows) for (const id of row.activityIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }, [props.rows, showsTree]);

  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const step = e.key === 'ArrowRight' ? 1 : TABS.length - 1;
    const next = TABS[(TABS.indexOf(props.tab) + step) % TABS.length]!;
    props.onTab(next);
    props.onOpen(true);
    tabRefs.current[next]?.focus();
  };

  // The export code is not in the first load: fetched on first use (usually preloaded by then).
  const withExport = (run: (exportRows: Awaited<ReturnType<typeof loadExportRows>>) => void) =>
    loadExportRows().then(run, () => props.onStatus(t.exportUnavailable));
  const exportCsv = () =>
    withExport(({ rowsToCsv }) => {
      const csv = rowsToCsv(props.rows, {
        header: [
          'id',
          t.columns.name!,
          t.columns.layer!,
          t.columns.municipality!,
          t.csvMunicipalityCode,
          t.columns.promise!,
          t.columns.focusArea!,
          t.columns.activity!,
          t.columns.responsible!,
          t.columns.status!,
          t.csvPeriodFrom,
          t.csvPeriodTo,
          t.columns.provenance!,
          'lat (WGS 84)',
          'lon (WGS 84)',
          t.csvAttributes,
        ],
        layer: (row) => t.layerSingular[row.layer],
        status: (row) => row.statuses.map((s) => t.statusNames[s]).join(', '),
        responsible: (row) => row.responsibleText.join(', '),
        provenance: (row) => t.provenanceShort[row.provenance] ?? row.provenance,
    });
    downloadText('trygghetskartan-platser.csv', csv, 'text/csv;charset=utf-8');
    props.onStatus(t.exported(props.rows.length, 'CSV'));
    });
  const exportGeoJson = () =>
    withExport(({ rowsToGeoJson }) => {
      downloadText('trygghetskartan-platser.geojson', rowsToGeoJson(props.rows), 'application/geo+json');
      props.onStatus(t.exported(props.rows.length, 'GeoJSON'));
    });

  return (
    <section className="data-views" id="data-views" data-open={props.open} aria-labelledby="data-views-heading">
      <h2 id="data-views-heading" className="visually-hidden">
        {t.dataViewsHeading}
      </h2>
      <div className="tabs-bar">
        <div role="tablist" aria-labelledby="data-views-heading">
          {TABS.map((tab) => (
            <button
              key={tab}
              ref={(el) => {
                tabRefs.current[tab] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${tab}`}
              aria-selected={props.tab === tab}
              aria-controls={`tabpanel-${tab}`}
              tabIndex={props.tab === tab ? 0 : -1}
              onClick={() => {
                props.onTab(tab);
                props.onOpen(true);
              }}
              onKeyDown={onTabKey}
            >
              {tabNames[tab]}
            </button>
          ))}
        </div>
        <div className="export-buttons">
          <button type="button" aria-expanded={props.open} aria-controls={`tabpanel-${props.tab}`} aria-label={props.open ? t.layout.hideList : t.layout.showList} onClick={() => props.onOpen(!props.open)}>
            {props.open ? t.layout.hideShort : t.layout.showShort} <span aria-hidden="true">{props.open ? '▾' : '▴'}</span>
          </button>
          {/* One short word per format beside one "Export:", so the tabs and these fit one row; the buttons' names stay whole. */}
          <span className="export-label" aria-hidden="true">
            {t.layout.exportShown}
          </span>
          <button type="button" onClick={exportCsv} disabled={!props.rows.length} aria-label={t.exportCsv}>
            CSV
          </button>
          <button type="button" onClick={exportGeoJson} disabled={!props.rows.length} aria-label={t.exportGeoJson}>
            GeoJSON
          </button>
        </div>
      </div>
      <div role="tabpanel" id={`tabpanel-${props.tab}`} aria-labelledby={`tab-${props.tab}`} className="tabpanel" tabIndex={-1} hidden={!props.open}>
        {props.tab === 'places' ? (
          <PlacesTable rows={props.rows} allRows={props.allRows} pageKey={props.pageKey} selectedId={props.selectedId} hoveredId={props.hoveredId} onSelect={props.onSelect} onHover={props.onHover} />
        ) : props.tab === 'promises' ? (
          <Suspense fallback={<p className="muted">{t.loading}</p>}>
            <PromiseTree index={props.index} documents={props.documents} placesPerActivity={placesPerActivity} onShowActivity={props.onShowActivity} onOpenReport={props.onOpenReport} followUp={props.followUp} editing={props.editing} contacts={props.contacts} />
          </Suspense>
        ) : (
          props.renderView(props.tab)
        )}
      </div>
    </section>
  );
}
