import { createContext, useContext } from 'react';
import { sv, type Dictionary } from './strings/sv';

// One definition of the languages, shared with the importers and rules that word their messages in both.
import type { Language } from '../domain/text';
export type { Language };
export type { Dictionary };

/**
 * Swedish is in the page; English loads when it is asked for (or once the page is idle, so a
 * switch is instant): most visits never need it, and it is a tenth of the first JavaScript.
 */
const loaded: Partial<Record<Language, Dictionary>> = { sv };
let english: Promise<Dictionary> | null = null;

/** The language's strings if they are here, else Swedish (only until loadDictionary has resolved). */
export function dictionary(language: Language): Dictionary {
  return loaded[language] ?? sv;
}

export function isDictionaryLoaded(language: Language): boolean {
  return loaded[language] !== undefined;
}

export function loadDictionary(language: Language): Promise<Dictionary> {
  if (language === 'sv') return Promise.resolve(sv);
  english ??= import('./strings/en').then((m) => (loaded.en = m.en));
  return english;
}

export const I18nContext = createContext<{ t: Dictionary; language: Language }>({ t: sv, language: 'sv' });
export const useI18n = () => useContext(I18nContext);

// Made once per language: building an Intl formatter costs far more than formatting with one,
// and a table page formats a hundred dates.
const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };
const dateFormats = { sv: new Intl.DateTimeFormat(LOCALES.sv, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }), en: new Intl.DateTimeFormat(LOCALES.en, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }) };
const numberFormats = { sv: new Intl.NumberFormat(LOCALES.sv), en: new Intl.NumberFormat(LOCALES.en) };

export function formatDate(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return dateFormats[language].format(date);
}

export function formatNumber(n: number, language: Language): string {
  return numberFormats[language].format(n);
}
