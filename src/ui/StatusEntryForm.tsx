import { useId, useState, type FormEvent } from 'react';
import type { Activity } from '../domain/activity';
import { swedishToday } from '../domain/currency';
import type { ActivityStatus } from '../domain/layers';
import { StatusSelect } from './editing/recordForm';
import { useI18n } from './i18n';

export interface NewStatusEntry {
  date: string;
  status: ActivityStatus;
  note: string | null;
}

/**
 * Follows an activity up: a dated entry (status, what happened) added to its timeline. Adding
 * is all one can do; a mistake is corrected by a later entry or undone at once.
 */
export function StatusEntryForm({ activity, onAdd }: { activity: Activity; onAdd(activity: Activity, entry: NewStatusEntry): Promise<boolean> }) {
  const { t } = useI18n();
  const id = useId();
  const today = swedishToday();
  const [status, setStatus] = useState<ActivityStatus>(activity.status);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Follow-up reports what happened: a date in the future is a plan, not an entry.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError(t.statusEntry.badDate);
    if (date > today) return setError(t.statusEntry.futureDate);
    setError(null);
    setBusy(true);
    const saved = await onAdd(activity, { date, status, note: note.trim() || null });
    setBusy(false);
    if (saved) setNote('');
  };

  return (
    <form className="status-control" noValidate onSubmit={(e) => void submit(e)} aria-label={t.statusEntry.formLabel(activity.title)}>
      <label htmlFor={`${id}-status`}>{t.statusEntry.status}</label>
      <StatusSelect id={`${id}-status`} value={status} onChange={setStatus} />
      <label htmlFor={`${id}-date`}>{t.statusEntry.date}</label>
      <input id={`${id}-date`} type="date" value={date} max={today} required onChange={(e) => setDate(e.currentTarget.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      <label htmlFor={`${id}-note`}>{t.statusEntry.note}</label>
      <textarea id={`${id}-note`} value={note} maxLength={2000} rows={2} onChange={(e) => setNote(e.currentTarget.value)} />
      <button type="submit" disabled={busy}>
        {t.statusEntry.add}
      </button>
      {error && (
        <p id={`${id}-error`} role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}
