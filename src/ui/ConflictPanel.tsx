import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { ChangeRejected, getDatabase, store } from '../data/store';
import { readOpenConflict, readRejected } from '../data/sync/conflicts';
import type { Issue } from '../domain/result';
import { rejectionText } from './rejection';
import { DifferenceTable } from './DifferenceTable';
import { useI18n } from './i18n';

/**
 * Someone else changed a record my queued change was based on: mine and theirs side by side,
 * field by field, and the user chooses. Nothing is overwritten before that.
 */
export function ConflictPanel() {
  const { t } = useI18n();
  const conflict = useLiveQuery(() => readOpenConflict(getDatabase()).catch(() => null), [], null);
  const [busy, setBusy] = useState(false);
  if (!conflict) return null;
  const choose = (action: typeof store.keepMine) => {
    setBusy(true);
    void action(conflict).finally(() => setBusy(false));
  };
  return (
    <section className="conflict-panel" role="alertdialog" aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title">{t.team.conflictTitle(conflict.entry.change.label)}</h2>
      <p>{t.team.conflictHelp}</p>
      {conflict.records.map((record) => (
        <DifferenceTable key={`${record.table}/${record.id}`} id={record.id} mine={record.mine} theirs={record.current} />
      ))}
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => choose(store.takeTheirs)}>
          {t.team.takeTheirs}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => choose(store.keepMine)}>
          {t.team.keepMine}
        </button>
      </div>
    </section>
  );
}

/**
 * The server refused a queued change for good (403 or 422): why, in the UI's language, and the
 * way on. Without it every later change would wait behind this one forever.
 */
export function RejectedPanel() {
  const { t, language } = useI18n();
  const entry = useLiveQuery(() => readRejected(getDatabase()).catch(() => null), [], null);
  const [busy, setBusy] = useState(false);
  if (!entry) return null;
  const issues = ((entry.detail as { issues?: Issue[] } | null)?.issues ?? []).slice(0, 10);
  return (
    <section className="conflict-panel" role="alertdialog" aria-labelledby="rejected-title" data-testid="rejected">
      <h2 id="rejected-title">{t.team.rejectedTitle(entry.change.label)}</h2>
      <p>{t.team.rejectedHelp}</p>
      <p>{rejectionText(new ChangeRejected(issues), t, language)}</p>
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void store.dropRejected(entry).finally(() => setBusy(false));
          }}
        >
          {t.team.dropRejected}
        </button>
      </div>
    </section>
  );
}
