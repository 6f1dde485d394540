import type { Activity } from '../../domain/activity';

export type Responsible = Activity['responsible'][number];

/**
 * The Ansvarig column: "Polis", "Kommun/Sociala omsorgsprocessen", "Fastighetsägare och andra
 * aktörer i området." A capitalised line starting with one of these words (and short, with no "ska")
 * opens a party, as does any capitalised name of the form "Kommun/…".
 */
const PARTY_START =
  /^(?:polis(?:en)?|kommun(?:en|ens)?|lpo|lokalpolisområde\p{L}*|länsstyrelsen|region(?:en)?|fastighetsägar\p{L}*|bostadsbolag\p{L}*|bostadsrättsförening\p{L}*|skola\p{L}*|skolor\p{L}*|socialtjänst\p{L}*|räddningstjänst\p{L}*|civilsamhället|föreningar\p{L}*|näringsliv\p{L}*|trafikverket|brå|\p{Lu}\p{L}*\s*\/)(?=$|[\s/.,])/iu;

export function isPartyLine(line: string): boolean {
  const t = line.trim();
  // Capitalised: "kommun och polis." on its own line is the end of a measure, not the Ansvarig column.
  return /^\p{Lu}/u.test(t) && PARTY_START.test(t) && t.split(/\s+/u).length <= 6 && !/\b(?:ska|skall)\b/iu.test(t);
}

/** One or more parties from joined Ansvarig lines ("Polis. Kommunens valadministration."). */
export function partiesFrom(text: string): Responsible[] {
  return text
    .split(/[.,]\s+(?=(?:polis|kommun)\p{L}*\b)/iu)
    .map((part) => part.trim())
    .filter(Boolean)
    .map(partyOf);
}

function partyOf(entry: string): Responsible {
  const m = /^(polis(?:en)?|kommun(?:en|ens)?)\b\s*\/?\s*(.*)$/iu.exec(entry);
  if (m) return { party: m[1]!.toLowerCase().startsWith('polis') ? 'polis' : 'kommun', unit: unitOf(m[2]!) };
  return { party: 'annan', unit: unitOf(entry) };
}

function unitOf(text: string): string | null {
  const t = text
    .replace(/\s*\/\s*,\s*/gu, ', ')
    .replace(/^[\s/,.;:]+|[\s/,.;:]+$/gu, '')
    .trim();
  return t === '' ? null : t.charAt(0).toLocaleUpperCase('sv') + t.slice(1);
}

/** Who a sentence names: "Polisen och kommunen ska …" → polis + kommun; "polisiär närvaro" → polis. */
export function partiesNamedIn(text: string): Responsible[] {
  const found: Responsible[] = [];
  if (/\bpolis\p{L}*/iu.test(text)) found.push({ party: 'polis', unit: null });
  if (/\bkommun(?:en|ens|erna|al\p{L}*)?\b/iu.test(text)) found.push({ party: 'kommun', unit: null });
  return found;
}
