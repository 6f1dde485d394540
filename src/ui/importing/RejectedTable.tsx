import type { RejectedItem } from '../../io/importTypes';
import { useI18n } from '../i18n';

const SHOWN_REJECTIONS = 200;

/** Every rejected row or feature with its reason; the detail is the importer's own (Swedish). */
export function RejectedTable({ rejected }: { rejected: readonly RejectedItem[] }) {
  const { t } = useI18n();
  if (!rejected.length) return null;
  return (
    <div className="table-scroll rejected" tabIndex={0} role="region" aria-label={t.imp.rejectedTitle}>
      <table>
        <caption>{t.imp.rejectedTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.imp.where}</th>
            <th scope="col">{t.imp.why}</th>
          </tr>
        </thead>
        <tbody>
          {rejected.slice(0, SHOWN_REJECTIONS).map((item) => (
            <tr key={`${item.index}-${item.label}-${item.reason}`}>
              <td>{item.label}</td>
              <td>
                {t.imp.reasons[item.reason] ?? item.reason}
                {item.detail && (
                  <span className="muted" lang="sv">
                    {' '}
                    ({item.detail})
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rejected.length > SHOWN_REJECTIONS && <p>{t.imp.rejectedMore(rejected.length - SHOWN_REJECTIONS)}</p>}
    </div>
  );
}
