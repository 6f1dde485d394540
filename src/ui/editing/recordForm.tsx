import type { ReactNode } from 'react';
import { ACTIVITY_STATUSES, type ActivityStatus } from '../../domain/layers';
import { useI18n } from '../i18n';

/** The parts every record form shares: its errors as one alert, a labelled field, save and cancel. */
export function FormErrors({ errors }: { errors: readonly string[] }) {
  if (!errors.length) return null;
  return (
    <div role="alert" className="form-errors">
      <ul>
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

export function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <span id={`${id}-hint`} className="muted">
          {hint}
        </span>
      )}
    </div>
  );
}

/** Lines of a textarea, trimmed, empty ones dropped. */
export const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** A short, readable, unique id for a new record: `nacka-2027-a-1f3c9b2e`. */
export const newRecordId = (prefix: string, kind: string) => `${prefix}-${kind}-${crypto.randomUUID().slice(0, 8)}`;

/** Cancel and save, at the end of every record form. */
export function FormActions({ onCancel }: { onCancel(): void }) {
  const { t } = useI18n();
  return (
    <div className="dialog-actions">
      <button type="button" onClick={onCancel}>
        {t.edit.cancel}
      </button>
      <button type="submit" className="primary">
        {t.edit.save}
      </button>
    </div>
  );
}

/** An activity's status, by its name in the UI language. */
export function StatusSelect({ id, value, onChange }: { id: string; value: ActivityStatus; onChange(status: ActivityStatus): void }) {
  const { t } = useI18n();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as ActivityStatus)}>
      {ACTIVITY_STATUSES.map((s) => (
        <option key={s} value={s}>
          {t.statusNames[s]}
        </option>
      ))}
    </select>
  );
}
