import type { Activity } from '../domain/activity';
import type { DatasetIndex } from '../domain/dataset';
import type { PromiseDocument } from '../domain/promiseDocument';
import { lookupOf } from '../domain/rules/lookup';
import { isSensitiveActivity } from '../domain/rules/sensitivePlace';
import { useMemo, useState } from 'react';
import { ActivityForm } from './editing/ActivityForm';
import { documentStandings, swedishToday } from '../domain/currency';
import { CurrencyTag } from './CurrencyTag';
import { RecordHistory } from './RecordHistory';
import { StatusControl } from './StatusControl';
import { Progress } from './Progress';
import type { ActivityStatus } from '../domain/layers';
import { formatDate, useI18n } from './i18n';

interface Props {
  index: DatasetIndex;
  documents: readonly PromiseDocument[];
  /** How many places (after filters) each activity has; absent means none. */
  placesPerActivity: ReadonlyMap<string, number>;
  onShowActivity(activityId: string): void;
  onOpenReport(documentId: string): void;
  /** Planners and police: follow an activity up from here too (most activities have no place). */
  onSetStatus?(activity: Activity, status: ActivityStatus): void;
  /** Planners: a new activity under a focus area; resolves true when it was saved. */
  onCreateActivity?(activity: Activity): Promise<boolean>;
}

const collator = new Intl.Collator('sv');

/** The second view: promise → focus areas → activities, including those with no place yet. */
export function PromiseTree({ index, documents, placesPerActivity, onShowActivity, onOpenReport, onSetStatus, onCreateActivity }: Props) {
  const [creatingIn, setCreatingIn] = useState<string | null>(null);
  const { t, language } = useI18n();
  const standings = useMemo(() => documentStandings([...index.documents.values()], swedishToday()), [index]);
  const sorted = [...documents].sort(
    (a, b) => collator.compare(a.municipality.name, b.municipality.name) || b.period.from.localeCompare(a.period.from),
  );
  return (
    <div className="promise-tree" role="region" aria-label={t.promisesLabel} tabIndex={0}>
      {sorted.map((document) => (
        <section key={document.id} aria-labelledby={`doc-${document.id}`} className="tree-document">
          <h3 id={`doc-${document.id}`}>
            {document.municipality.name}: {document.title}
          </h3>
          <p className="muted">
            {t.documentKinds[document.kind]} · {formatDate(document.period.from, language)} – {formatDate(document.period.to, language)} ·{' '}
            {document.policeArea}
          </p>
          <p>
            <CurrencyTag standing={standings.get(document.id)} titleOf={(id) => index.documents.get(id)?.title} />
          </p>
          <p>
            <button type="button" onClick={() => onOpenReport(document.id)}>
              {t.report.open(document.title)}
            </button>
          </p>
          <RecordHistory table="documents" id={document.id} headingId={`history-tree-${document.id}`} />
          <Progress activities={focusAreasOf(index, document).flatMap((area) => activitiesOf(index, area.id))} label={t.progress.ofPromise(document.title)} />
          {focusAreasOf(index, document).map((area) => (
            <div key={area.id} className="tree-area">
              <h4>{area.title}</h4>
              <Progress activities={activitiesOf(index, area.id)} label={t.progress.ofArea(area.title)} />
              <ul>
                {(index.activityIdsByFocusArea.get(area.id) ?? []).map((id) => index.activities.get(id)).filter(isActivity).map((activity) => (
                  <li key={activity.id}>
                    <span className="tree-activity">{activity.title}</span>{' '}
                    <ActivityPlaces activity={activity} sensitive={isSensitiveActivity(activity, lookupOf(index))} count={placesPerActivity.get(activity.id) ?? 0} onShow={onShowActivity} />{' '}
                    <span className="tag tag-status">{t.statusNames[activity.status]}</span>
                    {onSetStatus && (
                      <details className="tree-status">
                        <summary>{t.edit.changeStatusOf(activity.title)}</summary>
                        <StatusControl activity={activity} onSet={onSetStatus} />
                      </details>
                    )}
                  </li>
                ))}
              </ul>
              {onCreateActivity &&
                (creatingIn === area.id ? (
                  <ActivityForm
                    area={area}
                    onCancel={() => setCreatingIn(null)}
                    onSave={async (activity) => {
                      const saved = await onCreateActivity(activity);
                      if (saved) setCreatingIn(null);
                      return saved;
                    }}
                  />
                ) : (
                  <button type="button" onClick={() => setCreatingIn(area.id)}>
                    {t.activityForm.open(area.title)}
                  </button>
                ))}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

function ActivityPlaces({ activity, sensitive, count, onShow }: { activity: Activity; sensitive: boolean; count: number; onShow(id: string): void }) {
  const { t } = useI18n();
  if (sensitive) return <span className="tag tag-sensitive">{t.sensitiveNoPlace}</span>;
  if (!count) return <span className="tag tag-none">{t.noPlaceYet}</span>;
  return (
    <button type="button" className="link-button" onClick={() => onShow(activity.id)} aria-label={`${t.showPlaces}: ${activity.title}`}>
      {t.placesOfActivity(count)}
    </button>
  );
}

function focusAreasOf(index: DatasetIndex, document: PromiseDocument) {
  return [...index.focusAreas.values()].filter((f) => f.documentId === document.id);
}

const isActivity = (a: Activity | undefined): a is Activity => a !== undefined;

const activitiesOf = (index: DatasetIndex, areaId: string) => (index.activityIdsByFocusArea.get(areaId) ?? []).map((id) => index.activities.get(id)).filter(isActivity);
