import { DOMParser, type Document } from '@xmldom/xmldom';
import { err, ok, type Result } from '../domain/result';
import type { ImportFailure } from './importTypes';

/**
 * @xmldom/xmldom, not the browser's DOMParser: that one does not exist in a Web Worker. xmldom
 * does not expand entities from a DOCTYPE, so "billion laughs" files cannot blow up memory.
 */
export function parseXml(text: string, expectedRoot: 'gpx' | 'kml', label: string): Result<{ doc: Document; note: string | null }, ImportFailure> {
  let recoverable = 0;
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        // Fatal errors (unclosed tags: a cut-off download) stop; lesser ones such as an unknown
        // HTML entity in a description leave a usable document.
        if (level === 'fatalError') throw new Error(message);
        if (level === 'error') recoverable++;
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^.*caused Error: /, '').slice(0, 200) : '';
    return err({
      code: 'unreadable',
      message: `${label}-filen kunde inte läsas som XML; den kan vara avkortad eller skadad${detail ? ` (${detail})` : ''}.`,
    });
  }
  const root = doc.documentElement;
  const rootName = (root?.localName ?? root?.nodeName ?? '').toLowerCase();
  if (rootName !== expectedRoot) {
    return err({ code: 'unknown-format', message: `Filen är XML men inte ${label} (rotelementet är ${rootName.slice(0, 40) || 'tomt'}).` });
  }
  const note = recoverable > 0 ? `${recoverable} mindre XML-fel (t.ex. okända tecken-entiteter) ignorerades` : null;
  return ok({ doc, note });
}
