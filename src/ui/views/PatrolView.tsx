import { useEffect, useId, useMemo, useState } from 'react';
import { countExampleUnsafePlaces } from '../../analysis/evidence';
import { PATROL_WEIGHTS, patrolPriorities } from '../../analysis/patrol';
import type { DayType } from '../../analysis/types';
import type { DatasetIndex } from '../../domain/dataset';
import { TIMES_OF_DAY, type TimeOfDay } from '../../domain/layers';
import type { SafetyFeature } from '../../domain/safetyFeature';
import { toSwedishCsv } from '../../io/csv';
import type { MapOverlay } from '../../map/adapter';
import { downloadText } from '../download';
import { formatNumber, useI18n } from '../i18n';
import { Select } from './controls';
import { EvidenceAge } from './EvidenceAge';
import { representativePoint } from '../../analysis/representativePoint';
import type { Answers } from '../answers/useAnswers';

interface Props {
  features: readonly SafetyFeature[];
  /** Stale unsafe places left out of the priorities. */
  fresh: readonly SafetyFeature[];
  stale: number;
  evidenceYears: number;
  onEvidenceYears(years: number): void;
  index: DatasetIndex;
  onOverlay(overlay: MapOverlay | null): void;
  onSelect(featureId: string): void;
  onFit(points: [number, number][]): void;
  /** The survey answers in the worker: the evidence of unsafe places without a response count of their own. */
  answers?: Pick<Answers, 'count' | 'countsAt'>;
}

const TOP_N = [5, 10, 20] as const;

/** For police: tonight's places in priority order, the score's parts shown, numbered on the map, printable. */
export function PatrolView({ features, fresh, stale, evidenceYears, onEvidenceYears, index, onOverlay, onSelect, onFit, answers }: Props) {
  const { t, language } = useI18n();
  const id = useId();
  const [timeOfDay, setTimeOfDay] = useState<TimeOfDay>('kvall');
  const [dayType, setDayType] = useState<DayType>('vardag');
  const [topN, setTopN] = useState<number>(10);
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
  const items = useMemo(
    () => patrolPriorities(fresh, { timeOfDay, dayType, now: new Date(), walkDistanceMetres: 250, ...(answersInCell ? { answersInCell } : {}) }).slice(0, topN),
    [fresh, timeOfDay, dayType, topN, answersInCell],
  );
  const examples = useMemo(() => countExampleUnsafePlaces(features), [features]);
  useEffect(() => {
    onOverlay({ numbered: items.map((item, i) => ({ point: item.point, label: String(i + 1) })) });
  }, [items, onOverlay]);
  useEffect(() => () => onOverlay(null), [onOverlay]);

  const municipality = (featureId: string) => {
    const activity = index.activities.get(index.features.get(featureId)?.activityIds[0] ?? '');
    return index.documents.get(activity?.documentId ?? '')?.municipality.name ?? '';
  };
  const timeName = t.timeOfDayNames[timeOfDay] ?? timeOfDay;
  const dayName = t.views.dayTypes[dayType] ?? dayType;
  const exportCsv = () => {
    const csv = toSwedishCsv(
      ['nr', t.columns.name!, t.columns.municipality!, 'poäng', 'lat', 'lon', 'delar'],
      items.map((item, i) => [i + 1, item.name, municipality(item.featureId), item.score, item.point[1], item.point[0], item.parts.map((p) => p.explanation).join(' ')]),
    );
    downloadText(`patrullista-${timeOfDay}-${dayType}.csv`, csv, 'text/csv;charset=utf-8');
  };

  return (
    <div className="view patrol-view" data-testid="patrol-view">
      <h3 className="screen-only">{t.views.patrolTitle}</h3>
      <h3 className="print-only">{t.views.patrolSheetTitle(timeName, dayName)}</h3>
      <div className="view-controls screen-only">
        <Select id={`${id}-tod`} label={t.views.timeOfDay} value={timeOfDay} onChange={(v) => setTimeOfDay(v as TimeOfDay)} options={TIMES_OF_DAY.map((d) => [d, t.timeOfDayNames[d] ?? d])} />
        <Select id={`${id}-day`} label={t.views.dayType} value={dayType} onChange={(v) => setDayType(v as DayType)} options={(['vardag', 'helg'] as const).map((d) => [d, t.views.dayTypes[d]!])} />
        <Select id={`${id}-n`} label={t.views.topN} value={String(topN)} onChange={(v) => setTopN(Number(v))} options={TOP_N.map((n) => [String(n), String(n)])} />
        <button type="button" onClick={() => onFit(items.map((i) => i.point))} disabled={!items.length}>
          {t.views.showOnMap}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t.views.print}
        </button>
        <button type="button" onClick={exportCsv} disabled={!items.length}>
          {t.views.exportPatrol}
        </button>
      </div>
      <p className="muted screen-only">{t.views.dayTypeNote}</p>
      <p className="muted">{t.views.formula(PATROL_WEIGHTS)}</p>
      <p className="muted" data-testid="examples-note">
        {t.views.examplesLeftOut(examples)}
      </p>
      <EvidenceAge years={evidenceYears} onChange={onEvidenceYears} stale={stale} />
      <ol className="ranked-list" data-testid="patrol-list">
        {items.map((item) => (
          <li key={item.featureId}>
            <button type="button" className="link-button" onClick={() => onSelect(item.featureId)}>
              {item.name}
            </button>{' '}
            <span className="muted">({municipality(item.featureId)})</span> – <strong>{t.views.points(formatNumber(item.score, language))}</strong>
            <ul className="score-parts">
              {item.parts.map((part) => (
                <li key={part.key}>
                  {/* The analysis explains each part in Swedish; other languages name the part and its points. */}
                  {language === 'sv' ? part.explanation : `${t.views.partNames[part.key]}: +${formatNumber(part.points, language)}`}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
