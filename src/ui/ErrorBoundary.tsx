import { Component, type ErrorInfo, type ReactNode } from 'react';
import { distrustStoredRecords } from '../data/readDataset';
import { I18nContext, type Dictionary } from './i18n';
import { CRASH } from './strings/crash';

export type CrashArea = 'app' | 'map' | 'data' | 'panel';

interface Props {
  /** Which part of the page this boundary guards: named in the message. */
  area: CrashArea;
  children: ReactNode;
  /** Class of the message's box, so it takes the guarded part's place in the layout. */
  className?: string;
  /** Offered as "Close" beside "Try again" (e.g. to close a place's panel that keeps failing). */
  onDismiss?(): void;
}

interface State {
  error: Error | null;
}

type CrashStrings = Dictionary['crash'];

/**
 * The boundary's words. It must speak even when the language context is what failed: it reads the
 * context's dictionary if there is a usable one that agrees with the page's language (useLanguage
 * sets <html lang>; outside the provider the context is only its Swedish default), else the page's
 * language, else Swedish.
 */
function crashStrings(context: unknown): CrashStrings {
  const value = context as { t?: Partial<Dictionary>; language?: unknown } | null;
  const fromContext = value?.t?.crash;
  const pageLanguage = typeof document !== 'undefined' ? document.documentElement.lang : '';
  const pageKnown = pageLanguage === 'sv' || pageLanguage === 'en';
  if (fromContext && typeof fromContext.title === 'function' && (!pageKnown || value?.language === pageLanguage)) return fromContext;
  return pageLanguage === 'en' ? CRASH.en : CRASH.sv;
}

/** What failed, in one line: the error's own message, or its name. */
function describe(error: Error): string {
  const message = (error?.message ?? '').trim();
  return (message || error?.name || String(error)).slice(0, 300);
}

/**
 * Catches a rendering error in its part of the page, so one failing panel never blanks the rest:
 * says what failed and that the stored data is intact (rendering writes nothing), and offers to try
 * again, which renders the children anew.
 */
export class ErrorBoundary extends Component<Props, State> {
  static override contextType = I18nContext;
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For whoever opens the console or collects logs; the user gets the message below.
    console.error(`Trygghetskartan: ${this.props.area} kraschade`, error, info.componentStack);
    // The start-up read trusts the stored records; after a crash the next one checks them first.
    distrustStoredRecords();
  }

  reset = () => this.setState({ error: null });

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const s = crashStrings(this.context);
    const area = s.areas[this.props.area] ?? this.props.area;
    const isApp = this.props.area === 'app';
    return (
      <div className={['crash', this.props.className].filter(Boolean).join(' ')} role="alert" data-testid={`crash-${this.props.area}`}>
        <h2>{s.title(area)}</h2>
        <p>{s.whatFailed(describe(error))}</p>
        <p>{isApp ? s.dataIntactApp : s.dataIntact}</p>
        <div className="crash-actions">
          <button type="button" onClick={this.reset}>
            {s.tryAgain}
          </button>
          {isApp && (
            <button type="button" onClick={() => window.location.reload()}>
              {s.reload}
            </button>
          )}
          {this.props.onDismiss && (
            <button
              type="button"
              onClick={() => {
                this.reset();
                this.props.onDismiss?.();
              }}
            >
              {s.close}
            </button>
          )}
        </div>
      </div>
    );
  }
}
