import { useEffect, useRef, useState } from 'react';
import { useI18n } from './i18n';
import { rejectionText } from './rejection';
import type { JoinChoice } from './useTeamSync';

/**
 * The first connection of a browser with edits of its own: say what will happen to them, and
 * do what the user chooses. Edits the user may not send are named, and saved in a file.
 */
export function JoinDialog({ choice }: { choice: JoinChoice }) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const run = (action: () => Promise<void>) => {
    setBusy(true);
    setFailed(null);
    action()
      .catch((error: unknown) => setFailed(rejectionText(error, t, language)))
      .finally(() => setBusy(false));
  };
  const { edits } = choice;
  return (
    <section className="conflict-panel" role="alertdialog" aria-labelledby="join-title" aria-describedby="join-help" data-testid="join">
      <h2 id="join-title" tabIndex={-1} ref={heading}>
        {t.team.join.title}
      </h2>
      <p id="join-help">{t.team.join.help(edits.count)}</p>
      <p>{t.team.join.uploadHelp}</p>
      <p>{t.team.join.apartHelp}</p>
      {edits.refused.length > 0 && (
        <>
          <p>{t.team.join.refused(edits.refused.length)}</p>
          <ul>
            {edits.refused.map((r) => (
              <li key={`${r.table}/${r.id}`}>{nameOf(edits.all, r.table, r.id)}</li>
            ))}
          </ul>
        </>
      )}
      {failed && <p role="alert">{failed}</p>}
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => run(choice.saveBackup)}>
          {t.team.join.saveBackup}
        </button>
        <button type="button" disabled={busy} onClick={() => run(choice.keepApart)}>
          {t.team.join.keepApart}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => run(choice.upload)}>
          {t.team.join.upload}
        </button>
      </div>
    </section>
  );
}

function nameOf(change: JoinChoice['edits']['all'], table: keyof JoinChoice['edits']['all']['put'], id: string): string {
  const record = (change.put[table] as { id: string; name?: string; title?: string }[] | undefined)?.find((r) => r.id === id);
  return record?.name ?? record?.title ?? id;
}
