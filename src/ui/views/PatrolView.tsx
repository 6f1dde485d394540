import { useEffect, useId, useMemo, useState } from 'react';
import { viewsStrings } from '../strings/views';
import { flushSync } from 'react-dom';
import { countExampleUnsafePlaces } from '../../analysis/evidence';
import { PATROL_WEIGHTS, isPatrolCandidate, patrolPriorities } from '../../analysis/patrol';
import { areaMunicipalityCodes, formatSweref99Tm, formatWgs84, inArea, nearestLocality, toSweref99Tm, type PatrolArea } from '../../analysis/patrolSheet';
import type { DayType, PatrolItem } from '../../analysis/types';
import { shippedPoliceAreas } from '../../data/policeAreas';
import type { DatasetIndex } from '../../domain/dataset';
import { FACETS, isFilterActive, searchWords, type Facet, type FilterState } from '../../domain/filters';
import { TIMES_OF_DAY, type LayerKind, type TimeOfDay } from '../../domain/layers';
import type { SafetyFeature } from '../../domain/safetyFeature';
import { toSwedishCsv } from '../../io/csv';
import type { MapOverlay } from '../../map/adapter';
import { downloadText } from '../download';
import type { FacetOption } from '../FilterPanel';
import { formatNumber, useI18n, type Dictionary, type Language } from '../i18n';
import { patrolStrings, type PatrolStrings } from '../strings/patrol';
import { metres, Select } from './controls';
import { EvidenceAge } from './EvidenceAge';
import { representativePoint } from '../../analysis/representativePoint';
import type { Answers } from '../answers/useAnswers';
import { AreaChoice, AreaMembers } from './patrol/AreaChoice';
import { PatrolSheet, type SheetRow } from './patrol/PatrolSheet';
import { useSheetBasemap } from './patrol/useSheetBasemap';
import './patrol/patrol.css';

interface Props {
  features: readonly SafetyFeature[];
  /** Stale unsafe places left out of the priorities. */
  fresh: readonly SafetyFeature[];
  stale: number;
  evidenceYears: number;
  onEvidenceYears(years: number): void;
  index: DatasetIndex;
  /** The rows the app's filters let through: the list ranks only these places. */
  shownRows: readonly { id: string; municipalityCode: string; municipalityName: string }[];
  /** The filters in effect and their choices' names, for the printed sheet. */
  filter: FilterState;
  filterOptions: Partial<Record<Facet, readonly FacetOption[]>>;
  onOverlay(overlay: MapOverlay | null): void;
  onSelect(featureId: string): void;
  onFit(points: [number, number][]): void;
  /** The survey answers in the worker: the evidence of unsafe places without a response count of their own. */
  answers?: Pick<Answers, 'count' | 'countsAt'>;
}

const TOP_N = [5, 10, 20] as const;
/** Farther than this from every named locality, "near X" would mislead more than help. */
const LOCALITY_METRES = 4000;
/** An imported place's own column that says where it is, when the file had one. */
const LOCATION_ATTRIBUTE = /^(adress|address|gatuadress|plats|ort|område|omrade|stadsdel|locality)$/i;

const printFormats: Record<Language, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' }),
};

/** The filters in effect, in words: each facet with its chosen values' names, the search, the map view. */
function describeFilters(filter: FilterState, options: Props['filterOptions'], t: Dictionary, s: PatrolStrings): string {
  const parts = FACETS.filter((facet) => filter[facet].length > 0).map((facet) => {
    const names = (filter[facet] as readonly string[]).map((value) =>
      facet === 'layer' ? t.layerNames[value as LayerKind] : (options[facet]?.find((o) => o.value === value)?.label ?? value),
    );
    return s.filterPart(t.facetNames[facet] ?? facet, names.join(', '));
  });
  if (searchWords(filter.text).length) parts.push(s.searchFor(filter.text.trim()));
  if (filter.inView) parts.push(s.onlyInView);
  return parts.length ? parts.join('; ') : s.noFilters;
}

/**
 * For police: tonight's places in priority order, the score's parts shown, numbered on the map,
 * printable. The list holds only places the app's filters let through, and can be limited to a
 * municipality or a local police area (data/police-areas.json); the printed sheet is dated and
 * names each place with its locality and coordinates, on a map of just their area.
 */
export function PatrolView({ features, fresh, stale, evidenceYears, onEvidenceYears, index, shownRows, filter, filterOptions, onOverlay, onSelect, onFit, answers }: Props) {
  const { t, language } = useI18n();
  const v = viewsStrings(language);
  const s = patrolStrings(language);
  const id = useId();
  const register = shippedPoliceAreas();
  const basemap = useSheetBasemap();
  const [timeOfDay, setTimeOfDay] = useState<TimeOfDay>('kvall');
  const [dayType, setDayType] = useState<DayType>('vardag');
  const [topN, setTopN] = useState<number>(10);
  const [area, setArea] = useState<PatrolArea>({ kind: 'all' });
  // When the sheet was printed: set again just before the browser lays out the page for print.
  const [printedAt, setPrintedAt] = useState(() => new Date());
  useEffect(() => {
    const stamp = () => flushSync(() => setPrintedAt(new Date()));
    window.addEventListener('beforeprint', stamp);
    // While this view is open, printing prints the sheet's own map, not the WebGL map (patrol.css).
    document.body.classList.add('printing-patrol');
    return () => {
      window.removeEventListener('beforeprint', stamp);
      document.body.classList.remove('printing-patrol');
    };
  }, []);
  // The answers of the chosen time of day in each unsafe place's cell, counted in the worker.
  const [answersInCell, setAnswersInCell] = useState<ReadonlyMap<string, number> | undefined>(undefined);
  const answerCount = answers?.count ?? 0;
  useEffect(() => {
    if (!answers || answerCount === 0) return setAnswersInCell(undefined);
    let live = true;
    const places = fresh.filter((f) => f.layer === 'unsafe-place');
    answers
      .countsAt(places.map((f) => representativePoint(f)), { timeOfDay: [timeOfDay] })
      .then((counts) => live && setAnswersInCell(counts ? new Map(places.map((f, k) => [f.id, counts[k] ?? 0])) : undefined))
      .catch(() => live && setAnswersInCell(undefined));
    return () => {
      live = false;
    };
  }, [fresh, timeOfDay, answerCount]); // eslint-disable-line react-hooks/exhaustive-deps

  const shownIds = useMemo(() => new Set(shownRows.map((r) => r.id)), [shownRows]);
  const areaCodes = useMemo(() => areaMunicipalityCodes(area, register), [area, register]);
  const candidates = useMemo(() => fresh.filter(isPatrolCandidate), [fresh]);
  const counts = useMemo(() => {
    const passing = candidates.filter((f) => shownIds.has(f.id));
    return { total: candidates.length, leftOutByFilters: candidates.length - passing.length, leftOutByArea: passing.filter((f) => !inArea(f, areaCodes)).length };
  }, [candidates, shownIds, areaCodes]);
  const items = useMemo(
    () =>
      patrolPriorities(fresh, {
        timeOfDay,
        dayType,
        now: new Date(),
        walkDistanceMetres: 250,
        ...(answersInCell ? { answersInCell } : {}),
        only: (f) => shownIds.has(f.id) && inArea(f, areaCodes),
      }).slice(0, topN),
    [fresh, timeOfDay, dayType, topN, answersInCell, shownIds, areaCodes],
  );
  const examples = useMemo(() => countExampleUnsafePlaces(features), [features]);
  useEffect(() => {
    onOverlay({ numbered: items.map((item, i) => ({ point: item.point, label: String(i + 1) })), numberedKind: 'patrol' });
  }, [items, onOverlay]);
  useEffect(() => () => onOverlay(null), [onOverlay]);

  // A municipality's name from whatever knows it: the filter's choices, the register, the basemap, the rows.
  const names = useMemo(() => {
    const known = new Map<string, string>();
    for (const m of basemap.municipalities) known.set(m.code, m.name);
    for (const a of register.areas) for (const m of a.municipalities) known.set(m.code, m.name);
    for (const row of shownRows) if (row.municipalityName) known.set(row.municipalityCode, row.municipalityName);
    for (const o of filterOptions.municipality ?? []) known.set(o.value, o.label);
    return known;
  }, [basemap, register, shownRows, filterOptions]);
  const municipalityName = (code: string) => names.get(code) ?? code;
  const municipalityChoices = useMemo(() => {
    const codes = new Set([...candidates.map((f) => f.municipalityCode), ...(filterOptions.municipality ?? []).map((o) => o.value)]);
    if (area.kind === 'municipality') codes.add(area.code);
    return [...codes].map((code) => ({ code, name: names.get(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }, [candidates, filterOptions, area, names]);
  const chosenPoliceArea = area.kind === 'police-area' ? register.areas.find((a) => a.id === area.id) : undefined;
  const areaName = area.kind === 'all' ? s.areaAll : area.kind === 'municipality' ? s.municipalityArea(municipalityName(area.code)) : (chosenPoliceArea?.name ?? area.id);
  const documentTitle = (sourceFile: string) => [...index.documents.values()].find((d) => d.sourceFile === sourceFile)?.title;

  // Memoised on the list: the sheet's map re-projects its outlines only when the places change.
  const sheetRows = useMemo<SheetRow[]>(() => {
    const municipality = (code: string) => names.get(code) ?? code;
    const localityOf = (item: PatrolItem): string => {
      const feature = index.features.get(item.featureId);
      const name = municipality(feature?.municipalityCode ?? '');
      const own = Object.entries(feature?.attributes ?? {}).find(([key, value]) => LOCATION_ATTRIBUTE.test(key) && typeof value === 'string' && value.trim());
      if (own) return s.localityAt(name, String(own[1]).trim());
      const near = nearestLocality(item.point, basemap.localities, LOCALITY_METRES);
      // Within 200 m the place is in the locality: its distance would only add noise.
      return s.locality(name, near?.name ?? null, near && near.distanceMetres > 200 ? metres(near.distanceMetres, language).replace(' ', '\u00a0') : null);
    };
    const partText = (part: PatrolItem['parts'][number]) =>
      // The analysis explains each part in Swedish; other languages name the part and its points.
      language === 'sv' ? part.explanation : `${v.partNames[part.key]}: +${formatNumber(part.points, language)}`;
    return items.map((item) => ({
      featureId: item.featureId,
      name: item.name,
      locality: localityOf(item),
      point: item.point,
      sweref: formatSweref99Tm(toSweref99Tm(item.point)),
      wgs: formatWgs84(item.point),
      score: v.points(formatNumber(item.score, language)),
      parts: item.parts.map((part) => ({ key: part.key, text: partText(part) })),
    }));
  }, [items, index, names, basemap.localities, language, t, s]);

  const timeName = t.timeOfDayNames[timeOfDay] ?? timeOfDay;
  const dayName = v.dayTypes[dayType] ?? dayType;
  const exportCsv = () => {
    const csv = toSwedishCsv(
      ['nr', t.columns.name!, t.columns.municipality!, 'ort', 'poäng', 'lat', 'lon', 'sweref99tm_n', 'sweref99tm_e', 'delar'],
      items.map((item, i) => {
        const [east, north] = toSweref99Tm(item.point);
        const feature = index.features.get(item.featureId);
        return [i + 1, item.name, municipalityName(feature?.municipalityCode ?? ''), sheetRows[i]!.locality, item.score, item.point[1], item.point[0], north, east, item.parts.map((p) => p.explanation).join(' ')];
      }),
    );
    downloadText(`patrullista-${timeOfDay}-${dayType}.csv`, csv, 'text/csv;charset=utf-8');
  };

  return (
    <div className="view patrol-view" data-testid="patrol-view">
      <h3 className="screen-only">{v.patrolTitle}</h3>
      <h3 className="print-only">{v.patrolSheetTitle(timeName, dayName)}</h3>
      <div className="view-controls screen-only">
        <Select id={`${id}-tod`} label={v.timeOfDay} value={timeOfDay} onChange={(v) => setTimeOfDay(v as TimeOfDay)} options={TIMES_OF_DAY.map((d) => [d, t.timeOfDayNames[d] ?? d])} />
        <Select id={`${id}-day`} label={v.dayType} value={dayType} onChange={(v) => setDayType(v as DayType)} options={(['vardag', 'helg'] as const).map((d) => [d, v.dayTypes[d]!])} />
        <AreaChoice id={`${id}-area`} value={area} onChange={setArea} municipalities={municipalityChoices} register={register} s={s} />
        <Select id={`${id}-n`} label={v.topN} value={String(topN)} onChange={(v) => setTopN(Number(v))} options={TOP_N.map((n) => [String(n), String(n)])} />
        <button type="button" onClick={() => onFit(items.map((i) => i.point))} disabled={!items.length}>
          {v.showOnMap}
        </button>
        <button type="button" onClick={() => window.print()}>
          {s.print}
        </button>
        <button type="button" onClick={exportCsv} disabled={!items.length}>
          {v.exportPatrol}
        </button>
      </div>
      <div className="screen-only">
        {chosenPoliceArea && <AreaMembers area={chosenPoliceArea} documentTitle={documentTitle} language={language} s={s} />}
        <p className="muted" data-testid="patrol-filters-note">
          {s.followsFilters(counts.leftOutByFilters, counts.total, isFilterActive(filter))}
          {area.kind !== 'all' && ` ${s.areaLeftOut(counts.leftOutByArea, areaName)}`}
        </p>
        <p className="muted">{v.dayTypeNote}</p>
      </div>
      <PatrolSheet
        rows={sheetRows}
        printedAt={printFormats[language].format(printedAt)}
        area={areaName}
        filters={describeFilters(filter, filterOptions, t, s)}
        basemap={basemap}
        scaleLabel={(m) => metres(m, language)}
        s={s}
      />
      <p className="muted">{v.formula(PATROL_WEIGHTS)}</p>
      <p className="muted" data-testid="examples-note">
        {v.examplesLeftOut(examples)}
      </p>
      <div className="screen-only">
        <EvidenceAge years={evidenceYears} onChange={onEvidenceYears} stale={stale} />
      </div>
      {items.length === 0 && (
        <p className="screen-only" role="status">
          {s.nothingToList}
        </p>
      )}
      <ol className="ranked-list screen-only" data-testid="patrol-list">
        {items.map((item, i) => (
          <li key={item.featureId}>
            <button type="button" className="link-button" onClick={() => onSelect(item.featureId)}>
              {item.name}
            </button>{' '}
            <span className="muted">({sheetRows[i]!.locality})</span> – <strong>{v.points(formatNumber(item.score, language))}</strong>
            <ul className="score-parts">
              {sheetRows[i]!.parts.map((part) => (
                <li key={part.key}>{part.text}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
