import { fromTransferable, toTransferable } from './columns';
import type { AnswersEnvelope, AnswersReply, AnswersRequest, AnswersResults, AnswersRequestType } from './protocol';
import { AnswerStore } from './store';

export interface HandledReply {
  reply: AnswersReply;
  /** Buffers to pass as postMessage's transfer list: the reply's typed arrays move, not copy. */
  transfer: ArrayBuffer[];
}

type Outcome<T extends AnswersRequestType> = { result: AnswersResults[T]; transfer: ArrayBuffer[] };

/**
 * Only arrays that own their whole buffer are transferred: a view into the store's columns would
 * detach the store's own data. Query results are fresh arrays, so in practice all of them move.
 */
const buffersOf = (...arrays: (ArrayBufferView | null)[]) =>
  arrays.flatMap((a) =>
    a && a.buffer instanceof ArrayBuffer && a.byteLength > 0 && a.byteOffset === 0 && a.byteLength === a.buffer.byteLength ? [a.buffer] : [],
  );

function run(store: AnswerStore, request: AnswersRequest): Outcome<AnswersRequestType> {
  switch (request.type) {
    case 'load':
      return { result: store.load(fromTransferable(request.columns)), transfer: [] };
    case 'append':
      return { result: store.append(fromTransferable(request.columns)), transfer: [] };
    case 'appendRows':
      return { result: store.appendRows(request.rows), transfer: [] };
    case 'clear':
      return { result: store.clear(), transfer: [] };
    case 'setFilter':
      return { result: store.setFilter(request.filter), transfer: [] };
    case 'nearMe': {
      const result = store.nearMe(request.lon, request.lat, request.radiusMetres, request.limit);
      return { result, transfer: buffersOf(result.ids, result.distances) };
    }
    case 'inView': {
      const found = store.inView(request.bounds, request.pointsLimit);
      let positions: Float64Array | null = null;
      if (found.ids) {
        const { lon, lat } = store.columns();
        positions = new Float64Array(found.ids.length * 2);
        found.ids.forEach((id, k) => {
          positions![2 * k] = lon[id]!;
          positions![2 * k + 1] = lat[id]!;
        });
      }
      return { result: { ...found, positions }, transfer: buffersOf(found.ids, positions) };
    }
    case 'density': {
      const result = store.density(request.resolution);
      return { result, transfer: buffersOf(result.counts) };
    }
    case 'countsAt': {
      const result = store.countsAt(request.points, request.resolution);
      return { result, transfer: buffersOf(result.counts) };
    }
    case 'facetCounts':
      return { result: store.facetCounts(), transfer: [] };
    case 'memory':
      return { result: store.memory(), transfer: [] };
    case 'snapshot': {
      const { message, transfer } = toTransferable(store.snapshot());
      return { result: message, transfer };
    }
  }
}

/**
 * The worker's logic as a plain function of one message, so tests run it without a Worker and
 * worker.ts stays a two-line shell. A failing request answers with its error; the store stays.
 */
export function createAnswersHandler(store = new AnswerStore()): (envelope: AnswersEnvelope) => HandledReply {
  return ({ id, request }) => {
    const started = performance.now();
    try {
      const { result, transfer } = run(store, request);
      const reply = { id, ok: true, type: request.type, result, workerMs: performance.now() - started } as AnswersReply;
      return { reply, transfer };
    } catch (error) {
      return { reply: { id, ok: false, error: error instanceof Error ? error.message : String(error) }, transfer: [] };
    }
  };
}
