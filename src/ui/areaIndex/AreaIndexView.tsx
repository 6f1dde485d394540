import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { areaIndexStrings } from '../strings/areaIndex';
import { areaClassKey, areaIndexQuestions, areaIndexYears, classCounts, classesFor, NO_DATA_CLASS, summariseAreaIndex, type AreaIndexSummary } from '../../analysis/areaIndex';
import { areaLabel, type AreaIndexMode, type AreaPolygon } from '../../domain/areaIndex';
import { boundsOf, type Bounds } from '../../domain/geometry';
import { matchAreaRows } from '../../io/areaIndex/matchAreaRows';
import type { AreaIndexFailure, AreaRejectedItem } from '../../io/areaIndex/types';
import { crsLabels } from '../../io/crsRegistry';
import type { MapOverlay } from '../../map/adapter';
import { useI18n } from '../i18n';
import { Select } from '../views/controls';
import { AreaIndexLegend, legendRows } from './AreaIndexLegend';
import { RejectionTable } from '../importing/RejectedTable';
import { areaIndexActions, useAreaIndexSession } from './areaIndexSession';
import { classRange, failureText, formatIndex, noteText } from './format';

interface Props {
  onOverlay(overlay: MapOverlay | null): void;
  onFit(bounds: Bounds | null): void;
  onStatus(message: string): void;
}

type SortKey = 'area' | 'index' | 'change';
const collator = new Intl.Collator('sv', { numeric: true });

/**
 * The police survey's area index: results (CSV) and areas (GeoJSON) read in this browser, the
 * areas coloured by the chosen question's level or change on the map, and the same as a table.
 */
export function AreaIndexView({ onOverlay, onFit, onStatus }: Props) {
  const { language } = useI18n();
  const a = areaIndexStrings(language);
  const id = useId();
  const session = useAreaIndexSession();
  const csv = session.csv?.result.ok ? session.csv.result.value : null;
  const polygons = session.polygons?.result.ok ? session.polygons.result.value : null;
  const areas = useMemo(() => polygons?.set.areas ?? [], [polygons]);
  const matched = useMemo(() => (csv && polygons ? matchAreaRows(csv.values, polygons.set, csv.columns) : null), [csv, polygons]);
  const rows = useMemo(() => matched?.rows ?? [], [matched]);
  const questions = useMemo(() => areaIndexQuestions(rows), [rows]);
  const question = session.question && questions.includes(session.question) ? session.question : (questions[0] ?? null);
  const years = useMemo(() => (question ? areaIndexYears(rows, question) : []), [rows, question]);
  const year = session.year !== null && years.includes(session.year) ? session.year : (years.at(-1) ?? null);
  const mode = session.mode;
  const summaries = useMemo(() => (question ? summariseAreaIndex(rows, areas.map((a) => a.key), question, year) : []), [rows, areas, question, year]);
  const byKey = useMemo(() => new Map(summaries.map((s) => [s.areaKey, s])), [summaries]);
  const counts = useMemo(() => classCounts(summaries, mode), [summaries, mode]);

  // The map: every area, coloured by its class (no data until the results are loaded).
  useEffect(() => {
    if (!areas.length) return onOverlay(null);
    onOverlay({
      choropleth: {
        legend: { title: a.legendTitle, rows: legendRows(mode, a, language) },
        collection: {
          type: 'FeatureCollection',
          features: areas.map((area) => {
            const summary = byKey.get(area.key);
            return {
              type: 'Feature',
              geometry: area.geometry,
              properties: { key: area.key, classKey: summary ? areaClassKey(summary, mode) : NO_DATA_CLASS, selected: area.key === session.selectedKey },
            };
          }),
        },
      },
    });
  }, [areas, byKey, mode, session.selectedKey, onOverlay, a, language]);
  useEffect(() => () => onOverlay(null), [onOverlay]);

  // A newly read polygon file, or coming back to the tab: show all the areas.
  const fittedRef = useRef(0);
  useEffect(() => {
    if (!areas.length || fittedRef.current === session.polygonsVersion) return;
    fittedRef.current = session.polygonsVersion;
    onFit(boundsOf(areas.map((a) => a.geometry)));
  }, [areas, session.polygonsVersion, onFit]);

  const choose = (file: File | undefined, kind: 'csv' | 'polygons') => {
    if (!file) return;
    void (kind === 'csv' ? areaIndexActions.loadCsv(file) : areaIndexActions.loadPolygons(file)).then(() => onStatus(a.loaded(file.name)));
  };
  const showArea = (area: AreaPolygon) => {
    areaIndexActions.choose({ selectedKey: area.key });
    onFit(boundsOf([area.geometry]));
    onStatus(a.shown(areaLabel(area)));
  };

  const csvSummary = csv ? a.csvSummary(csv.values.length, csv.rejected.length) : '';
  const polygonSummary = polygons
    ? `${a.polygonSummary(polygons.set.areas.length, polygons.rejected.length)}. ${a.crs(crsLabels(language)[polygons.crs.crs] ?? polygons.crs.crs, polygons.crsDeclared)}`
    : '';
  const table = areas.length > 0 && <AreaTable areas={areas} byKey={byKey} mode={mode} year={year} selectedKey={session.selectedKey} onShow={showArea} hasResults={Boolean(question)} />;

  return (
    <div className="view area-index-view" data-testid="area-index-view">
      <h3>{a.title}</h3>
      <p className="muted">{a.intro}</p>
      <div className="view-controls area-files">
        <div className="field">
          <label htmlFor={`${id}-csv`}>{a.csvFile}</label>
          <input id={`${id}-csv`} type="file" accept=".csv,.txt,.tsv,text/csv" onChange={(e) => choose(e.currentTarget.files?.[0], 'csv')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-geojson`}>{a.polygonFile}</label>
          <input id={`${id}-geojson`} type="file" accept=".geojson,.json,application/geo+json" onChange={(e) => choose(e.currentTarget.files?.[0], 'polygons')} />
        </div>
        {(session.csv || session.polygons) && (
          <button
            type="button"
            onClick={() => {
              areaIndexActions.clear();
              onStatus(a.cleared);
            }}
          >
            {a.clear}
          </button>
        )}
      </div>
      {session.reading && <p role="status">{a.reading(session.reading)}</p>}
      {session.csv && !session.csv.result.ok && <Failure fileName={session.csv.fileName} failure={session.csv.result.error} />}
      {session.polygons && !session.polygons.result.ok && <Failure fileName={session.polygons.fileName} failure={session.polygons.result.error} />}

      {/* What was read, in counts; the reasons follow below the results. */}
      {(csv || polygons) && (
        <ul className="area-summaries">
          {csv && (
            <li data-testid="area-csv-summary">
              <strong>{session.csv!.fileName}</strong>: {csvSummary}
            </li>
          )}
          {polygons && (
            <li data-testid="area-polygon-summary">
              <strong>{session.polygons!.fileName}</strong>: {polygonSummary}
            </li>
          )}
          {matched && <li data-testid="area-match-summary">{a.matchSummary(rows.length, matched.matchedAreas.length, areas.length)}{matched.rejected.length > 0 && ` ${a.unmatched(matched.rejected.length)}`}</li>}
        </ul>
      )}
      {csv && !polygons && <p>{a.needPolygons}</p>}
      {polygons && !csv && <p>{a.needCsv}</p>}
      {matched && !rows.length && <p>{a.noRows}</p>}

      {question ? (
        <div className="area-results">
          <div className="area-choices">
            <div className="view-controls">
              <Select id={`${id}-question`} label={a.question} value={question} onChange={(v) => areaIndexActions.choose({ question: v, selectedKey: null })} options={questions.map((q) => [q, q])} />
              <Select
                id={`${id}-year`}
                label={a.year}
                value={year === null ? '' : String(year)}
                onChange={(v) => areaIndexActions.choose({ year: Number(v) })}
                options={[...years].reverse().map((y) => [String(y), String(y)] as [string, string])}
              />
            </div>
            <fieldset className="facet mode-choice">
              <legend>{a.mode}</legend>
              {(['change', 'level'] as AreaIndexMode[]).map((m) => (
                <label key={m} className="check">
                  <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => areaIndexActions.choose({ mode: m })} />
                  {a.modes[m]}
                </label>
              ))}
            </fieldset>
            <AreaIndexLegend mode={mode} question={question} yearText={String(year)} counts={counts} />
          </div>
          {table}
        </div>
      ) : (
        table
      )}

      {csv && <FileReport fileName={session.csv!.fileName} notes={csv.notes.map((n) => noteText(n, a))} rejected={csv.rejected} testId="area-csv-report" />}
      {polygons && (
        <FileReport fileName={session.polygons!.fileName} notes={polygons.notes.map((n) => noteText(n, a))} rejected={polygons.rejected} testId="area-polygon-report">
          {polygons.properties.length > 0 && (
            <div className="view-controls">
              {(['nameProperty', 'codeProperty'] as const).map((which) => (
                <Select
                  key={which}
                  id={`${id}-${which}`}
                  label={which === 'nameProperty' ? a.nameProperty : a.codeProperty}
                  value={polygons.set[which] ?? ''}
                  onChange={(v) => areaIndexActions.chooseProperties({ [which]: v === '' ? null : v })}
                  options={[['', a.noProperty], ...polygons.properties.map((p) => [p, p] as [string, string])]}
                />
              ))}
            </div>
          )}
        </FileReport>
      )}
      {matched && matched.rejected.length > 0 && <FileReport fileName={`${session.csv!.fileName} + ${session.polygons!.fileName}`} notes={[]} rejected={matched.rejected} testId="area-match-report" />}
    </div>
  );
}

function Failure({ fileName, failure }: { fileName: string; failure: AreaIndexFailure }) {
  const { language } = useI18n();
  const a = areaIndexStrings(language);
  return (
    <div className="error-summary" role="alert">
      <p>{a.failed(fileName)}</p>
      <p>{failureText(failure, a)}</p>
      {failure.detail && <p className="muted">{a.failureDetail(failure.detail)}</p>}
    </div>
  );
}

/** One file's notes, the choices that re-read it, and every item it left out with the reason. */
function FileReport(props: { fileName: string; notes: string[]; rejected: readonly AreaRejectedItem[]; testId: string; children?: ReactNode }) {
  const { language } = useI18n();
  const a = areaIndexStrings(language);
  if (!props.children && !props.notes.length && !props.rejected.length) return null;
  return (
    <section className="area-file-report" data-testid={props.testId}>
      <h4>{props.fileName}</h4>
      {props.children}
      {props.notes.length > 0 && (
        <details>
          <summary>{a.notesTitle}</summary>
          <ul>
            {props.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </details>
      )}
      <RejectedAreaItems fileName={props.fileName} rejected={props.rejected} />
    </section>
  );
}

/** Every left-out row or area with its reason in the UI's language; the detail is the file's own text. */
function RejectedAreaItems({ fileName, rejected }: { fileName: string; rejected: readonly AreaRejectedItem[] }) {
  const { language } = useI18n();
  const a = areaIndexStrings(language);
  return (
    <RejectionTable
      title={a.rejectedTitle(fileName)}
      rows={rejected.map((item, i) => ({
        key: `${item.kind}-${item.index}-${item.question ?? ''}-${i}`,
        where: a.where(item.kind, item.index, item.question),
        why: a.reasons[item.reason] ?? item.reason,
        detail: item.detail ?? '',
      }))}
    />
  );
}

interface TableProps {
  areas: readonly AreaPolygon[];
  byKey: ReadonlyMap<string, AreaIndexSummary>;
  mode: AreaIndexMode;
  year: number | null;
  selectedKey: string | null;
  hasResults: boolean;
  onShow(area: AreaPolygon): void;
}

/** What the map shows, as a table: area, the year's index, the previous survey, the change and the class. */
function AreaTable({ areas, byKey, mode, year, selectedKey, hasResults, onShow }: TableProps) {
  const { language } = useI18n();
  const a = areaIndexStrings(language);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'area', descending: false });
  const classes = classesFor(mode);
  const sorted = useMemo(() => {
    const value = (area: AreaPolygon) => {
      const s = byKey.get(area.key);
      return sort.key === 'index' ? (s?.value ?? null) : (s?.change ?? null);
    };
    const list = [...areas];
    list.sort((a, b) => {
      if (sort.key === 'area') return collator.compare(areaLabel(a), areaLabel(b)) * (sort.descending ? -1 : 1);
      const va = value(a);
      const vb = value(b);
      // Areas without a value go last whichever way.
      if (va === null || vb === null) return va === vb ? collator.compare(areaLabel(a), areaLabel(b)) : va === null ? 1 : -1;
      return (va - vb) * (sort.descending ? -1 : 1) || collator.compare(areaLabel(a), areaLabel(b));
    });
    return list;
  }, [areas, byKey, sort]);
  const header = (key: SortKey, text: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'area' }))} aria-label={a.sortBy(text)}>
        {text}
        {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  const classText = (s: AreaIndexSummary | undefined) => {
    const key = s ? areaClassKey(s, mode) : NO_DATA_CLASS;
    const c = classes.find((x) => x.key === key);
    if (!c) return mode === 'level' ? a.noValue : a.noComparison;
    return mode === 'change' ? (a.changeClassNames[c.key] ?? c.key) : classRange(c, a, language, false);
  };
  return (
    <div className="table-scroll area-table" tabIndex={0} role="region" aria-label={a.listTitle}>
      <table data-testid="area-index-table">
        <caption className="visually-hidden">{a.listTitle}</caption>
        <thead>
          <tr>
            {header('area', a.columns.area)}
            {header('index', year !== null ? a.columns.indexOf(year) : a.columns.index)}
            <th scope="col">{a.columns.previous}</th>
            {header('change', a.columns.change)}
            {hasResults && <th scope="col">{a.columns.class}</th>}
          </tr>
        </thead>
        <tbody>
          {sorted.map((area) => {
            const s = byKey.get(area.key);
            return (
              <tr key={area.key} data-area={area.key} className={area.key === selectedKey ? 'selected' : undefined}>
                <td>
                  <button type="button" className="row-button" onClick={() => onShow(area)}>
                    {areaLabel(area)}
                  </button>
                  {area.code && area.name && <span className="muted"> ({area.code})</span>}
                </td>
                <td>{s?.value != null ? formatIndex(s.value, language) : a.noValue}</td>
                <td>{s?.previousYear != null && s.previousValue != null ? a.previousValue(s.previousYear, formatIndex(s.previousValue, language)) : '–'}</td>
                <td>{s?.change != null ? formatIndex(s.change, language, true) : '–'}</td>
                {hasResults && <td>{classText(s)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
