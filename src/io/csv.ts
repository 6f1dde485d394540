/**
 * CSV as Swedish Excel reads it: `;` between fields, decimal comma, CRLF, UTF-8 with a BOM (without
 * it Excel guesses Windows-1252 and garbles å, ä, ö).
 */
export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | null;

export function toSwedishCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(formatCell).join(';'));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

function formatCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell).replace('.', ',') : '';
  return quote(neutraliseFormula(cell));
}

/** A text starting with = + - @ would run as a formula in Excel (CSV injection); a leading ' shows it as text. */
function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
