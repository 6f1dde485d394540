import { useContext, useState } from 'react';
import { RecordHistoryContext } from './recordHistoryContext';
import type { RecordTable } from '../domain/changes';
import type { RecordHistoryEntry } from '../domain/sync/recordHistory';
import { fieldLabel } from './DifferenceTable';
import { useI18n } from './i18n';

/**
 * Who did what to one record, read when the user opens it (a record's history is looked at
 * rarely, so it is not fetched for every panel that opens).
 */
export function RecordHistory({ table, id, headingId }: { table: RecordTable; id: string; headingId: string }) {
  const { t, language } = useI18n();
  const source = useContext(RecordHistoryContext);
  const [state, setState] = useState<{ kind: 'closed' } | { kind: 'loading' } | { kind: 'failed' } | { kind: 'loaded'; entries: RecordHistoryEntry[] }>({ kind: 'closed' });
  if (!source) return null;
  const load = () => {
    setState({ kind: 'loading' });
    source
      .read(table, id)
      .then((entries) => setState({ kind: 'loaded', entries }))
      .catch(() => setState({ kind: 'failed' }));
  };
  const when = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <details
      className="record-history"
      data-testid={`history-${table}`}
      onToggle={(e) => {
        if (e.currentTarget.open && state.kind !== 'loaded') load();
      }}
    >
      <summary id={headingId}>{source.kind === 'team' ? t.history.titleTeam(table) : t.history.titleLocal(table)}</summary>
      {state.kind === 'loading' && <p className="muted">{t.history.loading}</p>}
      {state.kind === 'failed' && <p role="alert">{t.history.failed}</p>}
      {state.kind === 'loaded' && state.entries.length === 0 && <p className="muted">{t.history.none}</p>}
      {state.kind === 'loaded' && state.entries.length > 0 && (
        <ol aria-labelledby={headingId}>
          {state.entries.map((entry) => (
            <li key={entry.seq}>
              <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time> · {entry.author || t.history.thisBrowser}: {t.history.kinds[entry.kind]}
              {entry.kind === 'changed' && entry.fields.length > 0 && <> ({entry.fields.map((f) => fieldLabel(t, f)).join(', ')})</>}
              <span className="muted"> – {entry.label}</span>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
