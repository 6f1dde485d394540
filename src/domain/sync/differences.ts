import { sameRecord } from '../sameRecord';

export interface FieldDifference {
  field: string;
  mine: unknown;
  theirs: unknown;
}

/** The top-level fields in which my version of a record and theirs differ (null: the record is gone on that side). */
export function recordDifferences(mine: unknown, theirs: unknown): FieldDifference[] {
  const left = (mine ?? {}) as Record<string, unknown>;
  const right = (theirs ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((f) => f !== 'id');
  return fields.filter((f) => !sameRecord(left[f], right[f])).map((field) => ({ field, mine: mine === null ? undefined : left[field], theirs: theirs === null ? undefined : right[field] }));
}
