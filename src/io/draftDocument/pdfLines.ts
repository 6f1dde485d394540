/**
 * PDF text comes as positioned pieces, not lines. Pieces at the same height form a line (left to
 * right); a taller gap than a line's leading becomes a blank line, so paragraphs, headings and
 * bullets come out as they looked; a wide horizontal gap becomes two spaces, which is how the
 * table reader tells cells on one line apart.
 */
export interface PlacedText {
  str: string;
  x: number;
  /** PDF coordinates: y grows upwards. */
  y: number;
  width: number;
  /** The font size, about; 0 in some files. */
  height: number;
}

const PARAGRAPH_GAP = 1.7; // × font size; single-spaced text has its lines 1.1-1.5 apart
const COLUMN_GAP = 1.5; // × font size between pieces on a line
const WORD_GAP = 0.15;

export function linesFromPlacedText(pieces: readonly PlacedText[]): string[] {
  const items = pieces.filter((p) => p.str.trim() !== '').map((p) => ({ ...p, height: p.height > 0 ? p.height : 10 }));
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Array<typeof items> = [];
  for (const item of items) {
    const row = rows.at(-1);
    // Superscripts and mixed fonts sit a little off the line; half a font size apart is still the same line.
    if (row && Math.abs(row[0]!.y - item.y) <= 0.5 * Math.max(row[0]!.height, item.height)) row.push(item);
    else rows.push([item]);
  }
  const lines: string[] = [];
  let previous: { y: number; height: number } | null = null;
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    const first = row[0]!;
    if (previous && previous.y - first.y > PARAGRAPH_GAP * Math.max(previous.height, first.height)) lines.push('');
    let text = first.str;
    for (let i = 1; i < row.length; i++) {
      const [a, b] = [row[i - 1]!, row[i]!];
      const gap = b.x - (a.x + a.width);
      const size = Math.max(a.height, b.height);
      const spaced = /\s$/u.test(a.str) || /^\s/u.test(b.str);
      text += gap > COLUMN_GAP * size ? '  ' : gap > WORD_GAP * size && !spaced ? ' ' : '';
      text += b.str;
    }
    lines.push(text.replace(/\s+$/u, ''));
    previous = { y: first.y, height: first.height };
  }
  return lines;
}
