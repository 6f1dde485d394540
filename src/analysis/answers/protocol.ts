import type { Bounds } from '../../domain/geometry';
import type { AnswerColumnsMessage } from './columns';
import type { AnswerDensity } from './density';
import type { AnswerFacets } from './facets';
import type { AnswerFilter } from './filter';
import type { InViewResult, NearMeResult } from './index';

/**
 * The messages between the main thread and the answers worker. Every request carries an id and
 * gets exactly one reply with the same id. Bulk data travels as transferred ArrayBuffers: columns
 * in (load, append) and typed arrays out (ids, distances, counts), never as cloned objects.
 */

/** One answer row the worker refused at its door, by its position in the request's rows. */
export interface RowRejection {
  index: number;
  /** Swedish, from the schema: which field and why. */
  message: string;
}

export interface StoreSize {
  /** Answers held after the request. */
  count: number;
  /** Answers passing the current filter. */
  matching: number;
}

export interface MemoryEstimate {
  answers: number;
  /** The columns' typed arrays, spare capacity included. */
  columnsBytes: number;
  /** KDBush's buffer (its own copy of the positions plus the ids). */
  indexBytes: number;
  /** The filter's match mask and its prefix sums. */
  filterBytes: number;
  /** Cached H3 cell assignments (a rough figure for their id tables). */
  densityBytes: number;
  totalBytes: number;
  totalMB: number;
}

export interface InViewReply extends InViewResult {
  /** [lon, lat] pairs of `ids`, so the map can draw the points without asking again. */
  positions: Float64Array | null;
}

/** A request that carries nothing but its type. */
type NoFields = Record<never, never>;

export interface AnswersRequests {
  /** Replaces everything held with these columns (transferred). */
  load: { columns: AnswerColumnsMessage };
  /** Adds a chunk of columns (transferred), e.g. one chunk of a CSV import. */
  append: { columns: AnswerColumnsMessage };
  /** Adds rows not yet validated: each passes surveyAnswerSchema here or is refused by index. */
  appendRows: { rows: unknown[] };
  clear: NoFields;
  setFilter: { filter: AnswerFilter };
  nearMe: { lon: number; lat: number; radiusMetres: number; limit?: number };
  inView: { bounds: Bounds; pointsLimit?: number };
  density: { resolution: number };
  /** Matching answers in the H3 cell of each point (lon, lat pairs), e.g. the evidence of each unsafe place. */
  countsAt: { points: Float64Array; resolution: number };
  facetCounts: NoFields;
  memory: NoFields;
  /** A copy of the columns (exact size, transferred back), e.g. for saving in IndexedDB. */
  snapshot: NoFields;
}

export interface AnswersResults {
  load: StoreSize;
  append: StoreSize;
  appendRows: StoreSize & { rejected: RowRejection[] };
  clear: StoreSize;
  setFilter: StoreSize;
  nearMe: NearMeResult;
  inView: InViewReply;
  density: AnswerDensity;
  countsAt: { resolution: number; counts: Uint32Array };
  facetCounts: AnswerFacets;
  memory: MemoryEstimate;
  snapshot: AnswerColumnsMessage;
}

export type AnswersRequestType = keyof AnswersRequests;

export type AnswersRequestOf<T extends AnswersRequestType> = { type: T } & AnswersRequests[T];
export type AnswersRequest = { [T in AnswersRequestType]: AnswersRequestOf<T> }[AnswersRequestType];

export interface AnswersEnvelope {
  id: number;
  request: AnswersRequest;
}

export type AnswersSuccess<T extends AnswersRequestType = AnswersRequestType> = {
  [K in T]: { id: number; ok: true; type: K; result: AnswersResults[K]; /** Time spent in the worker, ms. */ workerMs: number };
}[T];
export interface AnswersFailure {
  id: number;
  ok: false;
  error: string;
}
export type AnswersReply = AnswersSuccess | AnswersFailure;
