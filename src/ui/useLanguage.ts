import { useCallback, useEffect, useState } from 'react';
import { dictionary, isDictionaryLoaded, loadDictionary, type Language } from './i18n';

const LANGUAGE_KEY = 'trygghetskartan.language';

/** Swedish by default; a link's language wins, then the user's last choice. */
export function useLanguage(fromUrl: Language | null): [Language, (language: Language) => void] {
  const wanted = initialLanguage(fromUrl);
  // main.tsx loads the first language's strings before the first render; until then (tests, a
  // failed load) the page stays Swedish rather than showing a mix.
  const [language, setShown] = useState<Language>(() => (isDictionaryLoaded(wanted) ? wanted : 'sv'));
  const setLanguage = useCallback((next: Language) => {
    if (isDictionaryLoaded(next)) return setShown(next);
    void loadDictionary(next).then(() => setShown(next), () => {});
  }, []);
  useEffect(() => {
    // Not loaded before the first render (main.tsx loads it; a test may render directly): load it now.
    if (language !== wanted) setLanguage(wanted);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = dictionary(language).appTitle;
    try {
      localStorage.setItem(LANGUAGE_KEY, language);
    } catch {
      // Private mode may refuse storage; the choice then lasts for this visit only.
    }
  }, [language]);
  return [language, setLanguage];
}

/** The language the page opens in: a link's, else the last choice, else Swedish. */
export function initialLanguage(fromUrl: Language | null): Language {
  return fromUrl ?? storedLanguage();
}

function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}
