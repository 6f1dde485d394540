/** The languages of the UI; every message the app makes is written in both. */
export type Language = 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['sv', 'en'];

/**
 * A message in both UI languages, picked when it is shown (`message[language]`), never when it is
 * made: the user may switch language after a file was read, and what the importer or a rule said
 * must switch with the rest of the page. Plain data, so it crosses a Web Worker (structured clone)
 * and the team server's JSON answers unchanged.
 */
export interface Text {
  readonly sv: string;
  readonly en: string;
}

export const text = (sv: string, en: string): Text => ({ sv, en });

/** The same in both languages: a value from a file, a file name, a number, a code. */
export const same = (value: string): Text => ({ sv: value, en: value });

/** Each language's parts joined on their own: `joinText([a, b], '; ')`. */
export function joinText(parts: readonly Text[], separator: string): Text {
  return { sv: parts.map((p) => p.sv).join(separator), en: parts.map((p) => p.en).join(separator) };
}

/** Builds a Text from one template run once per language, for messages that interpolate other Texts. */
export function perLanguage(make: (language: Language) => string): Text {
  return { sv: make('sv'), en: make('en') };
}

/** For data from outside (a server's answer, a stored queue entry): is this a Text? */
export function isText(value: unknown): value is Text {
  return !!value && typeof value === 'object' && typeof (value as Text).sv === 'string' && typeof (value as Text).en === 'string';
}
