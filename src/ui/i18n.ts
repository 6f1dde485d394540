import { createContext, useContext } from 'react';
import { en } from './strings/en';
import { sv, type Dictionary } from './strings/sv';

export type Language = 'sv' | 'en';
export type { Dictionary };

export const DICTIONARIES: Record<Language, Dictionary> = { sv, en };

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
