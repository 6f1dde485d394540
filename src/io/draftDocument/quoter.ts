import { normaliseForQuote } from '../../domain/quote';

/**
 * Quotes are cut from the quote-normalised source itself (src/domain/quote.ts), so every quote the
 * draft offers passes the same check as the shipped data's: it is a piece of that text by
 * construction, not a paraphrase. The data's convention is 5-40 words; shorter pieces (a list item
 * "krogen (Krogen)") take the words before them, longer ones stop at a sentence end or word 40.
 */
export const MIN_QUOTE_WORDS = 5;
export const MAX_QUOTE_WORDS = 40;

export interface Quoter {
  readonly normalised: string;
  /** Where `fragment` (any source text) starts in the normalised text, searching from `from`; -1 if nowhere. */
  locate(fragment: string, from?: number): number;
  /** A 5-40 word quote around `fragment`, or null when it is not in the text. */
  quote(fragment: string, from?: number): string | null;
  /** Whether `quote` is in the text; quotes this quoter made are known to be, without a search. */
  isVerbatim(quote: string): boolean;
}

export function createQuoter(source: string): Quoter {
  const normalised = normaliseForQuote(source);
  const made = new Set<string>();

  const find = (needle: string, from: number): number => {
    if (needle.length === 0) return -1;
    const near = normalised.indexOf(needle, from);
    return near >= 0 ? near : normalised.indexOf(needle);
  };

  /** The position and normalised text of the fragment; a word split at the fragment's edge may need its ends trimmed. */
  const span = (fragment: string, from: number): { start: number; text: string } | null => {
    let words = normaliseForQuote(fragment).split(' ').filter(Boolean);
    for (let trims = 0; words.length > 0 && trims < 3; trims++) {
      const text = words.join(' ');
      const start = find(text, from);
      if (start >= 0) return { start, text };
      words = words.length > 2 ? words.slice(1, -1) : [];
    }
    return null;
  };

  return {
    normalised,
    locate: (fragment, from = 0) => span(fragment, from)?.start ?? -1,
    quote(fragment, from = 0) {
      const found = span(fragment, from);
      if (!found) return null;
      let { start } = found;
      let end = start + found.text.length;
      // Take whole words before the piece until it has five, then after it if the text begins there.
      while (wordCount(normalised.slice(start, end)) < MIN_QUOTE_WORDS && start > 0) start = previousWordStart(normalised, start);
      while (wordCount(normalised.slice(start, end)) < MIN_QUOTE_WORDS && end < normalised.length) end = nextWordEnd(normalised, end);
      const quote = shorten(normalised.slice(start, end));
      made.add(quote);
      return quote;
    },
    isVerbatim: (quote) => made.has(quote) || normalised.includes(normaliseForQuote(quote)),
  };
}

const wordCount = (text: string): number => text.split(' ').filter(Boolean).length;

function previousWordStart(text: string, start: number): number {
  let i = start;
  while (i > 0 && text[i - 1] === ' ') i--;
  while (i > 0 && text[i - 1] !== ' ') i--;
  return i;
}

function nextWordEnd(text: string, end: number): number {
  let i = end;
  while (i < text.length && text[i] === ' ') i++;
  while (i < text.length && text[i] !== ' ') i++;
  return i;
}

/** At most 40 words, ending at the last sentence end within them when there is one. */
export function shorten(text: string): string {
  const words = text.split(' ').filter(Boolean);
  if (words.length <= MAX_QUOTE_WORDS) return words.join(' ');
  const head = words.slice(0, MAX_QUOTE_WORDS);
  for (let n = head.length; n >= MIN_QUOTE_WORDS; n--) if (/[.!?]$/u.test(head[n - 1]!)) return head.slice(0, n).join(' ');
  return head.join(' ');
}
