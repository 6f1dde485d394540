import type { AnswerColumns, AnswerColumnsMessage } from './columns';

/**
 * Columns to and from the buffers postMessage transfers: what the page needs at start-up to hand
 * stored answers to the worker, without the import's builders and the survey's code tables.
 */
/** At most this many surveys in one set: the survey column is a Uint16. */
export const MAX_SURVEYS = 0x10000;

/** A buffer holding exactly the array: a view on a larger buffer (a builder's) is copied first. */
function ownBuffer(array: Float64Array | Uint16Array | Uint8Array): ArrayBuffer {
  const exact = array.byteOffset === 0 && array.byteLength === array.buffer.byteLength && array.buffer instanceof ArrayBuffer;
  return exact ? (array.buffer as ArrayBuffer) : (array.slice().buffer as ArrayBuffer);
}

/**
 * The columns as transferable buffers and the list to pass as postMessage's transfer argument.
 * After the transfer the sender's arrays are detached (length 0): hand over, do not share.
 */
export function toTransferable(columns: AnswerColumns): { message: AnswerColumnsMessage; transfer: ArrayBuffer[] } {
  const message: AnswerColumnsMessage = {
    count: columns.count,
    lon: ownBuffer(columns.lon.subarray(0, columns.count)),
    lat: ownBuffer(columns.lat.subarray(0, columns.count)),
    year: ownBuffer(columns.year.subarray(0, columns.count)),
    timeOfDay: ownBuffer(columns.timeOfDay.subarray(0, columns.count)),
    reasons: ownBuffer(columns.reasons.subarray(0, columns.count)),
    survey: ownBuffer(columns.survey.subarray(0, columns.count)),
    surveys: [...columns.surveys],
  };
  return { message, transfer: [message.lon, message.lat, message.year, message.timeOfDay, message.reasons, message.survey] };
}

/**
 * Buffers back into columns without copying. Checks the sizes and the survey table only: the
 * values were validated at the import door, and a million-answer re-check is what we avoid.
 */
export function fromTransferable(message: AnswerColumnsMessage): AnswerColumns {
  const n = message.count;
  const sizes: [string, ArrayBuffer, number][] = [
    ['lon', message.lon, 8], ['lat', message.lat, 8], ['year', message.year, 2],
    ['timeOfDay', message.timeOfDay, 1], ['reasons', message.reasons, 2], ['survey', message.survey, 2],
  ];
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`ogiltigt antal svar: ${n}`);
  for (const [name, buffer, bytes] of sizes) {
    if (buffer.byteLength !== n * bytes) throw new RangeError(`kolumnen ${name} har ${buffer.byteLength} byte, väntade ${n * bytes}`);
  }
  if (message.surveys.length > MAX_SURVEYS) throw new RangeError(`högst ${MAX_SURVEYS} enkäter`);
  return {
    count: n,
    lon: new Float64Array(message.lon),
    lat: new Float64Array(message.lat),
    year: new Uint16Array(message.year),
    timeOfDay: new Uint8Array(message.timeOfDay),
    reasons: new Uint16Array(message.reasons),
    survey: new Uint16Array(message.survey),
    surveys: [...message.surveys],
  };
}
