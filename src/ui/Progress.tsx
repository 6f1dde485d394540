import type { Activity } from '../domain/activity';
import { ACTIVITY_STATUSES } from '../domain/layers';
import { useI18n } from './i18n';

/**
 * How far a promise or a focus area has come: its activities counted by status, as words and as
 * a bar (the bar only repeats the words, for a quick look down the tree).
 */
export function Progress({ activities, label }: { activities: readonly Activity[]; label: string }) {
  const { t } = useI18n();
  if (!activities.length) return null;
  const counts = ACTIVITY_STATUSES.map((status) => [status, activities.filter((a) => a.status === status).length] as const).filter(([, n]) => n > 0);
  const done = activities.filter((a) => a.status === 'done').length;
  return (
    <p className="progress" data-testid="progress">
      <span className="visually-hidden">{label}: </span>
      {t.progress.summary(done, activities.length)} ({counts.map(([status, n]) => `${t.report.statusShort[status]} ${n}`).join(', ')}){' '}
      <span className="progress-bar" aria-hidden="true">
        <span style={{ width: `${(100 * done) / activities.length}%` }} />
      </span>
    </p>
  );
}
