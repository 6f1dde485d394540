/**
 * Counted words in each language by its own plural rules (Intl.PluralRules), with the number
 * written as the language writes it (sv: "1 000"): never "1 platser" or "1 places". In src/domain
 * so the importers and the write rules, which word their messages in both languages, count the
 * same way as the UI's dictionaries.
 */
const svRules = new Intl.PluralRules('sv-SE');
const enRules = new Intl.PluralRules('en-GB');
const svNumber = new Intl.NumberFormat('sv-SE');
const enNumber = new Intl.NumberFormat('en-GB');

/** "1 plats", "3 platser". */
export const svCount = (n: number, one: string, other: string) => `${svNumber.format(n)} ${svRules.select(n) === 'one' ? one : other}`;
/** "1 place", "3 places". */
export const enCount = (n: number, one: string, other: string) => `${enNumber.format(n)} ${enRules.select(n) === 'one' ? one : other}`;
/** The form alone, for sentences where the number stands elsewhere. */
export const svForm = (n: number, one: string, other: string) => (svRules.select(n) === 'one' ? one : other);
export const enForm = (n: number, one: string, other: string) => (enRules.select(n) === 'one' ? one : other);
/** A number alone, as each language writes it: "12 000" and "12,000". */
export const svNum = (n: number) => svNumber.format(n);
export const enNum = (n: number) => enNumber.format(n);
