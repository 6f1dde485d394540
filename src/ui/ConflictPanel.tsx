import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDatabase, store } from '../data/store';
import { readOpenConflict } from '../data/sync/conflicts';
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
