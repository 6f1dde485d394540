import type { PromiseDocument } from './promiseDocument';

/**
 * Where a promise document stands on a given day. Expired promises stay on the map, marked as
 * such: every shipped document has expired by now, so hiding them would empty the map.
 * - current: the day lies in its validity period;
 * - upcoming: its period has not begun;
 * - superseded: a later document of the same municipality (and police area) has taken effect,
 *   whatever its own period says (a promise is replaced by the next one, not left to run out);
 * - expired: its period has ended and nothing has replaced it.
 */
export const CURRENCIES = ['current', 'upcoming', 'superseded', 'expired'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface DocumentStanding {
  currency: Currency;
  /** The document that replaced it, when superseded. */
  supersededBy: string | null;
}

/** Today as YYYY-MM-DD in Swedish time: a promise that ends on 31 December is current all that day in Sweden. */
export function swedishToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Every document's standing on `today` (YYYY-MM-DD), judged against the others. */
export function documentStandings(documents: readonly PromiseDocument[], today: string): Map<string, DocumentStanding> {
  const standings = new Map<string, DocumentStanding>();
  for (const document of documents) {
    // The latest document of the same municipality that began after this one and has begun by today.
    const successor = documents
      .filter((other) => other.id !== document.id && other.municipality.code === document.municipality.code && other.period.from > document.period.from && other.period.from <= today)
      .sort((a, b) => b.period.from.localeCompare(a.period.from))[0];
    const currency: Currency = document.period.from > today ? 'upcoming' : successor ? 'superseded' : document.period.to < today ? 'expired' : 'current';
    standings.set(document.id, { currency, supersededBy: currency === 'superseded' ? successor!.id : null });
  }
  return standings;
}

/**
 * A safety walk is upcoming only with a date, and a date from today on: one without a date is
 * not "upcoming" (nobody can come to it), and neither is one dated in the past, whatever its status.
 */
export function isUpcomingWalk(plannedDate: string | null, status: string, today: string): boolean {
  return status !== 'done' && plannedDate !== null && plannedDate.slice(0, 10) >= today;
}
