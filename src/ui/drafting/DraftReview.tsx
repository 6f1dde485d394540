import { useId, useMemo, useState } from 'react';
import { recordFormsStrings } from '../strings/recordForms';
import { RESPONSIBLE_PARTIES } from '../../domain/activity';
import type { ChangeSet } from '../../domain/changes';
import type { PromiseDocument } from '../../domain/promiseDocument';
import type { Text } from '../../domain/text';
import type { DocumentDraft } from '../../io/draftDocument/types';
import { DocumentForm } from '../editing/DocumentForm';
import { StatusSelect } from '../editing/recordForm';
import { useI18n } from '../i18n';
import { useDraftingStrings } from '../strings/drafting';
import { activityChoices, activityProblems, areaChoices, areaProblems, draftChange, type ActivityChoice, type AreaChoice, type ChoiceProblem } from './draftRecords';

interface Props {
  draft: DocumentDraft;
  /** The text the draft was read from: every quote must occur in it. */
  text: string;
  municipalities: readonly { code: string; name: string }[];
  onSave(change: ChangeSet): Promise<boolean>;
  onCancel(): void;
}

/**
 * The planner confirms a draft part by part: first the document (the same form as a new one),
 * then its focus areas, then its activities. Each part can be edited or left out; nothing is
 * saved until the last step, and then all of it as one undoable change.
 */
export function DraftReview({ draft, text, municipalities, onSave, onCancel }: Props) {
  const drafting = useDraftingStrings();
  const [document, setDocument] = useState<PromiseDocument | null>(null);
  const [areasConfirmed, setAreasConfirmed] = useState(false);
  const [areas, setAreas] = useState<AreaChoice[]>(() => areaChoices(draft));
  const [activities, setActivities] = useState<ActivityChoice[]>(() => activityChoices(draft));
  const [tried, setTried] = useState(false);
  const start = useMemo(() => documentStart(draft), [draft]);

  if (!document)
    return (
      <div data-testid="draft-review">
        <DraftNotes notes={draft.notes} />
        <p className="muted">{drafting.step(1, drafting.stepDocument)}</p>
        <DocumentForm municipalities={municipalities} draft={start} onCancel={onCancel} onSave={async (d) => (setDocument(d), true)} />
      </div>
    );

  const areaIssues = areas.map((a) => areaProblems(a, text));
  const activityIssues = activities.map((a) => activityProblems(a, areas, text));
  const blocked = (issues: ChoiceProblem[][]) => issues.some((i) => i.length > 0);

  if (!areasConfirmed)
    return (
      <section className="activity-form" data-testid="draft-review" aria-labelledby="draft-areas-title">
        <p className="muted">{drafting.step(2, drafting.stepAreas)}</p>
        <h3 id="draft-areas-title">{drafting.areasTitle(areas.length)}</h3>
        {areas.map((area, i) => (
          <AreaCard key={i} area={area} problems={tried ? areaIssues[i]! : []} onChange={(next) => setAreas(areas.map((a, j) => (j === i ? next : a)))} />
        ))}
        <div className="dialog-actions">
          <button type="button" onClick={() => setDocument(null)}>
            {drafting.back}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => {
              setTried(true);
              if (!blocked(areaIssues) && areas.some((a) => a.include)) (setAreasConfirmed(true), setTried(false));
            }}
          >
            {drafting.confirmAreas}
          </button>
        </div>
        {tried && !areas.some((a) => a.include) && <p role="alert">{drafting.needOneArea}</p>}
      </section>
    );

  const included = activities.filter((a) => a.include).length;
  return (
    <section className="activity-form" data-testid="draft-review" aria-labelledby="draft-activities-title">
      <p className="muted">{drafting.step(3, drafting.stepActivities)}</p>
      <h3 id="draft-activities-title">{drafting.activitiesTitle(activities.length)}</h3>
      {activities.map((activity, i) => (
        <ActivityCard key={i} activity={activity} areas={areas} problems={tried ? activityIssues[i]! : []} onChange={(next) => setActivities(activities.map((a, j) => (j === i ? next : a)))} />
      ))}
      {tried && blocked(activityIssues) && <p role="alert">{drafting.fixMarked}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={() => setAreasConfirmed(false)}>
          {drafting.back}
        </button>
        <button
          type="button"
          className="primary"
          onClick={async () => {
            setTried(true);
            if (blocked(activityIssues)) return;
            await onSave(draftChange(drafting.label(document.title), document, areas, activities, () => crypto.randomUUID().slice(0, 8)));
          }}
        >
          {drafting.saveAll(areas.filter((a) => a.include).length, included)}
        </button>
      </div>
    </section>
  );
}

function documentStart(draft: DocumentDraft): Partial<PromiseDocument> {
  const d = draft.document;
  return {
    kind: d.kind ?? undefined,
    title: d.title ?? undefined,
    municipality: d.municipality?.code ? { code: d.municipality.code, name: d.municipality.name } : undefined,
    policeArea: d.policeArea ?? undefined,
    period: d.period ?? undefined,
    periodNote: d.periodNote,
    signedDate: d.signedDate,
    signatories: d.signatories,
    sources: d.sources,
    followUp: d.followUp,
    sourceFile: d.sourceFile,
    quote: d.quote ?? undefined,
  };
}

function DraftNotes({ notes }: { notes: readonly Text[] }) {
  const { language } = useI18n();
  const drafting = useDraftingStrings();
  if (!notes.length) return null;
  return (
    <div className="notice">
      <p>{drafting.notesTitle}</p>
      {/* In the UI's language; the names and quotes they cite stay as the document writes them. */}
      <ul>
        {notes.map((n) => (
          <li key={n.sv}>{n[language]}</li>
        ))}
      </ul>
    </div>
  );
}

function Problems({ id, problems }: { id: string; problems: readonly ChoiceProblem[] }) {
  const drafting = useDraftingStrings();
  if (!problems.length) return null;
  return (
    <ul id={id} className="form-errors">
      {problems.map((p) => (
        <li key={p}>{drafting.problems[p]}</li>
      ))}
    </ul>
  );
}

function AreaCard({ area, problems, onChange }: { area: AreaChoice; problems: ChoiceProblem[]; onChange(a: AreaChoice): void }) {
  const { t, language } = useI18n();
  const drafting = useDraftingStrings();
  const rf = recordFormsStrings(language);
  const id = useId();
  return (
    <fieldset className="draft-card" data-testid="draft-area" aria-invalid={problems.length ? true : undefined} aria-describedby={problems.length ? `${id}-problems` : undefined}>
      <legend>
        <label>
          <input type="checkbox" checked={area.include} onChange={(e) => onChange({ ...area, include: e.currentTarget.checked })} /> {drafting.include}: {area.title || t.notGiven}
        </label>
      </legend>
      {area.include && (
        <>
          <Problems id={`${id}-problems`} problems={problems} />
          <label htmlFor={`${id}-title`}>{rf.areaTitle}</label>
          <input id={`${id}-title`} value={area.title} onChange={(e) => onChange({ ...area, title: e.currentTarget.value })} />
          <label htmlFor={`${id}-quote`}>{rf.quote}</label>
          <textarea id={`${id}-quote`} rows={2} value={area.quote} onChange={(e) => onChange({ ...area, quote: e.currentTarget.value })} />
          <label className="facet-row">
            <input type="checkbox" checked={area.sensitive} onChange={(e) => onChange({ ...area, sensitive: e.currentTarget.checked })} /> {rf.sensitive}
          </label>
        </>
      )}
    </fieldset>
  );
}

function ActivityCard({ activity, areas, problems, onChange }: { activity: ActivityChoice; areas: readonly AreaChoice[]; problems: ChoiceProblem[]; onChange(a: ActivityChoice): void }) {
  const { t } = useI18n();
  const drafting = useDraftingStrings();
  const id = useId();
  return (
    <fieldset className="draft-card" data-testid="draft-activity" aria-invalid={problems.length ? true : undefined} aria-describedby={problems.length ? `${id}-problems` : undefined}>
      <legend>
        <label>
          <input type="checkbox" checked={activity.include} onChange={(e) => onChange({ ...activity, include: e.currentTarget.checked })} /> {drafting.include}: {activity.title || t.notGiven}
        </label>
      </legend>
      {activity.include && (
        <>
          <Problems id={`${id}-problems`} problems={problems} />
          <label htmlFor={`${id}-title`}>{t.activityForm.name}</label>
          <input id={`${id}-title`} value={activity.title} onChange={(e) => onChange({ ...activity, title: e.currentTarget.value })} />
          <label htmlFor={`${id}-area`}>{t.focusArea}</label>
          <select id={`${id}-area`} value={activity.area ?? ''} onChange={(e) => onChange({ ...activity, area: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })}>
            <option value="">{drafting.chooseArea}</option>
            {areas.map((a, i) =>
              a.include ? (
                <option key={i} value={i}>
                  {a.title}
                </option>
              ) : null,
            )}
          </select>
          <fieldset>
            <legend>{t.responsible}</legend>
            {RESPONSIBLE_PARTIES.map((party) => (
              <label key={party} className="facet-row">
                <input
                  type="checkbox"
                  checked={activity.responsible.some((r) => r.party === party)}
                  onChange={(e) =>
                    onChange({ ...activity, responsible: e.currentTarget.checked ? [...activity.responsible, { party, unit: null }] : activity.responsible.filter((r) => r.party !== party) })
                  }
                />{' '}
                {t.parties[party]}
              </label>
            ))}
          </fieldset>
          <label htmlFor={`${id}-status`}>{t.status}</label>
          <StatusSelect id={`${id}-status`} value={activity.status} onChange={(status) => onChange({ ...activity, status })} />
          <label htmlFor={`${id}-quote`}>{t.activityForm.quote}</label>
          <textarea id={`${id}-quote`} rows={2} value={activity.quote} onChange={(e) => onChange({ ...activity, quote: e.currentTarget.value })} />
        </>
      )}
    </fieldset>
  );
}
