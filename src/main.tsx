import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { loadDictionary } from './ui/i18n';
import { parseUrlState } from './ui/urlState';
import { initialLanguage } from './ui/useLanguage';
import './ui/styles.css';

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      {/* The last net: whatever no inner boundary caught still gets a message, never a blank page. */}
      <ErrorBoundary area="app" className="crash-page">
        <App />
      </ErrorBoundary>
    </StrictMode>,
  );
}

// The page opens in its language at once (English is a chunk of its own): its strings first, then
// the app; if they cannot be loaded, the app opens in Swedish rather than not at all.
void loadDictionary(initialLanguage(parseUrlState(window.location.search).language)).then(render, render);
