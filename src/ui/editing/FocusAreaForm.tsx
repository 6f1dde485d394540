import { useId, useState } from 'react';
import { recordFormsStrings } from '../strings/recordForms';
import { focusAreaSchema, type FocusArea } from '../../domain/focusArea';
import { useI18n } from '../i18n';
import { Field, FormActions, FormErrors, newRecordId } from './recordForm';

interface Props {
  documentId: string;
  /** Given: edit this focus area (its id and document stay). */
  initial?: FocusArea;
  onSave(area: FocusArea): Promise<boolean>;
  onCancel(): void;
}

/**
 * A focus area of a document, new or edited: title, purpose, goal, whether it is sensitive (its
 * activities then never get a place), and the words of the document it stands for.
 */
export function FocusAreaForm({ documentId, initial, onSave, onCancel }: Props) {
  const { t, language } = useI18n();
  const rf = recordFormsStrings(language);
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [purpose, setPurpose] = useState(initial?.purpose ?? '');
  const [goal, setGoal] = useState(initial?.goal ?? '');
  const [sensitive, setSensitive] = useState(initial?.sensitive ?? false);
  const [quote, setQuote] = useState(initial?.quote ?? '');
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async () => {
    const problems: string[] = [];
    if (!title.trim()) problems.push(rf.needTitle);
    if (!quote.trim()) problems.push(t.activityForm.needQuote);
    const parsed = focusAreaSchema.safeParse({
      id: initial?.id ?? newRecordId(documentId, 'f'),
      documentId,
      title: title.trim(),
      purpose: purpose.trim() || null,
      goal: goal.trim() || null,
      sensitive,
      quote: quote.trim(),
    });
    if (problems.length || !parsed.success) return setErrors(problems.length ? problems : [rf.invalid]);
    setErrors([]);
    await onSave(parsed.data);
  };

  return (
    <form className="activity-form" aria-labelledby={`${id}-title`} data-testid="focus-area-form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <h4 id={`${id}-title`}>{initial ? rf.editArea(initial.title) : rf.newArea}</h4>
      <FormErrors errors={errors} />
      <Field id={`${id}-name`} label={rf.areaTitle}>
        <input id={`${id}-name`} value={title} maxLength={300} onChange={(e) => setTitle(e.currentTarget.value)} />
      </Field>
      <Field id={`${id}-purpose`} label={t.purpose}>
        <textarea id={`${id}-purpose`} value={purpose} rows={2} onChange={(e) => setPurpose(e.currentTarget.value)} />
      </Field>
      <Field id={`${id}-goal`} label={t.goal}>
        <textarea id={`${id}-goal`} value={goal} rows={2} onChange={(e) => setGoal(e.currentTarget.value)} />
      </Field>
      <label className="facet-row">
        <input type="checkbox" checked={sensitive} onChange={(e) => setSensitive(e.currentTarget.checked)} /> {rf.sensitive}
      </label>
      <Field id={`${id}-quote`} label={rf.quote} hint={t.activityForm.quoteHint}>
        <textarea id={`${id}-quote`} value={quote} rows={2} onChange={(e) => setQuote(e.currentTarget.value)} aria-describedby={`${id}-quote-hint`} />
      </Field>
      <FormActions onCancel={onCancel} />
    </form>
  );
}
