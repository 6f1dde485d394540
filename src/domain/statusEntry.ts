import { z } from 'zod';
import { SCHEMA_MESSAGES } from './schemaMessages';
import type { Activity } from './activity';
import { ACTIVITY_STATUSES, type ActivityStatus } from './layers';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum ska skrivas ÅÅÅÅ-MM-DD');

/**
 * One dated step in an activity's follow-up ("2026-03-14: genomförd, 12 deltog"). Entries are
 * their own records and are only ever added (see rules/appendOnly.ts): two people following the
 * same activity up each add an entry with its own id, so they never edit the same record and
 * never conflict. The activity's current status is its latest entry.
 */
export const statusEntrySchema = z.object({
  id: z.string().min(1),
  activityId: z.string().min(1),
  /** The activity's document, so who may write it (its municipality) is known without the activity. */
  documentId: z.string().min(1),
  date: isoDate,
  status: z.enum(ACTIVITY_STATUSES),
  note: z.string().max(2000, SCHEMA_MESSAGES.statusNoteTooLong.sv).nullable(),
  /** Who added it: the signed-in user's e-mail (the server's rule checks it is theirs); null in a browser of its own. */
  author: z.string().min(1).nullable(),
  /** When it was written (ISO timestamp): orders two entries of the same day. */
  recordedAt: z.string().datetime({ offset: true }),
});
export type StatusEntry = z.infer<typeof statusEntrySchema>;

/** Oldest first; the same day in the order written. */
export function compareEntries(a: StatusEntry, b: StatusEntry): number {
  return a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id);
}

/** Each activity's entries, oldest first. */
export function entriesByActivity(entries: readonly StatusEntry[]): Map<string, StatusEntry[]> {
  const byActivity = new Map<string, StatusEntry[]>();
  for (const entry of entries) {
    const list = byActivity.get(entry.activityId);
    if (list) list.push(entry);
    else byActivity.set(entry.activityId, [entry]);
  }
  for (const list of byActivity.values()) list.sort(compareEntries);
  return byActivity;
}

/** The current status: the latest entry's, or the status the activity was written with. */
export function currentStatus(activity: Activity, entries: readonly StatusEntry[] | undefined): ActivityStatus {
  return entries?.length ? entries[entries.length - 1]!.status : activity.status;
}

/**
 * Activities as they stand: the status of each is its latest entry. The view (filters, table,
 * tree, report) reads these; edits of an activity's own fields start from the stored record.
 * Activities without entries are returned as they are, so an unchanged activity keeps its identity.
 */
export function withCurrentStatus(activities: readonly Activity[], byActivity: ReadonlyMap<string, readonly StatusEntry[]>): Activity[] {
  return activities.map((activity) => {
    const status = currentStatus(activity, byActivity.get(activity.id));
    return status === activity.status ? activity : { ...activity, status };
  });
}

/** Whether the activity was reported done during `year` (an entry "done" dated that year). */
export function doneInYear(entries: readonly StatusEntry[] | undefined, year: number): boolean {
  return (entries ?? []).some((e) => e.status === 'done' && e.date.startsWith(`${year}-`));
}
