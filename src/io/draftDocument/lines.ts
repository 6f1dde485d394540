/**
 * What a single line of an extracted text is. The texts come from PDFs and web pages, so layout is
 * all we have: bullets arrive as •, U+F0B7 (Symbol font) or "- ", bold as **…**, headings as short
 * lines without a full stop.
 */

export interface SourceLine {
  text: string;
  /** Offsets in the original text, so a block can be cut back out verbatim. */
  start: number;
  end: number;
}

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const re = /\r?\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ text: text.slice(start, m.index), start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ text: text.slice(start), start, end: text.length });
  return lines;
}

// A dash only counts as a bullet with a space after it, so "Vår- och" and "-2025" stay words.
const BULLET = /^\s*(?:[•\uF0B7▪◦●‣∙·]|[-–—*](?=\s))\s*/u;

export const isBlank = (line: string): boolean => line.trim() === '';
export const isBullet = (line: string): boolean => BULLET.test(line) && line.replace(BULLET, '').trim() !== '';
export const stripBullet = (line: string): string => line.replace(BULLET, '');

/** "Aktivitet: Krogkontroller" (also "Aktivitet 3:"), the title of one activity table. */
export function activityTitleOf(line: string): string | null {
  const m = /^\s*(?:[•\uF0B7\-–]\s*)?\**\s*Aktivitet(?:\s+\d+)?\s*:\**\s*(\S.*?)\**\s*$/iu.exec(line);
  return m?.[1] ? m[1].trim() : null;
}

const HEADER_WORDS = new Set(['utmaning', 'utmaningar', 'åtgärd', 'åtgärder', 'ansvarig', 'ansvariga', 'status', 'mål', 'mätbart', 'tidsplan', 'tid', 'kommentar', 'uppföljning', 'aktivitet']);

/** The column header of an activity table: "Utmaning Åtgärd Ansvarig Status". */
export function isTableHeader(line: string): boolean {
  const words = line.toLowerCase().split(/[\s|;,]+/u).filter(Boolean);
  return words.length >= 2 && words.length <= 8 && words.every((w) => HEADER_WORDS.has(w)) && words.includes('ansvarig') && (words.includes('utmaning') || words.includes('åtgärd') || words.includes('åtgärder'));
}

/** Wrapped in ** (markdown bold from a web page or converter); may span lines. */
export const isBold = (text: string): boolean => /^\s*\*\*[^*]+\*\*\s*$/u.test(text);

export const startsLowercase = (line: string): boolean => /^\s*\p{Ll}/u.test(stripBullet(line));
/** A word split over the line break ("radikali-"), so the next line continues it whatever comes between. */
export const endsWithSplitWord = (line: string): boolean => /\p{L}-\s*$/u.test(line);

/**
 * Short, capitalised, no full stop: how headings look once the fonts are gone. The word limit
 * keeps wrapped sentences out; ":" and "!" are allowed ("Ökad trygghet och synlighet genom:").
 */
export function looksLikeHeading(text: string): boolean {
  const t = text.replace(/\*\*/g, '').replace(/\s+/gu, ' ').trim();
  if (t.length === 0 || t.length > 100) return false;
  if (t.split(' ').length > 12) return false;
  if (/[.,;]$/u.test(t)) return false;
  return /^[\p{Lu}\d"”«(]/u.test(t);
}
