import { useEffect, useRef } from 'react';
import { parseUrlState, serializeUrlState, type UrlState } from './urlState';

/**
 * Keeps the URL in step with the view. Discrete changes (filters, selection, tab) push a history
 * entry so back/forward walk through them; map moves only replace the current one. Back/forward
 * hand the parsed state to `onNavigate`.
 */
export function useUrlSync(state: Omit<UrlState, 'view'>, view: UrlState['view'], onNavigate: (state: UrlState) => void) {
  const navigateRef = useRef(onNavigate);
  navigateRef.current = onNavigate;
  const viewRef = useRef(view);
  viewRef.current = view;

  useEffect(() => {
    const listener = () => navigateRef.current(parseUrlState(window.location.search));
    window.addEventListener('popstate', listener);
    return () => window.removeEventListener('popstate', listener);
  }, []);

  const discrete = serializeUrlState({ ...state, view: null });
  useEffect(() => {
    const current = parseUrlState(window.location.search);
    if (serializeUrlState({ ...current, view: null }) === discrete) return;
    window.history.pushState(null, '', urlWith(serializeUrlState({ ...state, view: viewRef.current })));
    // `discrete` is the serialised form of `state`: it changes exactly when the state does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [discrete]);

  useEffect(() => {
    if (!view) return;
    const next = urlWith(serializeUrlState({ ...parseUrlState(window.location.search), view }));
    if (next !== window.location.pathname + window.location.search) window.history.replaceState(null, '', next);
  }, [view]);
}

const urlWith = (search: string) => `${window.location.pathname}${search}`;
