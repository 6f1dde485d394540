/**
 * How area names and codes are compared between the results file and the polygons: spelling,
 * case, diacritics and punctuation vary between a spreadsheet and a GIS export of the same areas.
 */

/** "Älta", "ALTA", " älta " all become "alta"; "Saltsjö-Boo" and "Saltsjö Boo" both "saltsjo boo". */
export function normaliseAreaName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('sv')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Codes as Excel leaves them: "0182" may have become 182, so digits compare without leading
 * zeros; letters compare case-insensitively and without spaces.
 */
export function normaliseAreaCode(code: string): string {
  const compact = code.trim().replace(/\s+/g, '').toUpperCase();
  return /^\d+$/.test(compact) ? compact.replace(/^0+(?=\d)/, '') : compact;
}

/** A cell from a file as text for a rejection's detail: one line, at most 60 characters. */
export function shownCell(value: string): string {
  const oneLine = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
}
