import type { Activity } from '../domain/activity';
import { reportStrings } from './strings/report';
import { ACTIVITY_STATUSES, type ActivityStatus } from '../domain/layers';
import { doneInYear, type StatusEntry } from '../domain/statusEntry';
import { useI18n } from './i18n';

/** Dark enough for white text (WCAG AA) and told apart by their labels, not by colour alone. */
const STATUS_COLOURS: Record<ActivityStatus, string> = { done: '#1b5418', ongoing: '#8a4b00', planned: '#2f4f8f', unknown: '#5c5c5c' };

/**
 * How far a promise or a focus area has come: its activities counted by their current status
 * (the latest status entry), as words and as a stacked bar with a legend, and how many were
 * reported done this year. The bar repeats the words, for a quick look down the tree.
 */
export function Progress({ activities, entries, year, label }: { activities: readonly Activity[]; entries: ReadonlyMap<string, readonly StatusEntry[]>; year: number; label: string }) {
  const { t, language } = useI18n();
  const rs = reportStrings(language);
  if (!activities.length) return null;
  const counts = ACTIVITY_STATUSES.map((status) => [status, activities.filter((a) => a.status === status).length] as const).filter(([, n]) => n > 0);
  const done = activities.filter((a) => a.status === 'done').length;
  const thisYear = activities.filter((a) => doneInYear(entries.get(a.id), year)).length;
  return (
    <div className="progress" data-testid="progress">
      <p>
        <span className="visually-hidden">{label}: </span>
        {t.progress.summary(done, activities.length)} ({counts.map(([status, n]) => `${rs.statusShort[status]} ${n}`).join(', ')}) ·{' '}
        <span data-testid="done-this-year">{t.progress.doneThisYear(thisYear, year)}</span>
      </p>
      <div className="progress-chart" aria-hidden="true" data-testid="progress-chart">
        {counts.map(([status, n]) => (
          <span key={status} className={`progress-segment progress-${status}`} style={{ flexGrow: n, background: STATUS_COLOURS[status] }} title={`${t.statusNames[status]}: ${n}`}>
            {n}
          </span>
        ))}
      </div>
    </div>
  );
}
