import { normaliseForQuote } from '../../domain/quote';
import {
  activityTitleOf,
  endsWithSplitWord,
  isBlank,
  isBold,
  isBullet,
  isTableHeader,
  looksLikeHeading,
  splitLines,
  startsLowercase,
  stripBullet,
  type SourceLine,
} from './lines';

/**
 * Text → blocks: headings, paragraphs, bullet items and "Aktivitet:" tables. `raw` is always the
 * verbatim source of the block, so its quote normalisation is a piece of the whole text's.
 */
export type Block =
  | { kind: 'heading'; text: string; raw: string }
  | { kind: 'paragraph'; raw: string }
  | { kind: 'bullet'; raw: string }
  /**
   * `title` is null for a pasted table whose "Aktivitet" column names each row. `rows`: the lines
   * after each column header; a second header under one title is a second row.
   */
  | { kind: 'activity'; title: string | null; raw: string; rows: RawRows[] };

export interface RawRows {
  header: string | null;
  lines: string[];
}

// A wrapped line that ends with one of these continues on the next line even when that starts with a capital ("med ⏎Nacka").
const OPEN_ENDINGS = /(?:,|\b(?:till|att|och|i|på|av|för|med|om|mot|kring|samt|eller|som|de|den|det|en|ett|vid|från|hos|under|inom|mellan))\s*$/iu;

const startsStructure = (line: string): boolean => isBullet(line) || activityTitleOf(line) !== null || isTableHeader(line.trim());

export function segment(text: string): Block[] {
  const lines = splitLines(text);
  const blocks: Block[] = [];
  const raw = (from: number, to: number) => text.slice(lines[from]!.start, lines[to]!.end);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!.text;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const activity = activityTitleOf(line);
    if (activity !== null) {
      const end = tableEnd(lines, i + 1);
      blocks.push({ kind: 'activity', title: activity, raw: raw(i, end - 1), rows: tableRows(lines.slice(i + 1, end)) });
      i = end;
    } else if (isBullet(line)) {
      const end = runEnd(lines, i, true);
      const r = raw(i, end - 1);
      // "- **Droger**": a bold bullet is how converted documents mark their headings.
      blocks.push(isBold(stripBullet(r)) ? { kind: 'heading', text: cleanHeading(r), raw: r } : { kind: 'bullet', raw: r });
      i = end;
    } else if (isTableHeader(line.trim())) {
      // A header with tabbed rows under it is a whole pasted table; a lone header carries no text.
      let next = i + 1;
      while (next < lines.length && isBlank(lines[next]!.text)) next++;
      if (lines[next]?.text.includes('\t')) {
        const end = tableEnd(lines, i);
        blocks.push({ kind: 'activity', title: null, raw: raw(i, end - 1), rows: tableRows(lines.slice(i, end)) });
        i = end;
      } else i++;
    } else {
      const end = runEnd(lines, i, false);
      blocks.push(...paragraphOrHeading(lines, i, end, raw));
      i = end;
    }
  }
  return blocks;
}

/** Where a paragraph or bullet item ends: blank lines end it unless the text plainly goes on. */
function runEnd(lines: SourceLine[], from: number, bullet: boolean): number {
  let last = from;
  let k = from + 1;
  while (k < lines.length) {
    const line = lines[k]!.text;
    if (isBlank(line)) {
      let next = k;
      while (next < lines.length && isBlank(lines[next]!.text)) next++;
      if (next >= lines.length || startsStructure(lines[next]!.text)) break;
      // PDF page breaks and web converters leave blank lines mid-sentence ("radikali-⏎⏎sering").
      if (!endsWithSplitWord(lines[last]!.text) && !startsLowercase(lines[next]!.text)) break;
      k = next;
      continue;
    }
    if (startsStructure(line)) break;
    // A bullet is one item: a capitalised next line is a new paragraph unless the sentence is still open.
    if (bullet && !startsLowercase(line) && !endsWithSplitWord(lines[last]!.text) && !OPEN_ENDINGS.test(lines[last]!.text)) break;
    last = k;
    k++;
  }
  return last + 1;
}

function paragraphOrHeading(lines: SourceLine[], from: number, end: number, raw: (a: number, b: number) => string): Block[] {
  const whole = raw(from, end - 1);
  const count = end - from;
  // A heading wrapped onto a second line goes on in lower case ("Polisens och Ekerö⏎kommuns medborgarlöfte").
  const wrapped = count === 2 && startsLowercase(lines[from + 1]!.text);
  if (looksLikeHeading(whole) && (count === 1 || wrapped || isBold(whole))) return [{ kind: 'heading', text: cleanHeading(whole), raw: whole }];
  // "Syfte och bakgrund⏎Nacka kommun och …": a heading set directly above its text, no blank line.
  const first = lines[from]!.text.trim();
  const rest = lines.slice(from + 1, end).map((l) => l.text.trim());
  const longest = rest.reduce((m, l) => Math.max(m, l.length), 0);
  const restWords = rest.join(' ').split(/\s+/u).filter(Boolean).length;
  if (count > 1 && looksLikeHeading(first) && !startsLowercase(lines[from + 1]!.text) && restWords >= 4 && first.length < 0.6 * longest) {
    return [{ kind: 'heading', text: cleanHeading(first), raw: raw(from, from) }, { kind: 'paragraph', raw: raw(from + 1, end - 1) }];
  }
  return [{ kind: 'paragraph', raw: whole }];
}

export const cleanHeading = (raw: string): string => normaliseForQuote(stripBullet(raw)).replace(/^[-–—*]\s+/u, '').trim();

/**
 * A table runs until the next "Aktivitet:" or until a heading that stands above full-width text
 * again ("Unga i risk för kriminalitet⏎Det övergripande syftet …"): table cells are narrow.
 */
function tableEnd(lines: SourceLine[], from: number): number {
  let k = from;
  for (; k < lines.length; k++) {
    const line = lines[k]!.text;
    if (activityTitleOf(line) !== null) break;
    if (isBlank(line) || isTableHeader(line.trim()) || line.includes('\t')) continue;
    if (isBold(stripBullet(line))) break;
    if (!looksLikeHeading(line)) continue;
    let next = k + 1;
    while (next < lines.length && isBlank(lines[next]!.text)) next++;
    const after = lines[next]?.text ?? '';
    if (after.trim().length >= 50 && activityTitleOf(after) === null && !isTableHeader(after.trim())) break;
  }
  return k;
}

function tableRows(body: SourceLine[]): RawRows[] {
  const rows: RawRows[] = [];
  let current: RawRows | null = null;
  const before: string[] = [];
  for (const line of body) {
    if (isTableHeader(line.text.trim())) rows.push((current = { header: line.text, lines: [] }));
    else (current?.lines ?? before).push(line.text);
  }
  // No column header: the lines are still the activity's text, read as one row.
  if (rows.length === 0) rows.push({ header: null, lines: before });
  return rows;
}

/** A block with its quote-normalised text and where that starts in the whole normalised text. */
export type LocatedBlock = Block & { norm: string; offset: number };

/** Blocks are in text order, so each is looked for after the one before (a heading can recur). */
export function locateBlocks(blocks: readonly Block[], locate: (fragment: string, from: number) => number): LocatedBlock[] {
  let cursor = 0;
  return blocks.map((block) => {
    const norm = normaliseForQuote(block.raw);
    const found = locate(norm, cursor);
    const offset = found >= 0 ? found : cursor;
    cursor = offset;
    return { ...block, norm, offset };
  });
}
