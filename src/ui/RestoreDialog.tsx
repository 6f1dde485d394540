import { useEffect, useRef } from 'react';
import { useI18n } from './i18n';

interface Props {
  open: boolean;
  storedFeatureCount: number;
  onConfirm(): void;
  onCancel(): void;
}

/** Asks before the shipped data replaces what the user has stored. A native modal dialog traps focus. */
export function RestoreDialog({ open, storedFeatureCount, onConfirm, onCancel }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby="restore-title" aria-describedby="restore-text" onCancel={onCancel} className="dialog">
      <h2 id="restore-title">{t.restoreQuestion}</h2>
      <p id="restore-text">{t.restoreExplanation(storedFeatureCount)}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} autoFocus>
          {t.cancel}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {t.restoreConfirm}
        </button>
      </div>
    </dialog>
  );
}
