import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect } from 'react';
import { readHistoryState, redo, undo } from '../../data/history';
import { useI18n } from '../i18n';
import { getDatabase } from '../useStoredData';

/** Undo/redo for the whole database (every tab shares it), with Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y. */
export function useHistoryControls(onStatus: (message: string) => void) {
  const { t } = useI18n();
  const state = useLiveQuery(() => readHistoryState(getDatabase()), [], { undoLabel: null, redoLabel: null });
  const doUndo = useCallback(async () => {
    const label = await undo(getDatabase());
    if (label) onStatus(t.edit.undone(label));
  }, [onStatus, t]);
  const doRedo = useCallback(async () => {
    const label = await redo(getDatabase());
    if (label) onStatus(t.edit.redone(label));
  }, [onStatus, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      // In a text field the browser's own undo is what the user means.
      if (e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [contenteditable]')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) void doUndo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') void doRedo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doUndo, doRedo]);

  return { ...state, undo: doUndo, redo: doRedo };
}
