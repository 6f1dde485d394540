import type { Activity } from '../domain/activity';
import { recordFormsStrings } from './strings/recordForms';
import { reportStrings } from './strings/report';
import type { DatasetIndex } from '../domain/dataset';
import type { PromiseDocument } from '../domain/promiseDocument';
import { lookupOf } from '../domain/rules/lookup';
import { isSensitiveActivity } from '../domain/rules/sensitivePlace';
import { useMemo } from 'react';
import { useTreeForms, type TreeEditing } from './editing/TreeForms';
import { documentStandings, swedishToday } from '../domain/currency';
import { CurrencyTag } from './CurrencyTag';
import { RecordHistory } from './RecordHistory';
import { ActivityFollowUp, type FollowUp } from './StatusTimeline';
import { Progress } from './Progress';
import { ContactsSection } from './ContactsSection';
import type { Contact } from '../domain/contact';
import { formatDate, useI18n } from './i18n';
import { useDraftingStrings } from './strings/drafting';

interface Props {
  index: DatasetIndex;
  documents: readonly PromiseDocument[];
  /** How many places (after filters) each activity has; absent means none. */
  placesPerActivity: ReadonlyMap<string, number>;
  onShowActivity(activityId: string): void;
  onOpenReport(documentId: string): void;
  /** Planners and police follow activities up from here too (most activities have no place). */
  followUp: FollowUp;
  /** Planners: documents, focus areas and activities, new and edited (absent: read-only). */
  editing?: TreeEditing;
  /** Whom citizens contact, per municipality (published on the public site). */
  contacts?: readonly Contact[];
}

const collator = new Intl.Collator('sv');

/** The second view: promise → focus areas → activities, including those with no place yet. */
export function PromiseTree({ index, documents, placesPerActivity, onShowActivity, onOpenReport, followUp, editing, contacts = [] }: Props) {
  const forms = useTreeForms(editing);
  const mayEdit = (document: PromiseDocument) => editing?.mayEdit(document.municipality.code) ?? false;
  const { t, language } = useI18n();
  const drafting = useDraftingStrings();
  const rf = recordFormsStrings(language);
  const rs = reportStrings(language);
  const standings = useMemo(() => documentStandings([...index.documents.values()], swedishToday()), [index]);
  const year = Number(swedishToday().slice(0, 4));
  const sorted = [...documents].sort(
    (a, b) => collator.compare(a.municipality.name, b.municipality.name) || b.period.from.localeCompare(a.period.from),
  );
  const municipalities = [...new Map(sorted.map((d) => [d.municipality.code, d.municipality])).values()];
  return (
    <div className="promise-tree" role="region" aria-label={t.promisesLabel} tabIndex={0}>
      {municipalities.length > 0 && <ContactsSection municipalities={municipalities} contacts={contacts} editing={editing} />}
      {editing &&
        (forms.is({ kind: 'new-document' }) ? (
          forms.documentForm()
        ) : forms.is({ kind: 'draft' }) ? (
          forms.draftFlow()
        ) : (
          <p>
            <button type="button" onClick={() => forms.show({ kind: 'new-document' })}>
              {rf.openNewDocument}
            </button>{' '}
            <button type="button" onClick={() => forms.show({ kind: 'draft' })}>
              {drafting.open}
            </button>
          </p>
        ))}
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
              {rs.open(document.title)}
            </button>{' '}
            {mayEdit(document) && (
              <>
                <button type="button" onClick={() => forms.show({ kind: 'document', id: document.id })}>
                  {rf.openEditDocument(document.title)}
                </button>{' '}
                <button type="button" onClick={() => forms.show({ kind: 'new-area', documentId: document.id })}>
                  {rf.openNewArea(document.title)}
                </button>
              </>
            )}
          </p>
          {forms.is({ kind: 'document', id: document.id }) && forms.documentForm(document)}
          {forms.is({ kind: 'new-area', documentId: document.id }) && forms.areaForm(document.id)}
          <RecordHistory table="documents" id={document.id} headingId={`history-tree-${document.id}`} />
          <Progress activities={focusAreasOf(index, document).flatMap((area) => activitiesOf(index, area.id))} entries={index.statusEntriesByActivity} year={year} label={t.progress.ofPromise(document.title)} />
          {focusAreasOf(index, document).map((area) => (
            <div key={area.id} className="tree-area">
              <h4>{area.title}</h4>
              {mayEdit(document) &&
                (forms.is({ kind: 'area', id: area.id }) ? (
                  forms.areaForm(document.id, area)
                ) : (
                  <button type="button" className="link-button" onClick={() => forms.show({ kind: 'area', id: area.id })}>
                    {rf.openEditArea(area.title)}
                  </button>
                ))}
              <Progress activities={activitiesOf(index, area.id)} entries={index.statusEntriesByActivity} year={year} label={t.progress.ofArea(area.title)} />
              <ul>
                {(index.activityIdsByFocusArea.get(area.id) ?? []).map((id) => index.activities.get(id)).filter(isActivity).map((activity) => (
                  <li key={activity.id}>
                    <span className="tree-activity">{activity.title}</span>{' '}
                    <ActivityPlaces activity={activity} sensitive={isSensitiveActivity(activity, lookupOf(index))} count={placesPerActivity.get(activity.id) ?? 0} onShow={onShowActivity} />{' '}
                    <span className="tag tag-status">{t.statusNames[activity.status]}</span>
                    <details className="tree-status">
                      <summary>{t.statusEntry.followUp(activity.title)}</summary>
                      <ActivityFollowUp activity={activity} followUp={followUp} />
                    </details>
                    {mayEdit(document) && editing?.storedActivity(activity.id) && (
                      forms.is({ kind: 'activity', id: activity.id }) ? (
                        forms.activityForm(area, editing.storedActivity(activity.id))
                      ) : (
                        <button type="button" className="link-button" onClick={() => forms.show({ kind: 'activity', id: activity.id })}>
                          {rf.openEditActivity(activity.title)}
                        </button>
                      )
                    )}
                  </li>
                ))}
              </ul>
              {mayEdit(document) &&
                (forms.is({ kind: 'new-activity', areaId: area.id }) ? (
                  forms.activityForm(area)
                ) : (
                  <button type="button" onClick={() => forms.show({ kind: 'new-activity', areaId: area.id })}>
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
