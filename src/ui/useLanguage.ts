import { useEffect, useState } from 'react';
import { DICTIONARIES, type Language } from './i18n';

const LANGUAGE_KEY = 'trygghetskartan.language';

/** Swedish by default; a link's language wins, then the user's last choice. */
export function useLanguage(fromUrl: Language | null): [Language, (language: Language) => void] {
  const [language, setLanguage] = useState<Language>(() => fromUrl ?? storedLanguage());
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = DICTIONARIES[language].appTitle;
    try {
      localStorage.setItem(LANGUAGE_KEY, language);
    } catch {
      // Private mode may refuse storage; the choice then lasts for this visit only.
    }
  }, [language]);
  return [language, setLanguage];
}

function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}
