/// <reference lib="webworker" />
import type { ImportOptions } from './importTypes';
import { readImportFile } from './readImportFile';

/** Messages the import worker accepts and sends. The callback cannot cross threads; progress is a message. */
export interface ImportRequest {
  bytes: ArrayBuffer;
  fileName: string;
  options: Omit<ImportOptions, 'onProgress'>;
}
export type ImportWorkerMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'result'; result: Awaited<ReturnType<typeof readImportFile>> };

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { bytes, fileName, options } = event.data;
  const post = (message: ImportWorkerMessage) => scope.postMessage(message);
  const result = await readImportFile(new Uint8Array(bytes), fileName, {
    ...options,
    onProgress: (fraction) => post({ type: 'progress', fraction }),
  });
  post({ type: 'result', result });
};
