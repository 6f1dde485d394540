import { sameRecord } from '../sameRecord';

export interface FieldDifference {
  /** A top-level field, or `details.<field>` inside a place's layer details. */
  field: string;
  mine: unknown;
  theirs: unknown;
}

/** Nested objects whose fields a person edits one by one, so a difference names the field, not the whole object. */
const NESTED = new Set(['details']);

/** The fields in which my version of a record and theirs differ (null: the record is gone on that side). */
export function recordDifferences(mine: unknown, theirs: unknown): FieldDifference[] {
  return differences(asObject(mine), asObject(theirs), mine === null, theirs === null, '');
}

function differences(left: Record<string, unknown>, right: Record<string, unknown>, mineGone: boolean, theirsGone: boolean, prefix: string): FieldDifference[] {
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((f) => f !== 'id' || prefix);
  const out: FieldDifference[] = [];
  for (const field of fields) {
    if (sameRecord(left[field], right[field])) continue;
    if (!prefix && NESTED.has(field) && isPlainObject(left[field]) && isPlainObject(right[field])) {
      out.push(...differences(left[field] as Record<string, unknown>, right[field] as Record<string, unknown>, mineGone, theirsGone, `${field}.`));
      continue;
    }
    out.push({ field: prefix + field, mine: mineGone ? undefined : left[field], theirs: theirsGone ? undefined : right[field] });
  }
  return out;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const asObject = (value: unknown) => (isPlainObject(value) ? value : {});

/**
 * A three-way merge of one record: my changes (from `base` to `mine`) laid over theirs, when
 * we changed different fields. Null when we changed the same field, or one side deleted it:
 * then only a person can say which is right.
 */
export function mergeRecords<T>(base: T | null, mine: T | null, theirs: T | null): T | null {
  if (base === null || mine === null || theirs === null) return null;
  const ours = recordDifferences(base, mine).map((d) => d.field);
  const their = new Set(recordDifferences(base, theirs).map((d) => d.field));
  // `details` as a whole (a layer change) overlaps every `details.x`, and the other way round.
  const overlaps = (field: string) => their.has(field) || [...their].some((f) => f.startsWith(`${field}.`) || field.startsWith(`${f}.`));
  if (ours.some(overlaps)) return null;
  const merged = structuredClone(theirs) as Record<string, unknown>;
  const source = mine as Record<string, unknown>;
  for (const field of ours) {
    const [top, nested] = field.split('.', 2) as [string, string | undefined];
    if (nested === undefined) setOrDelete(merged, top, source[top]);
    else setOrDelete((merged[top] ??= {}) as Record<string, unknown>, nested, (source[top] as Record<string, unknown>)[nested]);
  }
  return merged as T;
}

function setOrDelete(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = structuredClone(value);
}
