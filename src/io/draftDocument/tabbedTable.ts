import { isBullet } from './lines';
import { isPartyLine, partiesFrom } from './parties';
import { cellText, listItem, readTableRow, statusOf, type TableRow } from './table';

/**
 * A table pasted from Word or a web page arrives with a tab between cells and one line per row
 * ("Minska överservering\tMinst två krogkontroller/år\tPolis\t"), so the header says which cell is
 * which. A line with fewer tabs goes on with the cell before it (a cell that held a line break)
 * unless the row before already reached its last column.
 */
export type Column = 'title' | 'challenge' | 'measure' | 'responsible' | 'status' | 'other';

export function columnsOf(header: string | null): Column[] {
  if (!header) return [];
  return header
    .trim()
    .split(header.includes('\t') ? /\t+/u : /\s+/u)
    .map((w) => w.trim().toLocaleLowerCase('sv'))
    .filter(Boolean)
    .map((w) => (w.startsWith('aktivitet') ? 'title' : w.startsWith('utmaning') ? 'challenge' : w.startsWith('åtgärd') ? 'measure' : w.startsWith('ansvarig') ? 'responsible' : w === 'status' ? 'status' : 'other'));
}

const tabsIn = (line: string): number => (line.match(/\t/gu) ?? []).length;

/** The rows under one column header: tabbed when the lines have tabs, else one row read column after column. */
export function readTableRows(header: string | null, lines: readonly string[]): TableRow[] {
  const columns = columnsOf(header);
  if (columns.length < 2 || !lines.some((l) => tabsIn(l) > 0)) return [readTableRow(lines)];
  const rows: Array<Map<Column, string[]>> = [];
  let lastColumn = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const cells = line.split('\t');
    // A full line of cells, or any line after a row that reached its last column, starts a row.
    const startsRow = rows.length === 0 || tabsIn(line) >= columns.length - 1 || lastColumn >= columns.length - 1;
    if (startsRow) rows.push(new Map());
    const row = rows.at(-1)!;
    const first = startsRow ? 0 : lastColumn;
    cells.forEach((cell, k) => {
      const column = columns[Math.min(first + k, columns.length - 1)]!;
      if (cell.trim() === '') return;
      row.set(column, [...(row.get(column) ?? []), cell.trim()]);
      lastColumn = first + k;
    });
  }
  return rows.map(rowOf);
}

function rowOf(cells: Map<Column, string[]>): TableRow {
  const get = (c: Column) => cells.get(c) ?? [];
  const measures: string[][] = [];
  for (const line of get('measure')) {
    if (measures.length === 0 || isBullet(line) || /[.!?]$/u.test(measures.at(-1)!.at(-1)!)) measures.push([line]);
    else measures.at(-1)!.push(line);
  }
  // One party per line, a line that is no party name goes on with the one before ("Kommun/Sociala⏎omsorgsprocessen").
  const parties: string[][] = [];
  for (const line of get('responsible')) {
    if (parties.length === 0 || isPartyLine(line)) parties.push([line]);
    else parties.at(-1)!.push(line);
  }
  const challenge = get('challenge');
  const title = get('title');
  return {
    title: title.length > 0 ? cellText(title) : null,
    challengeRaw: challenge.length > 0 ? challenge.join('\n') : null,
    challenge: challenge.length > 0 ? cellText(challenge) : null,
    measures: measures.map(cellText).map(listItem).filter(Boolean),
    firstMeasureRaw: measures[0] ? measures[0].join('\n') : null,
    responsible: parties.flatMap((p) => partiesFrom(cellText(p))),
    status: get('status').map(statusOf).find((s) => s !== null) ?? null,
  };
}
