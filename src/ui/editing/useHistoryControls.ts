import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect } from 'react';
import { readHistoryState } from '../../data/history';
import { getDatabase, store } from '../../data/store';
import { useI18n } from '../i18n';
import { rejectionText } from '../rejection';

const NO_HISTORY = { undoLabel: null, redoLabel: null };

/** Undo/redo for the whole database (every tab shares it), with Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y. */
export function useHistoryControls(onStatus: (message: string) => void) {
  const { t } = useI18n();
  // A database that cannot be opened has no history to offer; useLiveQuery would rethrow in render.
  const state = useLiveQuery(() => readHistoryState(getDatabase()).catch(() => NO_HISTORY), [], NO_HISTORY);
  const doUndo = useCallback(async () => {
    // A refused step (a damaged or foreign history) is reported, never half-applied.
    try {
      const label = await store.undo();
      if (label) onStatus(t.edit.undone(label));
    } catch (error) {
      onStatus(t.edit.undoFailed(rejectionText(error, t)));
    }
  }, [onStatus, t]);
  const doRedo = useCallback(async () => {
    try {
      const label = await store.redo();
      if (label) onStatus(t.edit.redone(label));
    } catch (error) {
      onStatus(t.edit.undoFailed(rejectionText(error, t)));
    }
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
