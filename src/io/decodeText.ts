/**
 * Bytes → text. Files from Swedish Excel are UTF-8 with a BOM, or Windows-1252 when saved as
 * "CSV (semikolonavgränsad)" on older Windows; we try strict UTF-8 first because any byte sequence
 * decodes as Windows-1252, so the fallback can never be the first guess.
 */
import { text, type Text } from '../domain/text';

export type TextEncodingName = 'utf-8' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** The preview's note when we fell back. */
  note: Text | null;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    // ignoreBOM: false (the default) strips a leading UTF-8 BOM.
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: stripBom(decoded), encoding: 'utf-8', note: null };
  } catch {
    return {
      text: decodeWindows1252(bytes),
      encoding: 'windows-1252',
      note: text('filen var inte giltig UTF-8 och lästes som Windows-1252 (äldre Excel-format)', 'the file was not valid UTF-8 and was read as Windows-1252 (older Excel format)'),
    };
  }
}

/**
 * Windows-1252 by table: Node's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls
 * (plain latin1), so "€" and curly quotes from Excel would be lost; browsers follow WHATWG. Doing
 * it ourselves gives the same text everywhere.
 */
const CP1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (b >= 0x80 && b < 0xa0 ? CP1252_80_9F.charCodeAt(b - 0x80) : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
