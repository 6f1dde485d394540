import { formatNumber } from '../i18n';

/** A labelled select, as every view's controls use it (kept apart from the views, so loading one does not load another). */
export function Select({ id, label, value, onChange, options }: { id: string; label: string; value: string; onChange(value: string): void; options: [string, string][] }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function metres(m: number, language: 'sv' | 'en'): string {
  return m >= 1000 ? `${formatNumber(Math.round(m / 100) / 10, language)} km` : `${formatNumber(Math.round(m), language)} m`;
}
