import { useId, useState } from 'react';
import { recordFormsStrings } from '../strings/recordForms';
import { contactsStrings } from '../strings/contacts';
import { contactIdOf, contactSchema, type Contact } from '../../domain/contact';
import type { Municipality } from '../../domain/promiseDocument';
import { useI18n } from '../i18n';
import { Field, FormActions, FormErrors } from './recordForm';

interface Props {
  municipality: Municipality;
  initial?: Contact;
  onSave(contact: Contact): Promise<boolean>;
  onCancel(): void;
}

const orNull = (text: string) => text.trim() || null;

/**
 * Whom citizens contact in a municipality (issue 13): what the public site's page shows. The
 * schema in src/domain decides; its issues are named here in the UI language, field by field.
 */
export function ContactForm({ municipality, initial, onSave, onCancel }: Props) {
  const { language } = useI18n();
  const rf = recordFormsStrings(language);
  const s = contactsStrings(language);
  const id = useId();
  const [organisation, setOrganisation] = useState(initial?.organisation ?? '');
  const [email, setEmail] = useState(initial?.email ?? '');
  const [phone, setPhone] = useState(initial?.phone ?? '');
  const [web, setWeb] = useState(initial?.web ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [errors, setErrors] = useState<string[]>([]);

  const submit = async () => {
    const parsed = contactSchema.safeParse({
      id: contactIdOf(municipality.code),
      municipality,
      organisation: organisation.trim(),
      email: orNull(email),
      phone: orNull(phone),
      web: orNull(web),
      note: orNull(note),
      updatedAt: new Date().toISOString(),
    });
    if (!parsed.success) {
      const messages = parsed.error.issues.map((issue) => {
        const field = issue.path[0];
        if (issue.code === 'too_big') return s.tooLong;
        if (field === 'organisation') return s.needOrganisation;
        if (field === 'phone') return s.badPhone;
        if (field === 'web') return s.badWeb;
        if (field === 'email') return issue.code === 'custom' ? s.needOneWay : s.badEmail;
        return rf.invalid;
      });
      return setErrors([...new Set(messages)]);
    }
    setErrors([]);
    await onSave(parsed.data);
  };

  return (
    <form className="activity-form" noValidate aria-labelledby={`${id}-title`} data-testid="contact-form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <h3 id={`${id}-title`}>{s.formTitle(municipality.name)}</h3>
      <p className="muted">{s.help}</p>
      <FormErrors errors={errors} />
      <Field id={`${id}-org`} label={s.organisation}>
        <input id={`${id}-org`} value={organisation} maxLength={200} onChange={(e) => setOrganisation(e.currentTarget.value)} />
      </Field>
      <Field id={`${id}-email`} label={s.email}>
        <input id={`${id}-email`} type="email" autoComplete="off" value={email} maxLength={200} onChange={(e) => setEmail(e.currentTarget.value)} />
      </Field>
      <Field id={`${id}-phone`} label={s.phone}>
        <input id={`${id}-phone`} type="tel" autoComplete="off" value={phone} maxLength={20} onChange={(e) => setPhone(e.currentTarget.value)} />
      </Field>
      <Field id={`${id}-web`} label={s.web}>
        <input id={`${id}-web`} type="url" value={web} maxLength={300} onChange={(e) => setWeb(e.currentTarget.value)} />
      </Field>
      <Field id={`${id}-note`} label={s.note} hint={s.noteHint}>
        <textarea id={`${id}-note`} aria-describedby={`${id}-note-hint`} value={note} rows={2} maxLength={500} onChange={(e) => setNote(e.currentTarget.value)} />
      </Field>
      <FormActions onCancel={onCancel} />
    </form>
  );
}
