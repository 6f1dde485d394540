import { useId } from 'react';
import { viewsStrings } from '../strings/views';
import { useI18n } from '../i18n';
import { Select } from './controls';

export const EVIDENCE_AGES = [1, 2, 3, 5, 10] as const;

/**
 * How old an unsafe place's newest evidence may be to count, and how many it leaves out: the
 * analyses say what they did not count, never hide it.
 */
export function EvidenceAge({ years, onChange, stale }: { years: number; onChange(years: number): void; stale: number }) {
  const { language } = useI18n();
  const v = viewsStrings(language);
  const id = useId();
  return (
    <div className="evidence-age">
      <Select id={`${id}-age`} label={v.evidenceAge} value={String(years)} onChange={(v) => onChange(Number(v))} options={EVIDENCE_AGES.map((n) => [String(n), v.years(n)])} />
      <p className="muted" data-testid="stale-note">
        {v.staleLeftOut(stale, years)}
      </p>
    </div>
  );
}
