import type { DocumentStanding } from '../domain/currency';
import { useI18n } from './i18n';

/** Whether a promise is in force, expired, replaced or upcoming, in words (never only by colour). */
export function CurrencyTag({ standing, titleOf }: { standing: DocumentStanding | undefined; titleOf(documentId: string): string | undefined }) {
  const { t } = useI18n();
  if (!standing) return null;
  const successor = standing.supersededBy ? titleOf(standing.supersededBy) : undefined;
  return (
    <span className={`tag tag-currency tag-${standing.currency}`} data-currency={standing.currency}>
      {successor ? t.supersededBy(successor) : t.currencyNames[standing.currency]}
    </span>
  );
}
