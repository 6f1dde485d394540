import type { DocumentKind, Municipality, PromiseDocument } from '../../domain/promiseDocument';
import { text, type Text } from '../../domain/text';
import type { LocatedBlock } from './segment';

/**
 * Title, kind, municipality and police area of a document, guessed from its words. Every guess is
 * one the planner confirms; what the text does not say stays null.
 */

const DOC_WORDS = /medborgarlöfte|plan för samverkan|samverkansöverenskommelse|överenskommelse|samverkan/iu;

/**
 * The first heading that names the kind of document, else the first heading at all. `named` is
 * false for the fallback: a pasted excerpt may start with a focus area, which stays one.
 */
export function findTitle(blocks: readonly LocatedBlock[]): { title: string; index: number; named: boolean } | null {
  const headings = blocks.flatMap((b, index) => (b.kind === 'heading' ? [{ title: b.text, index }] : [])).slice(0, 6);
  const named = headings.find((h) => DOC_WORDS.test(h.title));
  if (named) return { ...named, named: true };
  return headings[0] ? { ...headings[0], named: false } : null;
}

export function findKind(title: string | null, text: string): DocumentKind | null {
  const kindIn = (t: string): DocumentKind | null =>
    /plan för samverkan/iu.test(t) ? 'plan-for-samverkan' : /medborgarlöfte/iu.test(t) ? 'medborgarlofte' : /överenskommelse/iu.test(t) ? 'samverkansoverenskommelse' : null;
  const fromTitle = title ? kindIn(title) : null;
  if (fromTitle) return fromTitle;
  const counts: Array<[DocumentKind, number]> = [
    ['plan-for-samverkan', (text.match(/plan för samverkan/giu) ?? []).length],
    ['medborgarlofte', (text.match(/medborgarlöfte/giu) ?? []).length],
    ['samverkansoverenskommelse', (text.match(/samverkansöverenskommelse/giu) ?? []).length],
  ];
  const best = counts.sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : null;
}

// Capitalised words before "kommun" that are not names ("Denna kommun", "Polisens och Kommunens").
const NOT_NAMES = new Set(['denna', 'vår', 'hela', 'varje', 'samma', 'den', 'det', 'en', 'ett', 'er', 'din', 'polisens', 'polisen', 'och']);

/**
 * "Nacka kommun", "Ekerö kommuns", "Nordmalings kommun": a name before "kommun", possibly in the
 * genitive. With the municipality list a name is confirmed (and gets its code) and a bare mention
 * in the title counts too; without it the genitive s is dropped after a consonant, a guess.
 */
export function findMunicipality(text: string, title: string | null, list: readonly Municipality[] | undefined): { name: string; code: string | null } | null {
  const byName = new Map((list ?? []).map((m) => [m.name.toLocaleLowerCase('sv'), m]));
  const scores = new Map<string, { name: string; code: string | null; score: number; first: number }>();
  const add = (name: string, code: string | null, score: number, at: number) => {
    const key = name.toLocaleLowerCase('sv');
    const seen = scores.get(key);
    if (seen) seen.score += score;
    else scores.set(key, { name, code, score, first: at });
  };
  // Lower-case "kommun" only: "Polis Kommun" is two lines of an Ansvarig column.
  for (const m of text.matchAll(/((?:\p{Lu}\p{L}*[ -])?\p{Lu}\p{L}*)\s+kommuns?\b/gu)) {
    const words = m[1]!.split(' ');
    const tries = words.length > 1 ? [m[1]!, words.at(-1)!] : [m[1]!];
    for (const candidate of tries) {
      if (NOT_NAMES.has(candidate.toLocaleLowerCase('sv'))) continue;
      const known = byName.get(candidate.toLocaleLowerCase('sv')) ?? byName.get(candidate.toLocaleLowerCase('sv').replace(/s$/u, ''));
      if (known) add(known.name, known.code, 2, m.index);
      else if (!list && !candidate.includes(' ')) add(candidate.replace(/(?<=[bcdfghjklmnpqrtvwxz])s$/u, ''), null, 2, m.index);
      else continue;
      break;
    }
  }
  if (title && list) {
    for (const m of list) {
      if (new RegExp(`(?<!\\p{L})${escapeRegExp(m.name)}s?(?!\\p{L})`, 'u').test(title)) add(m.name, m.code, 3, -1);
    }
  }
  const best = [...scores.values()].sort((a, b) => b.score - a.score || a.first - b.first)[0];
  return best ? { name: best.name, code: best.code } : null;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** "lokalpolisområdet Vällingby", "Nacka lokalpolisområde", "LPO Nacka" → "Lokalpolisområde Vällingby". */
export function findPoliceArea(text: string): string | null {
  const counts = new Map<string, number>();
  // No i flag: with it \p{Lu} also matches lower case ("lokalpolisområde tagit fram").
  const patterns = [/\b[Ll]okalpolisområdet?\s+(\p{Lu}\p{L}+)/gu, /(\p{Lu}\p{L}+)\s+lokalpolisområde\b/gu, /\bLPO\s+(\p{Lu}\p{L}+)/gu];
  for (const re of patterns) for (const m of text.matchAll(re)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? `Lokalpolisområde ${best[0]}` : null;
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "Ekerö den 5 februari 2020": the last such date, where documents are signed. */
export function findSignedDate(text: string): string | null {
  const dates = [...text.matchAll(new RegExp(`\\bden\\s+(\\d{1,2})\\s+(${MONTHS.join('|')})\\s+(\\d{4})`, 'giu'))];
  const last = dates.at(-1);
  if (!last) return null;
  const month = MONTHS.indexOf(last[2]!.toLowerCase()) + 1;
  return `${last[3]}-${String(month).padStart(2, '0')}-${last[1]!.padStart(2, '0')}`;
}

type Period = PromiseDocument['period'];

/**
 * The years the promises are for: a range or year in the title, a range after "åren"/"perioden",
 * the year of signing, or a year after "under", "för", "år" or "gäller" in the text. A single year
 * is taken as that whole calendar year and `note` says so.
 */
export function findPeriod(title: string | null, body: string, signedDate: string | null): { period: Period | null; note: Text | null } {
  const range = (from: string, to: string, why: Text | null) => ({ period: { from: `${from}-01-01`, to: `${to}-12-31` }, note: why });
  const titleRange = title ? /\b(20\d\d|19\d\d)\s*[-–]\s*(20\d\d|19\d\d)\b/u.exec(title) : null;
  if (titleRange && titleRange[1]! <= titleRange[2]!) return range(titleRange[1]!, titleRange[2]!, null);
  const titleYear = title ? /\b(20\d\d|19\d\d)\b/u.exec(title) : null;
  if (titleYear) {
    const y = titleYear[1]!;
    return range(y, y, text(`Rubriken anger bara året ${y}; perioden är satt till hela året.`, `The title gives only the year ${y}; the period is set to the whole year.`));
  }
  const textRange = /(?<!\p{L})(?:åren|perioden|period|gäller|under)\s+(20\d\d)\s*[-–]\s*(20\d\d)\b/iu.exec(body);
  if (textRange && textRange[1]! <= textRange[2]!) return range(textRange[1]!, textRange[2]!, null);
  if (signedDate) {
    const y = signedDate.slice(0, 4);
    return range(y, y, text(`Dokumentet anger ingen period; perioden är satt till året det skrevs under (${y}).`, `The document gives no period; the period is set to the year it was signed (${y}).`));
  }
  const years = [...body.matchAll(/(?<!\p{L})(?:under|för|år|gäller|valåret)\s+(?:år\s+)?(20\d\d)\b/giu)].map((m) => m[1]!);
  const latest = years.sort().at(-1);
  if (latest) return range(latest, latest, text(`Perioden är gissad från "${latest}" i texten och satt till hela året.`, `The period is guessed from "${latest}" in the text and set to the whole year.`));
  return { period: null, note: null };
}
