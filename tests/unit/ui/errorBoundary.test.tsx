// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../src/ui/ErrorBoundary';
import { I18nContext, type Dictionary } from '../../../src/ui/i18n';
import { en } from '../../../src/ui/strings/en';

let broken = true;
function Fragile({ label }: { label: string }) {
  if (broken) throw new Error('Trasig karta');
  return <p>{label}</p>;
}

beforeEach(() => {
  broken = true;
  // React reports every caught error on the console; the boundary logs it too.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  document.documentElement.lang = '';
});

describe('ErrorBoundary', () => {
  it('shows what failed in Swedish, says the stored data is intact, and leaves the rest of the page alone', () => {
    render(
      <div>
        <ErrorBoundary area="map">
          <Fragile label="Kartan" />
        </ErrorBoundary>
        <p>Listan fungerar</p>
      </div>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Kartan kunde inte visas');
    expect(alert.textContent).toContain('Det som gick fel: Trasig karta');
    expect(alert.textContent).toContain('Dina sparade data är orörda');
    expect(screen.getByText('Listan fungerar')).toBeTruthy();
    expect(console.error).toHaveBeenCalledWith('Trygghetskartan: map kraschade', expect.any(Error), expect.anything());
  });

  it('tries again: renders the children anew once the cause is gone, and shows the message again if it is not', () => {
    render(
      <ErrorBoundary area="panel">
        <Fragile label="Platsens uppgifter visas" />
      </ErrorBoundary>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(screen.getByRole('alert').textContent).toContain('Platsens uppgifter kunde inte visas');
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Platsens uppgifter visas')).toBeTruthy();
  });

  it('speaks the UI language from the context', () => {
    render(
      <I18nContext.Provider value={{ t: en, language: 'en' }}>
        <ErrorBoundary area="data">
          <Fragile label="x" />
        </ErrorBoundary>
      </I18nContext.Provider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The list and views could not be shown');
    expect(alert.textContent).toContain('What failed: Trasig karta');
    expect(alert.textContent).toContain('Your stored data is intact');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('falls back to Swedish when the language context itself is broken or missing', () => {
    render(
      <I18nContext.Provider value={{ t: {} as Dictionary, language: 'en' }}>
        <ErrorBoundary area="map">
          <Fragile label="x" />
        </ErrorBoundary>
      </I18nContext.Provider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Kartan kunde inte visas');
    cleanup();
    render(
      <I18nContext.Provider value={null as unknown as { t: Dictionary; language: 'sv' }}>
        <ErrorBoundary area="map">
          <Fragile label="x" />
        </ErrorBoundary>
      </I18nContext.Provider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Kartan kunde inte visas');
  });

  it('at the root, outside the language context, follows the page language and offers a reload', () => {
    document.documentElement.lang = 'en';
    render(
      <ErrorBoundary area="app">
        <Fragile label="x" />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Trygghetskartan could not be shown');
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('offers Close when told how, which resets and dismisses', () => {
    const onDismiss = vi.fn();
    render(
      <ErrorBoundary area="panel" onDismiss={onDismiss}>
        <Fragile label="x" />
      </ErrorBoundary>,
    );
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Stäng' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});
