import { RECORD_TABLES, touchedIds, type ChangeSet } from '../changes';
import type { Issue } from '../result';
import { ruleError } from './lookup';
import { text } from '../text';

/** Undo reaches back this far; a history (or a backup's) longer than this was not written by the app. */
export const HISTORY_LIMIT = 100;

export interface HistoryStep {
  label: string;
  forward: ChangeSet;
  inverse: ChangeSet;
  undone: 0 | 1;
}

/**
 * The shape every recorded step has: its inverse touches only records its forward change
 * touched. An injected entry whose "undo" deletes every document fails here, before any
 * record is read.
 */
export function historyStepIssues(step: HistoryStep, subject: string): Issue[] {
  const issues: Issue[] = [];
  for (const table of RECORD_TABLES) {
    const forward = new Set(touchedIds(step.forward, table));
    const stray = touchedIds(step.inverse, table).filter((id) => !forward.has(id));
    if (stray.length)
      issues.push(
        ruleError(
          'history-inverse-mismatch',
          subject,
          text(
            `ångra-steget "${step.label}" ändrar ${stray.length} ${table}-poster som steget självt aldrig ändrade (t.ex. ${stray[0]})`,
            `the undo of "${step.label}" changes ${stray.length} ${table} records that the step itself never changed (e.g. ${stray[0]})`,
          ),
        ),
      );
  }
  return issues;
}
