import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import './ui/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* The last net: whatever no inner boundary caught still gets a message, never a blank page. */}
    <ErrorBoundary area="app" className="crash-page">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
