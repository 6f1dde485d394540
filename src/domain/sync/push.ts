import { z } from 'zod';
import { RECORD_TABLES, type ChangeSet, type RecordTable } from '../changes';

/** Limits on one pushed change set, so one request cannot hold the database for minutes. */
export const MAX_RECORDS_PER_PUSH = 200_000;
export const MAX_LABEL_LENGTH = 300;

const tablesOf = <T extends z.ZodType>(item: T) => z.object(Object.fromEntries(RECORD_TABLES.map((t) => [t, z.array(item).optional()])) as Record<RecordTable, z.ZodOptional<z.ZodArray<T>>>).strict();

/**
 * One change set as a client pushes it: an idempotency id (a retry with the same id is applied
 * once), the change itself, and for every touched record the version it was based on (null:
 * the client believes it does not exist yet). Records are checked record by record afterwards,
 * by the write door's schema rule, so the messages name each record.
 */
export const pushSchema = z
  .object({
    changeId: z.uuid(),
    label: z.string().min(1).max(MAX_LABEL_LENGTH),
    put: tablesOf(z.looseObject({ id: z.string().min(1).max(200) })),
    delete: tablesOf(z.string().min(1).max(200)),
    baseVersions: z.object(Object.fromEntries(RECORD_TABLES.map((t) => [t, z.record(z.string(), z.number().int().nonnegative().nullable()).optional()])) as Record<RecordTable, z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodNullable<z.ZodNumber>>>>).strict(),
  })
  .refine((p) => RECORD_TABLES.reduce((n, t) => n + (p.put[t]?.length ?? 0) + (p.delete[t]?.length ?? 0), 0) <= MAX_RECORDS_PER_PUSH, {
    message: `högst ${MAX_RECORDS_PER_PUSH} poster per ändring`,
  });
export type PushRequest = z.infer<typeof pushSchema>;

/** The change set of a push (records not yet trusted: the write door checks each). */
export function changeOfPush(push: PushRequest): ChangeSet {
  return { label: push.label, put: push.put as ChangeSet['put'], delete: push.delete };
}

/** One entry of the server's change log, as clients pull it. */
export interface LoggedChange {
  seq: number;
  changeId: string;
  author: string;
  at: string;
  label: string;
  forward: ChangeSet;
  inverse: ChangeSet;
  /** The version of every touched record after the change (null: deleted). */
  versions: { [T in RecordTable]?: Record<string, number | null> };
}

/** A 409: the records the push was based on have moved on; these are their current versions. */
export interface ConflictResponse {
  error: 'conflict';
  conflicts: { table: RecordTable; id: string; baseVersion: number | null; currentVersion: number | null; current: unknown }[];
}
