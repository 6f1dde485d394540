import { useId, useState } from 'react';
import { recordFormsStrings } from '../strings/recordForms';
import { DOCUMENT_KINDS, SOURCE_KINDS, promiseDocumentSchema, type DocumentKind, type PromiseDocument } from '../../domain/promiseDocument';
import { useI18n } from '../i18n';
import { Field, FormActions, FormErrors, lines, newRecordId } from './recordForm';

interface Props {
  /** Kommunkod → name: the municipalities this planner may write for. */
  municipalities: readonly { code: string; name: string }[];
  /** Given: edit this document (its id stays). */
  initial?: PromiseDocument;
  /** A draft's guesses (from a pasted or uploaded text), to review before saving. */
  draft?: Partial<PromiseDocument>;
  onSave(document: PromiseDocument): Promise<boolean>;
  onCancel(): void;
}

const SOURCE_KIND_SET = new Set<string>(SOURCE_KINDS);

/**
 * A medborgarlöfte (or plan / agreement) as a planner enters it: what it is, for which
 * municipality and police area, when it is valid, who signed it, what it builds on, how it is
 * followed up, and the words of the document that say so. Checked with the shipped data's schema.
 */
export function DocumentForm({ municipalities, initial, draft, onSave, onCancel }: Props) {
  const { t, language } = useI18n();
  const rf = recordFormsStrings(language);
  const id = useId();
  const start = initial ?? draft;
  const [kind, setKind] = useState<DocumentKind>(start?.kind ?? 'medborgarlofte');
  const [title, setTitle] = useState(start?.title ?? '');
  const [code, setCode] = useState(start?.municipality?.code ?? municipalities[0]?.code ?? '');
  const [policeArea, setPoliceArea] = useState(start?.policeArea ?? '');
  const [from, setFrom] = useState(start?.period?.from ?? '');
  const [to, setTo] = useState(start?.period?.to ?? '');
  const [periodNote, setPeriodNote] = useState(start?.periodNote ?? '');
  const [signedDate, setSignedDate] = useState(start?.signedDate ?? '');
  const [signatories, setSignatories] = useState((start?.signatories ?? []).map((s) => `${s.name}, ${s.role}`).join('\n'));
  const [sources, setSources] = useState<string[]>(start?.sources ?? []);
  const [followUp, setFollowUp] = useState(start?.followUp ?? '');
  const [sourceFile, setSourceFile] = useState(start?.sourceFile ?? '');
  const [quote, setQuote] = useState(start?.quote ?? '');
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async () => {
    const problems: string[] = [];
    const municipality = municipalities.find((m) => m.code === code);
    if (!title.trim()) problems.push(rf.needTitle);
    if (!municipality) problems.push(rf.needMunicipality);
    if (!policeArea.trim()) problems.push(rf.needPoliceArea);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) problems.push(rf.needPeriod);
    else if (from > to) problems.push(rf.periodOrder);
    const people = lines(signatories).map((line) => {
      const [name, ...role] = line.split(',');
      return { name: (name ?? '').trim(), role: role.join(',').trim() };
    });
    if (people.some((p) => !p.name || !p.role)) problems.push(rf.signatoryFormat);
    if (!sourceFile.trim()) problems.push(rf.needSourceFile);
    if (!quote.trim()) problems.push(t.activityForm.needQuote);
    if (problems.length) return setErrors(problems);
    const parsed = promiseDocumentSchema.safeParse({
      id: initial?.id ?? newRecordId(`${(municipality?.name ?? code).toLowerCase().replace(/[^a-zåäö0-9]+/g, '-')}-${from.slice(0, 4)}`, 'd'),
      kind,
      title: title.trim(),
      municipality,
      policeArea: policeArea.trim(),
      period: { from, to },
      periodNote: periodNote.trim() || null,
      signedDate: signedDate || null,
      signatories: people,
      sources: sources.filter((s) => SOURCE_KIND_SET.has(s)),
      followUp: followUp.trim() || null,
      sourceFile: sourceFile.trim(),
      quote: quote.trim(),
    });
    if (!parsed.success) return setErrors([rf.invalid]);
    setErrors([]);
    await onSave(parsed.data);
  };

  return (
    <form className="activity-form" aria-labelledby={`${id}-title`} data-testid="document-form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <h3 id={`${id}-title`}>{initial ? rf.editDocument(initial.title) : rf.newDocument}</h3>
      <FormErrors errors={errors} />
      <Field id={`${id}-kind`} label={rf.kind}>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as DocumentKind)}>
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.documentKinds[k]}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-name`} label={rf.documentTitle}>
        <input id={`${id}-name`} value={title} maxLength={300} onChange={(e) => setTitle(e.currentTarget.value)} />
      </Field>
      <Field id={`${id}-municipality`} label={t.municipality}>
        <select id={`${id}-municipality`} value={code} onChange={(e) => setCode(e.currentTarget.value)}>
          {municipalities.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name} ({m.code})
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-police`} label={t.policeArea}>
        <input id={`${id}-police`} value={policeArea} maxLength={200} onChange={(e) => setPoliceArea(e.currentTarget.value)} />
      </Field>
      <fieldset>
        <legend>{t.period}</legend>
        <Field id={`${id}-from`} label={rf.from}>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        </Field>
        <Field id={`${id}-to`} label={rf.to}>
          <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </Field>
        <Field id={`${id}-period-note`} label={rf.periodNote}>
          <input id={`${id}-period-note`} value={periodNote} maxLength={300} onChange={(e) => setPeriodNote(e.currentTarget.value)} />
        </Field>
      </fieldset>
      <Field id={`${id}-signed`} label={rf.signedDate}>
        <input id={`${id}-signed`} type="date" value={signedDate} onChange={(e) => setSignedDate(e.currentTarget.value)} />
      </Field>
      <Field id={`${id}-signatories`} label={rf.signatories} hint={rf.signatoriesHint}>
        <textarea id={`${id}-signatories`} value={signatories} rows={2} onChange={(e) => setSignatories(e.currentTarget.value)} aria-describedby={`${id}-signatories-hint`} />
      </Field>
      <fieldset>
        <legend>{rf.sources}</legend>
        {SOURCE_KINDS.map((source) => (
          <label key={source} className="facet-row">
            <input type="checkbox" checked={sources.includes(source)} onChange={(e) => setSources(e.currentTarget.checked ? [...sources, source] : sources.filter((s) => s !== source))} />{' '}
            {rf.sourceNames[source]}
          </label>
        ))}
      </fieldset>
      <Field id={`${id}-follow-up`} label={rf.followUp}>
        <input id={`${id}-follow-up`} value={followUp} maxLength={500} onChange={(e) => setFollowUp(e.currentTarget.value)} />
      </Field>
      <Field id={`${id}-source-file`} label={rf.sourceFile} hint={rf.sourceFileHint}>
        <input id={`${id}-source-file`} value={sourceFile} maxLength={300} onChange={(e) => setSourceFile(e.currentTarget.value)} aria-describedby={`${id}-source-file-hint`} />
      </Field>
      <Field id={`${id}-quote`} label={rf.quote} hint={t.activityForm.quoteHint}>
        <textarea id={`${id}-quote`} value={quote} rows={2} onChange={(e) => setQuote(e.currentTarget.value)} aria-describedby={`${id}-quote-hint`} />
      </Field>
      <FormActions onCancel={onCancel} />
    </form>
  );
}
