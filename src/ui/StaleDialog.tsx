import { useEffect, useRef, useState } from 'react';
import type { RecordTable } from '../domain/changes';
import { DifferenceTable } from './DifferenceTable';

/** A write the door refused because someone changed its records meanwhile, and the two ways on. */
export interface StaleChoice {
  title: string;
  help: string;
  records: { table: RecordTable; id: string; mine: unknown; theirs: unknown }[];
  proceedLabel: string;
  abandonLabel: string;
  /** Write mine over theirs (the user saw what differs). */
  proceed(): Promise<void>;
  /** Leave theirs as it is; my change is not written. */
  abandon(): void;
  /** When we changed different fields: theirs with my changes on top. */
  merge?: { label: string; help: string; run(): Promise<void> };
}

/**
 * Mine and theirs side by side before anything is overwritten: the same view for another tab's
 * change as for another user's, because to the person editing they are the same thing.
 */
export function StaleDialog({ choice, onClose }: { choice: StaleChoice; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [choice]);
  const run = (action: () => Promise<void>) => {
    setBusy(true);
    onClose();
    void action().finally(() => setBusy(false));
  };
  return (
    <section className="conflict-panel" role="alertdialog" aria-modal="false" aria-labelledby="stale-title" aria-describedby="stale-help" data-testid="stale-conflict">
      <h2 id="stale-title">{choice.title}</h2>
      <p id="stale-help">{choice.help}</p>
      {choice.merge && <p>{choice.merge.help}</p>}
      {choice.records.map((record) => (
        <DifferenceTable key={`${record.table}/${record.id}`} id={record.id} mine={record.mine} theirs={record.theirs} />
      ))}
      <div className="dialog-actions">
        <button
          type="button"
          ref={first}
          disabled={busy}
          onClick={() => {
            choice.abandon();
            onClose();
          }}
        >
          {choice.abandonLabel}
        </button>
        <button type="button" className={choice.merge ? undefined : 'primary'} disabled={busy} onClick={() => run(choice.proceed)}>
          {choice.proceedLabel}
        </button>
        {choice.merge && (
          <button type="button" className="primary" disabled={busy} onClick={() => run(choice.merge!.run)}>
            {choice.merge.label}
          </button>
        )}
      </div>
    </section>
  );
}
