import type { Text } from './text';

/** A small Result type: failures are values, not exceptions, at every boundary. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** A problem found in data: what, where, and how serious. Rules and importers both return these. */
export interface Issue {
  code: string;
  severity: 'error' | 'warning';
  /** Which record or row the issue is about, e.g. a feature id or "rad 14". */
  subject: string;
  /** Swedish: what the team server has always sent, so older clients read it as before. */
  message: string;
  /**
   * The message in both languages, for the UI to pick at render time. The write rules always set
   * it; issues made elsewhere (zod's own, an older server's answer) may lack it.
   */
  text?: Text;
}
