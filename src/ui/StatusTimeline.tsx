import type { Activity } from '../domain/activity';
import type { StatusEntry } from '../domain/statusEntry';
import { formatDate, useI18n } from './i18n';
import { StatusEntryForm, type NewStatusEntry } from './StatusEntryForm';

/**
 * An activity's follow-up, newest first: each dated entry with who added it, ending with the
 * status the document was published with. The first line is the current status.
 */
export function StatusTimeline({ activity, entries, published }: { activity: Activity; entries: readonly StatusEntry[]; published: Activity['status'] }) {
  const { t, language } = useI18n();
  const headingId = `timeline-${activity.id}`;
  return (
    <section className="status-timeline" aria-labelledby={headingId} data-testid={`timeline-${activity.id}`}>
      <h4 id={headingId}>{t.statusEntry.timelineTitle}</h4>
      <ol>
        {[...entries].reverse().map((entry) => (
          <li key={entry.id}>
            <time dateTime={entry.date}>{formatDate(entry.date, language)}</time>: <strong>{t.statusNames[entry.status]}</strong>
            {entry.note && <> – {entry.note}</>} <span className="muted">({entry.author ?? t.history.thisBrowser})</span>
          </li>
        ))}
        <li className="muted">{t.statusEntry.asPublished(t.statusNames[published])}</li>
      </ol>
    </section>
  );
}

/** What the panel and the tree need to show and extend an activity's follow-up. */
export interface FollowUp {
  entries: ReadonlyMap<string, readonly StatusEntry[]>;
  /** The status the activity was written with (the document's), before any entry. */
  published(activityId: string): Activity['status'] | undefined;
  /** Absent: read-only (a reader, or no database). */
  onAdd?(activity: Activity, entry: NewStatusEntry): Promise<boolean>;
  /** Whether this user may follow this activity up (signed in: only in their municipalities). */
  canAdd(activity: Activity): boolean;
}

/** The timeline and, for those who may, the form that adds to it. */
export function ActivityFollowUp({ activity, followUp }: { activity: Activity; followUp: FollowUp }) {
  const entries = followUp.entries.get(activity.id) ?? [];
  return (
    <>
      <StatusTimeline activity={activity} entries={entries} published={followUp.published(activity.id) ?? activity.status} />
      {followUp.onAdd && followUp.canAdd(activity) && <StatusEntryForm activity={activity} onAdd={followUp.onAdd} />}
    </>
  );
}
