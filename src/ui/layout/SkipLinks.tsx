import type { MouseEvent } from 'react';
import { useI18n } from '../i18n';

/**
 * The first stops of the Tab order: straight to the map (its canvas takes the arrow keys and
 * +/-) or to the list, past the header and the filters.
 */
export function SkipLinks({ onList }: { onList(): void }) {
  const { t } = useI18n();
  const go = (e: MouseEvent, selector: string, before?: () => void) => {
    e.preventDefault();
    before?.();
    // After the list is opened again, its panel exists in the next frame.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
  };
  return (
    <nav className="skip-links" aria-label={t.layout.skipLinks}>
      <a href="#map" onClick={(e) => go(e, '#map .maplibregl-canvas')}>
        {t.layout.skipToMap}
      </a>
      <a href="#data-views" onClick={(e) => go(e, '#data-views [role="tabpanel"]', onList)}>
        {t.layout.skipToList}
      </a>
    </nav>
  );
}
