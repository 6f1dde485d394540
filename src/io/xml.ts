import { DOMParser, type Document } from '@xmldom/xmldom';
import { enCount, svCount } from '../domain/plural';
import { err, ok, type Result } from '../domain/result';
import { text, type Text } from '../domain/text';
import type { ImportFailure } from './importTypes';

/**
 * @xmldom/xmldom, not the browser's DOMParser: that one does not exist in a Web Worker. xmldom
 * does not expand entities from a DOCTYPE, so "billion laughs" files cannot blow up memory.
 */
export function parseXml(source: string, expectedRoot: 'gpx' | 'kml', label: string): Result<{ doc: Document; note: Text | null }, ImportFailure> {
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
    }).parseFromString(source, 'text/xml');
  } catch (e) {
    const detail = e instanceof Error ? e.message.replace(/^.*caused Error: /, '').slice(0, 200) : '';
    const parser = detail ? ` (${detail})` : '';
    return err({
      code: 'unreadable',
      message: text(`${label}-filen kunde inte läsas som XML; den kan vara avkortad eller skadad${parser}.`, `The ${label} file could not be read as XML; it may be cut short or damaged${parser}.`),
    });
  }
  const root = doc.documentElement;
  const rootName = (root?.localName ?? root?.nodeName ?? '').toLowerCase();
  if (rootName !== expectedRoot) {
    const shown = rootName.slice(0, 40);
    return err({
      code: 'unknown-format',
      message: text(`Filen är XML men inte ${label} (rotelementet är ${shown || 'tomt'}).`, `The file is XML but not ${label} (the root element is ${shown || 'empty'}).`),
    });
  }
  const note =
    recoverable > 0
      ? text(`${svCount(recoverable, 'mindre XML-fel', 'mindre XML-fel')} (t.ex. okända tecken-entiteter) ignorerades`, `${enCount(recoverable, 'minor XML error', 'minor XML errors')} (e.g. unknown character entities) ignored`)
      : null;
  return ok({ doc, note });
}
