import type { AnswerColumnsMessage } from '../analysis/answers/columns';
import type { AnswerSetRecord, TrygghetsDatabase } from './db';

/** An answer set without its columns: what a list of imports shows. */
export type AnswerSetSummary = Omit<AnswerSetRecord, 'columns'> & { surveys: string[] };

/**
 * Survey answers are stored apart from the record tables: a set is written once, whole, when an
 * import is committed, and removed whole. They are not change sets (a million answers are not
 * undone one by one) and not sent to the team server: a survey's individual answers stay in the
 * browser that imported them; what is shared is the unsafe places planners derive from them.
 */
export async function saveAnswerSet(db: TrygghetsDatabase, set: AnswerSetRecord): Promise<void> {
  if (set.columns.count !== set.count) throw new RangeError(`svarsmängden säger ${set.count} svar men har ${set.columns.count}`);
  await db.answerSets.add(set);
}

export async function removeAnswerSet(db: TrygghetsDatabase, id: string): Promise<void> {
  await db.answerSets.delete(id);
}

export async function listAnswerSets(db: TrygghetsDatabase): Promise<AnswerSetSummary[]> {
  const sets = await db.answerSets.orderBy('importedAt').toArray();
  return sets.map(({ columns, ...meta }) => ({ ...meta, surveys: [...columns.surveys] }));
}

/** Every stored set's columns, oldest first, for the answers worker (each read is a fresh copy, free to transfer). */
export async function readAnswerColumns(db: TrygghetsDatabase): Promise<AnswerColumnsMessage[]> {
  return (await db.answerSets.orderBy('importedAt').toArray()).map((s) => s.columns);
}
