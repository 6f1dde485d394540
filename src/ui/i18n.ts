import { createContext, useContext } from 'react';
import { en } from './strings/en';
import { sv, type Dictionary } from './strings/sv';

export type Language = 'sv' | 'en';
export type { Dictionary };

export const DICTIONARIES: Record<Language, Dictionary> = { sv, en };

export const I18nContext = createContext<{ t: Dictionary; language: Language }>({ t: sv, language: 'sv' });
export const useI18n = () => useContext(I18nContext);

export function formatDate(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}

export function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB').format(n);
}
