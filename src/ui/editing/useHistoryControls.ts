import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect } from 'react';
import { readHistoryState } from '../../data/history';
import { ChangeConflict, getDatabase, store } from '../../data/store';
import type { StaleChoice } from '../StaleDialog';
import { useI18n } from '../i18n';
import { rejectionText } from '../rejection';

const NO_HISTORY = { undoLabel: null, redoLabel: null };

/** Undo/redo for the whole database (every tab shares it), with Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y. */
export function useHistoryControls(onStatus: (message: string) => void, onStale: (choice: StaleChoice) => void) {
  const { t, language } = useI18n();
  // A database that cannot be opened has no history to offer; useLiveQuery would rethrow in render.
  const state = useLiveQuery(() => readHistoryState(getDatabase()).catch(() => NO_HISTORY), [], NO_HISTORY);
  const step = useCallback(
    async (direction: 'undo' | 'redo', force = false): Promise<void> => {
      const label = direction === 'undo' ? state.undoLabel : state.redoLabel;
      // A refused step (a damaged or foreign history) is reported, never half-applied.
      try {
        const done = await (direction === 'undo' ? store.undo(force) : store.redo(force));
        if (done) onStatus(direction === 'undo' ? t.edit.undone(done) : t.edit.redone(done));
      } catch (error) {
        if (!(error instanceof ChangeConflict)) return onStatus(t.edit.undoFailed(rejectionText(error, t, language)));
        // Someone changed the records since my step: undoing it now would overwrite theirs.
        onStale({
          title: direction === 'undo' ? t.team.undoStaleTitle(label ?? '') : t.team.redoStaleTitle(label ?? ''),
          help: t.team.undoStaleHelp,
          records: error.records.map((r) => ({ table: r.table, id: r.id, mine: r.seen, theirs: r.current })),
          proceedLabel: direction === 'undo' ? t.team.undoAnyway : t.team.redoAnyway,
          abandonLabel: direction === 'undo' ? t.team.dontUndo : t.team.dontRedo,
          proceed: () => step(direction, true),
          abandon: () => onStatus(t.edit.undoSkipped),
        });
      }
    },
    [onStatus, onStale, t, state.undoLabel, state.redoLabel],
  );
  const doUndo = useCallback(() => step('undo'), [step]);
  const doRedo = useCallback(() => step('redo'), [step]);

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
