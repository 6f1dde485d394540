import { useCallback, useState } from 'react';

/** How the user arranged the panels: kept in this browser, so the next visit opens the same way. */
export interface LayoutPrefs {
  /** The filter column on wide screens (on a phone the filters start closed each visit). */
  filtersOpen: boolean;
  filtersWidth: number;
  /** The table and views under the map. */
  dataOpen: boolean;
  dataHeight: number;
  /** The place panel on the right. */
  panelWidth: number;
}

const KEY = 'trygghetskartan.layout';
// The map gets the most room: the list under a third of the height, the filters open only where the
// screen is wide enough to leave the map the larger part beside them.
const defaults = (): LayoutPrefs => ({
  filtersOpen: typeof window === 'undefined' || window.innerWidth >= 1100,
  filtersWidth: 272,
  dataOpen: true,
  dataHeight: typeof window === 'undefined' ? 280 : Math.round(Math.max(180, window.innerHeight * 0.3)),
  panelWidth: 384,
});

function read(): LayoutPrefs {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Record<keyof LayoutPrefs, unknown>> | null;
    const fallback = defaults();
    if (!stored || typeof stored !== 'object') return fallback;
    const pick = <K extends keyof LayoutPrefs>(key: K): LayoutPrefs[K] =>
      (typeof stored[key] === typeof fallback[key] ? stored[key] : fallback[key]) as LayoutPrefs[K];
    return { filtersOpen: pick('filtersOpen'), filtersWidth: pick('filtersWidth'), dataOpen: pick('dataOpen'), dataHeight: pick('dataHeight'), panelWidth: pick('panelWidth') };
  } catch {
    // Storage refused (private mode) or a damaged value: the defaults, nothing lost.
    return defaults();
  }
}

export function useLayoutPrefs(): [LayoutPrefs, (change: Partial<LayoutPrefs>) => void] {
  const [prefs, setPrefs] = useState(read);
  const update = useCallback((change: Partial<LayoutPrefs>) => {
    setPrefs((current) => {
      const next = { ...current, ...change };
      try {
        localStorage.setItem(KEY, JSON.stringify(next));
      } catch {
        // Not kept for the next visit; the layout still changes now.
      }
      return next;
    });
  }, []);
  return [prefs, update];
}
