import { useEffect, useId, useMemo, useState } from 'react';
import { viewsStrings } from '../strings/views';
import { assessCoverage } from '../../analysis/coverage';
import { compareSurveys, hexDensity, withAnswerCells } from '../../analysis/density';
import type { AnswerDensity } from '../../analysis/answers/density';
import { SURVEY_REASONS, type SurveyReason } from '../../domain/surveyAnswer';
import { AnswersPanel } from '../answers/AnswersPanel';
import type { Answers } from '../answers/useAnswers';
import { countExampleUnsafePlaces } from '../../analysis/evidence';
import type { DensityFilter } from '../../analysis/types';
import type { DatasetIndex } from '../../domain/dataset';
import { TIMES_OF_DAY, type TimeOfDay } from '../../domain/layers';
import type { SafetyFeature } from '../../domain/safetyFeature';
import type { MapOverlay } from '../../map/adapter';
import { formatNumber, useI18n } from '../i18n';
import { EvidenceAge } from './EvidenceAge';
import { metres, Select } from './controls';

interface Props {
  features: readonly SafetyFeature[];
  /** The features the density and the gaps may count: stale unsafe places left out (the survey comparison uses all). */
  fresh: readonly SafetyFeature[];
  stale: number;
  evidenceYears: number;
  onEvidenceYears(years: number): void;
  index: DatasetIndex;
  onOverlay(overlay: MapOverlay | null): void;
  onSelect(featureId: string): void;
  onCreateWalk(point: [number, number]): void;
  /** This browser's survey answers (held in a worker): they count in the density too. */
  answers: Answers;
}

const RESOLUTIONS = [7, 8, 9] as const;
const WALK_DISTANCES = [100, 250, 500, 1000] as const;

/** For planners: density of unsafe places as hexagons (or the change between two surveys), and the places no activity reaches. */
export function PlannerView({ features, fresh, stale, evidenceYears, onEvidenceYears, index, onOverlay, onSelect, onCreateWalk, answers }: Props) {
  const { t, language } = useI18n();
  const v = viewsStrings(language);
  const id = useId();
  const [resolution, setResolution] = useState<number>(8);
  const [timeOfDay, setTimeOfDay] = useState<TimeOfDay | ''>('');
  const [reason, setReason] = useState('');
  const [year, setYear] = useState('');
  const [compare, setCompare] = useState(false);
  const years = useMemo(() => surveyYears(features), [features]);
  const [yearA, setYearA] = useState(years[0] ?? 0);
  const [yearB, setYearB] = useState(years.at(-1) ?? 0);
  const [walkDistance, setWalkDistance] = useState<number>(250);

  const filter: DensityFilter = {
    ...(timeOfDay ? { timeOfDay: [timeOfDay] } : {}),
    ...(reason.trim() ? { reasons: [reason.trim()] } : {}),
    ...(year && !compare ? { years: [Number(year)] } : {}),
  };
  const filterKey = JSON.stringify(filter);
  // The answers' cells come from the worker, at the same resolution and filter; a reason that is not one of the survey's matches no answer.
  const [answerCells, setAnswerCells] = useState<AnswerDensity | null>(null);
  useEffect(() => {
    let live = true;
    const reasonText = reason.trim().toLocaleLowerCase('sv');
    const known = (SURVEY_REASONS as readonly string[]).includes(reasonText);
    if (compare || (reasonText && !known)) return setAnswerCells(null);
    void answers
      .density(resolution, { ...(timeOfDay ? { timeOfDay: [timeOfDay] } : {}), ...(year ? { years: [Number(year)] } : {}), ...(reasonText ? { reasons: [reasonText as SurveyReason] } : {}) })
      .then((d) => live && setAnswerCells(d), () => live && setAnswerCells(null));
    return () => {
      live = false;
    };
  }, [answers.count, resolution, timeOfDay, year, reason, compare]); // eslint-disable-line react-hooks/exhaustive-deps
  const placeCells = useMemo(() => (compare ? null : hexDensity(fresh, resolution, filter)), [fresh, resolution, filterKey, compare]); // eslint-disable-line react-hooks/exhaustive-deps
  const cells = useMemo(() => (placeCells ? withAnswerCells(placeCells, answerCells) : null), [placeCells, answerCells]);
  const changes = useMemo(() => (compare ? compareSurveys(features, resolution, yearA, yearB, filter) : null), [features, resolution, filterKey, compare, yearA, yearB]); // eslint-disable-line react-hooks/exhaustive-deps

  const coverage = useMemo(() => assessCoverage(fresh, { walkDistanceMetres: walkDistance }), [fresh, walkDistance]);
  const gaps = useMemo(() => coverage.filter((c) => c.isGap), [coverage]);

  useEffect(() => {
    const list = cells ?? changes ?? [];
    const value = (c: (typeof list)[number]) => ('change' in c ? c.change : c.count);
    // A loop, not Math.max(...list): spread past about 120 000 cells overflows the stack.
    const max = list.reduce((m, c) => Math.max(m, Math.abs(value(c))), 1);
    onOverlay({
      // The gaps, numbered in their ranked order, on top of the density.
      numbered: gaps.slice(0, 50).map((gap, i) => ({ point: gap.point, label: String(i + 1) })),
      numberedKind: 'gaps',
      areas: {
        scale: compare ? 'change' : 'count',
        max,
        collection: { type: 'FeatureCollection', features: list.map((c) => ({ type: 'Feature', geometry: c.polygon, properties: { value: value(c), h3: c.h3 } })) },
      },
    });
  }, [cells, changes, compare, onOverlay, gaps]);
  useEffect(() => () => onOverlay(null), [onOverlay]);

  const total = (cells ?? []).reduce((sum, c) => sum + c.count, 0);
  const examples = useMemo(() => countExampleUnsafePlaces(features), [features]);
  return (
    <div className="view planner-view" data-testid="planner-view">
      <p className="muted" data-testid="examples-note">
        {v.examplesLeftOut(examples)}
      </p>
      <EvidenceAge years={evidenceYears} onChange={onEvidenceYears} stale={stale} />
      <section aria-labelledby={`${id}-density`}>
        <h3 id={`${id}-density`}>{v.densityTitle}</h3>
        <div className="view-controls">
          <Select id={`${id}-res`} label={v.hexSize} value={String(resolution)} onChange={(v) => setResolution(Number(v))} options={RESOLUTIONS.map((r) => [String(r), v.hexSizes[r]!])} />
          <Select
            id={`${id}-tod`}
            label={v.timeOfDay}
            value={timeOfDay}
            onChange={(v) => setTimeOfDay(v as TimeOfDay | '')}
            options={[['', v.anyTime], ...TIMES_OF_DAY.map((d) => [d, t.timeOfDayNames[d] ?? d] as [string, string])]}
          />
          <div className="field">
            <label htmlFor={`${id}-reason`}>{v.reason}</label>
            <input id={`${id}-reason`} value={reason} maxLength={100} onChange={(e) => setReason(e.currentTarget.value)} />
          </div>
          {!compare && (
            <Select id={`${id}-year`} label={v.surveyYear} value={year} onChange={setYear} options={[['', v.anyYear], ...years.map((y) => [String(y), String(y)] as [string, string])]} />
          )}
          <label className="check">
            <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.currentTarget.checked)} />
            {v.compare}
          </label>
          {compare && (
            <>
              <Select id={`${id}-ya`} label={v.yearA} value={String(yearA)} onChange={(v) => setYearA(Number(v))} options={years.map((y) => [String(y), String(y)])} />
              <Select id={`${id}-yb`} label={v.yearB} value={String(yearB)} onChange={(v) => setYearB(Number(v))} options={years.map((y) => [String(y), String(y)])} />
            </>
          )}
        </div>
        <p role="status" className="result-count">
          {cells && (cells.length ? v.cells(cells.length, total) : v.noUnsafePlaces)}
          {changes && v.changeCells(changes.filter((c) => c.change !== 0).length)}
        </p>
        {cells && answerCells && answerCells.total > 0 && <p data-testid="answers-included">{t.answers.included(formatNumber(answerCells.total, language))}</p>}
        <AnswersPanel answers={answers} />
      </section>
      <section aria-labelledby={`${id}-gaps`}>
        <h3 id={`${id}-gaps`}>{v.gapsTitle}</h3>
        <Select
          id={`${id}-walk`}
          label={v.walkDistance}
          value={String(walkDistance)}
          onChange={(v) => setWalkDistance(Number(v))}
          options={WALK_DISTANCES.map((d) => [String(d), d >= 1000 ? `${d / 1000} km` : `${d} m`])}
        />
        <p>{gaps.length ? v.gapsSummary(gaps.length, coverage.length) : v.noGaps}</p>
        <ol className="ranked-list" data-testid="gap-list">
          {gaps.map((gap) => (
            <li key={gap.featureId}>
              <strong>{gap.name}</strong> <span className="muted">({index.documents.get(index.activities.get(index.features.get(gap.featureId)?.activityIds[0] ?? '')?.documentId ?? '')?.municipality.name ?? gap.municipalityCode})</span>
              <br />
              {v.weight(gap.weight)} ·{' '}
              {gap.nearestWalkMetres === null ? v.noWalk : v.nearestWalk(metres(gap.nearestWalkMetres, language))}
              <div className="row-actions">
                <button type="button" className="link-button" onClick={() => onSelect(gap.featureId)}>
                  {v.showOnMap}
                </button>
                <button type="button" className="link-button" onClick={() => onCreateWalk(gap.point)}>
                  {v.createWalk}
                </button>
              </div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function surveyYears(features: readonly SafetyFeature[]): number[] {
  const years = new Set<number>();
  for (const f of features) if (f.layer === 'unsafe-place' && f.details.year !== null) years.add(f.details.year);
  return [...years].sort();
}
