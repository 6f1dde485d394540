import type { Bounds } from '../../domain/geometry';
import type { AnswerColumns } from './columns';
import { toTransferable } from './columnsTransfer';
import type { AnswerFilter } from './filter';
import type { AnswersEnvelope, AnswersReply, AnswersRequestOf, AnswersRequestType, AnswersResults } from './protocol';

/** What the client talks through: a Worker, or one end of a MessageChannel (tests, a shared worker). */
export interface AnswersPort {
  postMessage(message: AnswersEnvelope, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<AnswersReply>) => void) | null;
}

export interface Timed<T> {
  result: T;
  /** Time the worker spent on the request, without the messaging around it. */
  workerMs: number;
}

interface Pending {
  resolve: (reply: Timed<unknown>) => void;
  reject: (error: Error) => void;
}

/**
 * The main thread's side of the answers worker: one promise per request, matched to its reply by
 * id, so requests may overlap (the worker answers in order; the ids keep it honest).
 */
export class AnswersClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly port: AnswersPort,
    private readonly onClose?: () => void,
  ) {
    port.onmessage = (event) => this.settle(event.data);
  }

  /** The worker as Vite bundles it (see src/io/runImportInWorker.ts). */
  static start(): AnswersClient {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    const client = new AnswersClient(worker, () => worker.terminate());
    worker.onerror = (event) => client.failAll(new Error(`svarsarbetaren stannade: ${event.message || 'okänt fel'}`));
    return client;
  }

  timed<T extends AnswersRequestType>(request: AnswersRequestOf<T>, transfer: ArrayBuffer[] = []): Promise<Timed<AnswersResults[T]>> {
    const id = this.nextId++;
    return new Promise<Timed<AnswersResults[T]>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (reply: Timed<unknown>) => void, reject });
      this.port.postMessage({ id, request: request as AnswersEnvelope['request'] }, transfer);
    });
  }

  request<T extends AnswersRequestType>(request: AnswersRequestOf<T>, transfer: ArrayBuffer[] = []): Promise<AnswersResults[T]> {
    return this.timed(request, transfer).then((reply) => reply.result);
  }

  /** Hands the columns to the worker: their buffers are transferred, so the caller's arrays are emptied. */
  load(columns: AnswerColumns): Promise<AnswersResults['load']> {
    const { message, transfer } = toTransferable(columns);
    return this.request({ type: 'load', columns: message }, transfer);
  }

  /** As load, for one more chunk (the chunk's arrays are emptied). */
  append(columns: AnswerColumns): Promise<AnswersResults['append']> {
    const { message, transfer } = toTransferable(columns);
    return this.request({ type: 'append', columns: message }, transfer);
  }

  appendRows(rows: unknown[]): Promise<AnswersResults['appendRows']> {
    return this.request({ type: 'appendRows', rows });
  }

  clear(): Promise<AnswersResults['clear']> {
    return this.request({ type: 'clear' });
  }

  setFilter(filter: AnswerFilter): Promise<AnswersResults['setFilter']> {
    return this.request({ type: 'setFilter', filter });
  }

  nearMe(lon: number, lat: number, radiusMetres: number, limit?: number): Promise<AnswersResults['nearMe']> {
    return this.request({ type: 'nearMe', lon, lat, radiusMetres, ...(limit === undefined ? {} : { limit }) });
  }

  inView(bounds: Bounds, pointsLimit?: number): Promise<AnswersResults['inView']> {
    return this.request({ type: 'inView', bounds, ...(pointsLimit === undefined ? {} : { pointsLimit }) });
  }

  density(resolution: number): Promise<AnswersResults['density']> {
    return this.request({ type: 'density', resolution });
  }

  /** The points' array is transferred (emptied here). */
  countsAt(points: Float64Array, resolution: number): Promise<AnswersResults['countsAt']> {
    return this.request({ type: 'countsAt', points, resolution }, [points.buffer as ArrayBuffer]);
  }

  facetCounts(): Promise<AnswersResults['facetCounts']> {
    return this.request({ type: 'facetCounts' });
  }

  memory(): Promise<AnswersResults['memory']> {
    return this.request({ type: 'memory' });
  }

  snapshot(): Promise<AnswersResults['snapshot']> {
    return this.request({ type: 'snapshot' });
  }

  /** Stops the worker; requests still waiting fail. */
  close(): void {
    this.port.onmessage = null;
    this.failAll(new Error('svarsarbetaren är stängd'));
    this.onClose?.();
  }

  private settle(reply: AnswersReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (reply.ok) pending.resolve({ result: reply.result, workerMs: reply.workerMs });
    else pending.reject(new Error(reply.error));
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
