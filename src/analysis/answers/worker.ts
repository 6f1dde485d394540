/// <reference lib="webworker" />
import { createAnswersHandler } from './handler';
import type { AnswersEnvelope } from './protocol';

/**
 * The answers worker: holds the columns, the KDBush tree, the filter mask and the H3 cells, and
 * answers the messages of protocol.ts. All logic is in handler.ts (tested without a Worker).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createAnswersHandler();
scope.onmessage = (event: MessageEvent<AnswersEnvelope>) => {
  const { reply, transfer } = handle(event.data);
  scope.postMessage(reply, transfer);
};
