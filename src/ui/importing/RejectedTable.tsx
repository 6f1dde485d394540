import { REJECT_TEXTS, type RejectedItem } from '../../io/importTypes';
import { useI18n } from '../i18n';
import { importStrings } from './strings';

const SHOWN_REJECTIONS = 200;

/** One refused row, feature or area as the table shows it: where, why and the file's detail, in the UI's language. */
export interface RejectionRow {
  key: string;
  where: string;
  why: string;
  detail: string;
}

/** Every rejected row or feature with its reason and detail, worded at render so a language switch rewords them. */
export function RejectedTable({ rejected }: { rejected: readonly RejectedItem[] }) {
  const { language } = useI18n();
  return (
    <RejectionTable
      title={importStrings(language).rejectedTitle}
      rows={rejected.map((item) => ({
        // Keyed by the Swedish label, so rows keep their identity across a switch.
        key: `${item.index}-${item.label.sv}-${item.reason}`,
        where: item.label[language],
        why: REJECT_TEXTS[item.reason]?.[language] ?? item.reason,
        detail: item.detail[language],
      }))}
    />
  );
}

/** The table of what an import left out, shared by the importers: the first rows, then how many more. */
export function RejectionTable({ title, rows }: { title: string; rows: readonly RejectionRow[] }) {
  const { language } = useI18n();
  const imp = importStrings(language);
  if (!rows.length) return null;
  return (
    <div className="table-scroll rejected" tabIndex={0} role="region" aria-label={title} data-testid="rejected-table">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{imp.where}</th>
            <th scope="col">{imp.why}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN_REJECTIONS).map((row) => (
            <tr key={row.key}>
              <td>{row.where}</td>
              <td>
                {row.why}
                {row.detail && <span className="muted"> ({row.detail})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN_REJECTIONS && <p>{imp.rejectedMore(rows.length - SHOWN_REJECTIONS)}</p>}
    </div>
  );
}
