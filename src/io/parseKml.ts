import { kml } from '@tmcw/togeojson';
import type { Element } from '@xmldom/xmldom';
import { err, ok, type Result } from '../domain/result';
import { text } from '../domain/text';
import { buildCandidates, type RawFeature } from './buildCandidates';
import type { DecodedText } from './decodeText';
import type { ImportFailure, ImportOptions, ParsedImport } from './importTypes';
import { ImportNotes } from './sanitize';
import { parseXml } from './xml';

/** KML is WGS 84 by definition (OGC KML 2.2), so there is nothing to detect or reproject. */
export function parseKml(input: DecodedText, fileName: string, options: ImportOptions = {}): Result<ParsedImport, ImportFailure> {
  const notes = new ImportNotes();
  if (input.note) notes.add(input.note);
  const xml = parseXml(input.text, 'kml', 'KML');
  if (!xml.ok) return xml;
  if (xml.value.note) notes.add(xml.value.note);
  options.onProgress?.(0.3);

  const doc = xml.value.doc;
  const collection = kml(doc);
  // kml() yields Placemarks in document order first, so feature i is placemark i; that lets us
  // read names that exporters put outside <name> (ÖDOK writes a non-standard <title>).
  const placemarks = Array.from(doc.getElementsByTagName('Placemark'));
  const features: RawFeature[] = collection.features.map((f, i) => {
    const properties = flattenHtmlDescription(f.properties);
    // ÖDOK names its placemarks in <title>: offered as a property like any other, so it can be the name.
    const placemark = placemarks[i];
    const title = placemark && !Object.hasOwn(properties, 'title') ? childText(placemark, 'title')?.trim() : null;
    if (title) properties.title = title;
    return { geometry: f.geometry, properties, id: f.id };
  });
  if (features.length === 0) return err({ code: 'no-features', message: text('KML-filen innehåller inga platsmärken (Placemark).', 'The KML file contains no placemarks (Placemark).') });

  if (options.crs && options.crs !== 'EPSG:4326') notes.add(text(`KML är alltid WGS 84; valet ${options.crs} användes inte`, `KML is always WGS 84; the choice ${options.crs} was not used`));
  const { candidates, rejected } = buildCandidates(features, {
    convert: (p) => p,
    notes,
    label: (n) => text(`platsmärke ${n}`, `placemark ${n}`),
    progress: (f) => options.onProgress?.(0.3 + 0.7 * f),
  });
  return ok({
    format: 'kml',
    fileName,
    crs: { crs: 'EPSG:4326', reason: text('KML anger alltid WGS 84', 'KML is always WGS 84'), confident: true },
    candidates,
    rejected,
    notes: notes.list(),
  });
}

/** togeojson wraps CDATA descriptions as {"@type":"html", value}; we keep the text (shown as text, never as HTML). */
function flattenHtmlDescription(properties: Record<string, unknown> | null): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(properties ?? {}) };
  const d = out.description;
  if (d && typeof d === 'object' && typeof (d as { value?: unknown }).value === 'string') out.description = (d as { value: string }).value;
  return out;
}

function childText(element: Element, localName: string): string | null {
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === 1 && (child as Element).localName === localName) return child.textContent;
  }
  return null;
}
