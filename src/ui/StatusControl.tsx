import { useEffect, useState } from 'react';
import type { Activity } from '../domain/activity';
import { ACTIVITY_STATUSES, type ActivityStatus } from '../domain/layers';
import { useI18n } from './i18n';

/** A new status for an activity, chosen and then saved (one undoable step, labelled with both). */
export function StatusControl({ activity, onSet }: { activity: Activity; onSet(activity: Activity, status: ActivityStatus): void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<ActivityStatus>(activity.status);
  useEffect(() => setStatus(activity.status), [activity.status]);
  const selectId = `status-${activity.id}`;
  return (
    <div className="status-control">
      <label htmlFor={selectId}>{t.edit.changeStatus}</label>
      <select id={selectId} value={status} onChange={(e) => setStatus(e.currentTarget.value as ActivityStatus)}>
        {ACTIVITY_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t.statusNames[s]}
          </option>
        ))}
      </select>
      <button type="button" disabled={status === activity.status} onClick={() => onSet(activity, status)}>
        {t.edit.saveStatus}
      </button>
    </div>
  );
}
