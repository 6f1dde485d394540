import type { RejectedItem } from '../../io/importTypes';
import { useI18n } from '../i18n';

const SHOWN_REJECTIONS = 200;

/** One refused row, feature or area as the table shows it: where, why (in the UI's language), and the file's own detail. */
export interface RejectionRow {
  key: string;
  where: string;
  why: string;
  detail: string;
}

/** Every rejected row or feature with its reason; the detail is the importer's own (Swedish). */
export function RejectedTable({ rejected }: { rejected: readonly RejectedItem[] }) {
  const { t } = useI18n();
  return (
    <RejectionTable
      title={t.imp.rejectedTitle}
      detailLang="sv"
      rows={rejected.map((item) => ({ key: `${item.index}-${item.label}-${item.reason}`, where: item.label, why: t.imp.reasons[item.reason] ?? item.reason, detail: item.detail }))}
    />
  );
}

/** The table of what an import left out, shared by the importers: the first rows, then how many more. */
export function RejectionTable({ title, rows, detailLang }: { title: string; rows: readonly RejectionRow[]; detailLang?: string }) {
  const { t } = useI18n();
  if (!rows.length) return null;
  return (
    <div className="table-scroll rejected" tabIndex={0} role="region" aria-label={title}>
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t.imp.where}</th>
            <th scope="col">{t.imp.why}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN_REJECTIONS).map((row) => (
            <tr key={row.key}>
              <td>{row.where}</td>
              <td>
                {row.why}
                {row.detail && (
                  <span className="muted" lang={detailLang}>
                    {' '}
                    ({row.detail})
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN_REJECTIONS && <p>{t.imp.rejectedMore(rows.length - SHOWN_REJECTIONS)}</p>}
    </div>
  );
}
