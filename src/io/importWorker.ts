/// <reference lib="webworker" />
import type { ImportOptions } from './importTypes';
import { fetchMunicipalityLocator } from './municipalityAreasFile';
import { readImportFile } from './readImportFile';

/** Messages the import worker accepts and sends. The callback cannot cross threads; progress is a message. */
export interface ImportRequest {
  bytes: ArrayBuffer;
  fileName: string;
  options: Omit<ImportOptions, 'onProgress' | 'locator'>;
}
export type ImportWorkerMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'result'; result: Awaited<ReturnType<typeof readImportFile>> };

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { bytes, fileName, options } = event.data;
  const post = (message: ImportWorkerMessage) => scope.postMessage(message);
  // The worker reads the polygons itself: a locator (functions, indexes) cannot cross threads.
  const locator = options.municipalityAreasUrl ? await fetchMunicipalityLocator(options.municipalityAreasUrl) : null;
  const result = await readImportFile(new Uint8Array(bytes), fileName, {
    ...options,
    locator,
    onProgress: (fraction) => post({ type: 'progress', fraction }),
  });
  post({ type: 'result', result });
};
