import { err, ok, type Result } from '../domain/result';
import { text } from '../domain/text';
import { decodeText } from './decodeText';
import { EMPTY_FILE, fileTooLarge } from './importText';
import type { ImportFailure, ImportFormat, ImportOptions, ParsedImport } from './importTypes';
import { applyNaming } from './naming';
import { rejectOutsideSweden } from './placeCandidates';
import { parseCsv } from './parseCsv';
import { parseGeoJson } from './parseGeoJson';
import { parseGpx } from './parseGpx';
import { parseKml } from './parseKml';
import { parseShapefileZip } from './parseShapefileZip';

import { MAX_IMPORT_BYTES } from './importLimits';
export { MAX_IMPORT_BYTES };

const BY_EXTENSION: Record<string, ImportFormat> = {
  geojson: 'geojson',
  json: 'geojson',
  csv: 'csv',
  txt: 'csv',
  tsv: 'csv',
  kml: 'kml',
  gpx: 'gpx',
  zip: 'shapefile',
};

/** What the first bytes say; the extension wins, but a renamed or extension-less file still opens. */
export function sniffFormat(bytes: Uint8Array): ImportFormat | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'shapefile';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'geojson';
  // Skip the XML declaration and comments (the ÖDOK KML has a comment before <kml>).
  const firstElement = /<(?![?!])([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(head)?.[2]?.toLowerCase();
  if (head.startsWith('<') && firstElement === 'gpx') return 'gpx';
  if (head.startsWith('<') && firstElement === 'kml') return 'kml';
  return null;
}

/** NUL bytes in text files do not occur; they mean an image, a spreadsheet or other binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export async function readImportFile(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<Result<ParsedImport, ImportFailure>> {
  options.onProgress?.(0);
  try {
    const result = await readUnguarded(bytes, fileName, options);
    options.onProgress?.(1);
    // CSV names come from its column mapping; every other format names from a property.
    if (!result.ok) return result;
    const named = result.value.format !== 'csv' ? applyNaming(result.value, options.nameKey) : result.value;
    return ok(rejectOutsideSweden(named, options.locator));
  } catch (e) {
    // A parser bug or a hostile file must end as a message, never as an uncaught error in the UI.
    const detail = e instanceof Error ? ` (${e.message.slice(0, 160)})` : '';
    return err({ code: 'unreadable', message: text(`Filen kunde inte läsas${detail}.`, `The file could not be read${detail}.`) });
  }
}

async function readUnguarded(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<Result<ParsedImport, ImportFailure>> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    return err({ code: 'too-large', message: fileTooLarge(bytes.length, MAX_IMPORT_BYTES / 1024 / 1024) });
  }
  if (bytes.length === 0) return err({ code: 'empty', message: EMPTY_FILE });

  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const sniffed = sniffFormat(bytes);
  // Content wins over the name: exports are often renamed (.txt, .json, no extension at all). CSV
  // has no signature, so it is the extension or nothing.
  const format = sniffed ?? BY_EXTENSION[extension] ?? null;
  if (!format) {
    return err({
      code: 'unknown-format',
      message: text('Filformatet känns inte igen. Välj GeoJSON, CSV, KML, GPX eller en zippad shapefil.', 'The file format is not recognised. Choose GeoJSON, CSV, KML, GPX or a zipped shapefile.'),
    });
  }
  if (format === 'shapefile') return parseShapefileZip(bytes, fileName, options);
  if (looksBinary(bytes)) {
    return err({
      code: 'unreadable',
      message: text(
        'Filen innehåller binära data och är ingen textfil; den kan vara skadad eller ha fel filändelse.',
        'The file holds binary data and is not a text file; it may be damaged or have the wrong file extension.',
      ),
    });
  }

  const decoded = decodeText(bytes);
  if (decoded.text.trim() === '') return err({ code: 'empty', message: EMPTY_FILE });
  options.onProgress?.(0.05);
  switch (format) {
    case 'geojson':
      return parseGeoJson(decoded, fileName, options);
    case 'csv':
      return parseCsv(decoded, fileName, options);
    case 'kml':
      return parseKml(decoded, fileName, options);
    case 'gpx':
      return parseGpx(decoded, fileName, options);
  }
}
