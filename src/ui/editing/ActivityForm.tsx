import { useId, useState } from 'react';
import { recordFormsStrings } from '../strings/recordForms';
import { RESPONSIBLE_PARTIES, activitySchema, type Activity, type ResponsibleParty } from '../../domain/activity';
import type { FocusArea } from '../../domain/focusArea';
import type { ActivityStatus } from '../../domain/layers';
import { FormActions, FormErrors, StatusSelect } from './recordForm';
import { useI18n } from '../i18n';

interface Props {
  area: FocusArea;
  /** Given: edit this activity (the stored record: its id and status stay; status changes are follow-up entries). */
  initial?: Activity;
  onSave(activity: Activity): Promise<boolean>;
  onCancel(): void;
}

/**
 * A new activity under a focus area, as a planner writes it: title, challenge, measures, who is
 * responsible, status, target, and the words of the promise it carries out (so it stays
 * traceable to its document). Checked with the same schema as the shipped data, then by the
 * write door's rules (a sensitive focus area makes the activity sensitive).
 */
export function ActivityForm({ area, initial, onSave, onCancel }: Props) {
  const { t, language } = useI18n();
  const rf = recordFormsStrings(language);
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [challenge, setChallenge] = useState(initial?.challenge ?? '');
  const [measures, setMeasures] = useState((initial?.measures ?? []).join('\n'));
  const [parties, setParties] = useState<ResponsibleParty[]>(initial?.responsible.map((r) => r.party) ?? []);
  const [unit, setUnit] = useState(initial?.responsible.find((r) => r.unit)?.unit ?? '');
  const [status, setStatus] = useState<ActivityStatus>(initial?.status ?? 'planned');
  const [target, setTarget] = useState(initial?.target ?? '');
  const [quote, setQuote] = useState(initial?.quote ?? '');
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async () => {
    const problems: string[] = [];
    if (!title.trim()) problems.push(t.activityForm.needTitle);
    if (!parties.length) problems.push(t.activityForm.needResponsible);
    if (!quote.trim()) problems.push(t.activityForm.needQuote);
    const activity = {
      id: initial?.id ?? `${area.documentId}-a-${crypto.randomUUID().slice(0, 8)}`,
      documentId: area.documentId,
      focusAreaId: area.id,
      title: title.trim(),
      challenge: challenge.trim() || null,
      measures: measures.split('\n').map((m) => m.trim()).filter(Boolean),
      // Edited without touching the unit, each party keeps its own; a unit typed here applies to all.
      responsible: parties.map((party) => {
        const kept = initial?.responsible.find((r) => r.party === party);
        return { party, unit: kept && unit.trim() === (initial?.responsible.find((r) => r.unit)?.unit ?? '') ? kept.unit : unit.trim() || null };
      }),
      status,
      target: target.trim() || null,
      sensitive: area.sensitive,
      quote: quote.trim(),
    };
    const parsed = activitySchema.safeParse(activity);
    if (problems.length || !parsed.success) return setErrors(problems.length ? problems : [t.activityForm.invalid]);
    setErrors([]);
    await onSave(parsed.data);
  };

  return (
    <form
      className="activity-form"
      aria-labelledby={`${id}-title`}
      data-testid="activity-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h5 id={`${id}-title`}>{initial ? rf.editActivity(initial.title) : t.activityForm.title(area.title)}</h5>
      <FormErrors errors={errors} />
      <div className="field">
        <label htmlFor={`${id}-name`}>{t.activityForm.name}</label>
        <input id={`${id}-name`} value={title} maxLength={300} onChange={(e) => setTitle(e.currentTarget.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-challenge`}>{t.challenge}</label>
        <input id={`${id}-challenge`} value={challenge} maxLength={1000} onChange={(e) => setChallenge(e.currentTarget.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-measures`}>{t.measures}</label>
        <textarea id={`${id}-measures`} value={measures} rows={3} onChange={(e) => setMeasures(e.currentTarget.value)} aria-describedby={`${id}-measures-hint`} />
        <span id={`${id}-measures-hint`} className="muted">
          {t.edit.linesHint}
        </span>
      </div>
      <fieldset>
        <legend>{t.responsible}</legend>
        {RESPONSIBLE_PARTIES.map((party) => (
          <label key={party} className="facet-row">
            <input type="checkbox" checked={parties.includes(party)} onChange={(e) => setParties(e.currentTarget.checked ? [...parties, party] : parties.filter((p) => p !== party))} /> {t.parties[party]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-unit`}>{t.activityForm.unit}</label>
        <input id={`${id}-unit`} value={unit} maxLength={200} onChange={(e) => setUnit(e.currentTarget.value)} />
      </div>
      {!initial && <div className="field">
        <label htmlFor={`${id}-status`}>{t.status}</label>
        <StatusSelect id={`${id}-status`} value={status} onChange={setStatus} />
      </div>}
      <div className="field">
        <label htmlFor={`${id}-target`}>{t.target}</label>
        <input id={`${id}-target`} value={target} maxLength={500} onChange={(e) => setTarget(e.currentTarget.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-quote`}>{t.activityForm.quote}</label>
        <textarea id={`${id}-quote`} value={quote} rows={2} onChange={(e) => setQuote(e.currentTarget.value)} aria-describedby={`${id}-quote-hint`} />
        <span id={`${id}-quote-hint`} className="muted">
          {t.activityForm.quoteHint}
        </span>
      </div>
      <FormActions onCancel={onCancel} />
    </form>
  );
}
