import { RECORD_TABLES, type ChangeSet, type RecordOf, type RecordTable } from '../changes';
import type { Dataset } from '../dataset';
import type { MunicipalityLocator } from '../places/municipalityLocator';
import type { Issue } from '../result';
import { sameRecord } from '../sameRecord';
import { checkChange } from './checkChange';
import { HISTORY_LIMIT, historyStepIssues, type HistoryStep } from './historyEntry';
import { isBlocking, ruleError } from './lookup';
import { joinText, perLanguage, text } from '../text';

type State = { [T in RecordTable]: Map<string, RecordOf[T]> };

/**
 * A restored history must be the history of the restored data: walking back from the data
 * through every done step (applying its inverse) and forward through every undone one
 * (applying its forward change), each step must find the records as it left them and leave a
 * state that passes the write door's rules. So every undo and redo the user can later click is
 * known to be sound before the backup is accepted.
 */
export function checkHistory(dataset: Dataset, steps: readonly HistoryStep[], locator: MunicipalityLocator | null): Issue[] {
  if (steps.length > HISTORY_LIMIT)
    return [ruleError('history-too-long', 'history', text(`historiken har ${steps.length} steg; appen sparar högst ${HISTORY_LIMIT}`, `the history has ${steps.length} steps; the app keeps at most ${HISTORY_LIMIT}`))];
  const firstUndone = steps.findIndex((s) => s.undone === 1);
  const doneCount = firstUndone < 0 ? steps.length : firstUndone;
  const issues: Issue[] = [];
  steps.forEach((step, i) => {
    if (i >= doneCount && step.undone !== 1) issues.push(ruleError('history-order', subject(i, step), text('ett gjort steg ligger efter ett ångrat', 'a done step comes after an undone one')));
    issues.push(...historyStepIssues(step, subject(i, step)));
  });
  if (issues.length) return issues;

  const fromData = (): State => ({
    documents: new Map(dataset.documents.map((r) => [r.id, r])),
    focusAreas: new Map(dataset.focusAreas.map((r) => [r.id, r])),
    activities: new Map(dataset.activities.map((r) => [r.id, r])),
    features: new Map(dataset.features.map((r) => [r.id, r])),
    statusEntries: new Map(dataset.statusEntries.map((r) => [r.id, r])),
    contacts: new Map(dataset.contacts.map((r) => [r.id, r])),
  });
  // Undo walks back from the newest done step; redo forward from the oldest undone one.
  const back = fromData();
  for (let i = doneCount - 1; i >= 0; i--) {
    const step = steps[i]!;
    const problem = replayIssue(back, step.forward, step.inverse, locator, subject(i, step));
    if (problem) return [problem];
  }
  const ahead = fromData();
  for (let i = doneCount; i < steps.length; i++) {
    const step = steps[i]!;
    const problem = replayIssue(ahead, step.inverse, step.forward, locator, subject(i, step));
    if (problem) return [problem];
  }
  return [];
}

const subject = (i: number, step: HistoryStep) => `historik steg ${i + 1} (${step.label})`;

/**
 * `left` is what the step's last application wrote; the state must still hold exactly that
 * before `apply` (its opposite) is checked and applied.
 */
function replayIssue(state: State, left: ChangeSet, apply: ChangeSet, locator: MunicipalityLocator | null, where: string): Issue | null {
  for (const table of RECORD_TABLES) {
    for (const record of left.put[table] ?? []) {
      const current = state[table].get(record.id);
      if (!current || !sameRecord(current, record))
        return ruleError(
          'history-does-not-match',
          where,
          text(`steget stämmer inte med datan: ${table}-posten ${record.id} ser inte ut som steget lämnade den`, `the step does not match the data: the ${table} record ${record.id} is not as the step left it`),
        );
    }
    for (const id of left.delete[table] ?? []) {
      if (state[table].has(id) && !(left.put[table] ?? []).some((r) => r.id === id))
        return ruleError('history-does-not-match', where, text(`steget stämmer inte med datan: ${table}-posten ${id} borde vara borttagen`, `the step does not match the data: the ${table} record ${id} should be deleted`));
    }
  }
  const stored = {
    documents: [...state.documents.values()],
    focusAreas: [...state.focusAreas.values()],
    activities: [...state.activities.values()],
    features: [...state.features.values()],
    statusEntries: [...state.statusEntries.values()],
    contacts: [...state.contacts.values()],
  };
  const blocking = checkChange(apply, { stored, locator }).filter(isBlocking);
  if (blocking.length) return ruleError('history-step-invalid', where, joinText(blocking.map((i) => perLanguage((l) => `${i.subject}: ${i.text?.[l] ?? i.message}`)), '; '));
  for (const table of RECORD_TABLES) {
    for (const id of apply.delete[table] ?? []) state[table].delete(id);
    for (const record of apply.put[table] ?? []) (state[table] as Map<string, unknown>).set(record.id, record);
  }
  return null;
}
