/**
 * One Swedish collator, made once: `a.localeCompare(b, 'sv')` gives the same order but builds a
 * collator on every call, which made sorting 100 000 places take seconds instead of milliseconds.
 */
const swedish = new Intl.Collator('sv');

/** Swedish name order (… X, Y, Z, Å, Ä, Ö), as `a.localeCompare(b, 'sv')`. */
export const compareSwedish = (a: string, b: string): number => swedish.compare(a, b);

/** Plain code-unit order for ids and H3 indexes: a stable last tie-break. */
export const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
