import { err, type Result } from '../domain/result';
import { text } from '../domain/text';
import { CANCELLED, fileTooLarge } from './importText';
import type { ImportFailure, ImportOptions, ParsedImport } from './importTypes';
import type { ImportRequest, ImportWorkerMessage } from './importWorker';
import { fetchMunicipalityLocator } from './municipalityAreasFile';
import { MAX_IMPORT_BYTES } from './importLimits';

type ImportResult = Result<ParsedImport, ImportFailure>;

const cancelled: ImportFailure = { code: 'unreadable', message: CANCELLED };

/**
 * Parses a file off the main thread so a 100 MB GeoJSON does not freeze the map. Falls back to the
 * main thread where Worker does not exist (tests, very old browsers).
 */
export function runImport(file: File, options: ImportOptions = {}): { promise: Promise<ImportResult>; cancel: () => void } {
  // Checked before reading: a 2 GB file must not be loaded into memory just to be refused.
  if (file.size > MAX_IMPORT_BYTES) {
    const tooLarge = err({ code: 'too-large' as const, message: fileTooLarge(file.size, MAX_IMPORT_BYTES / 1024 / 1024) });
    return { promise: Promise.resolve(tooLarge), cancel: () => {} };
  }
  const { onProgress, locator, ...plainOptions } = options;

  if (typeof Worker === 'undefined') {
    let isCancelled = false;
    const promise = file.arrayBuffer().then(async (buffer) => {
      if (isCancelled) return err(cancelled);
      const url = plainOptions.municipalityAreasUrl;
      const areas = locator ?? (url ? await fetchMunicipalityLocator(url) : null);
      // Loaded only here: the parsers (KML, GPX, shapefiles, XML) stay out of the page's first JavaScript.
      const { readImportFile } = await import('./readImportFile');
      return readImportFile(new Uint8Array(buffer), file.name, { ...options, locator: areas });
    });
    return { promise: promise.then((r) => (isCancelled ? err(cancelled) : r)), cancel: () => void (isCancelled = true) };
  }

  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  let settle: (result: ImportResult) => void = () => {};
  const promise = new Promise<ImportResult>((resolve) => {
    settle = (result) => {
      worker.terminate();
      resolve(result);
    };
  });
  worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
    if (event.data.type === 'progress') onProgress?.(event.data.fraction);
    else settle(event.data.result);
  };
  worker.onerror = (event) =>
    settle(err({ code: 'unreadable', message: text(`Filen kunde inte läsas (${event.message || 'fel i importen'}).`, `The file could not be read (${event.message || 'error in the import'}).`) }));
  file.arrayBuffer().then(
    (bytes) => {
      const request: ImportRequest = { bytes, fileName: file.name, options: plainOptions };
      worker.postMessage(request, [bytes]); // transfer, not copy: the file can be 200 MB
    },
    () => settle(err({ code: 'unreadable', message: text('Filen kunde inte läsas från disken.', 'The file could not be read from the disk.') })),
  );
  return { promise, cancel: () => settle(err(cancelled)) };
}
