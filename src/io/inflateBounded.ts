import { err, ok, type Result } from '../domain/result';

/** Compressed input is fed in slices, so output comes in pieces that can be counted and stopped. */
const INPUT_CHUNK = 64 * 1024;

export type InflateProblem = 'larger-than-declared' | 'corrupt' | 'unavailable';

/**
 * Inflates one zip entry (method 0 stored or 8 deflate) into a buffer of exactly the declared size,
 * and stops — cancelling the decompressor — the moment the output would exceed it, so a zip whose
 * central directory lies cannot make us allocate more than it admitted to. Uses the platform's
 * DecompressionStream('deflate-raw') (Chromium, Firefox, Safari 16.4+, Node 20), counting bytes
 * as they come; onBytes is told the running total, for progress.
 */
export async function inflateBounded(
  data: Uint8Array,
  method: number,
  declaredSize: number,
  onBytes?: (inflated: number) => void,
): Promise<Result<Uint8Array, InflateProblem>> {
  if (method === 0) {
    if (data.length > declaredSize) return err('larger-than-declared');
    return data.length === declaredSize ? ok(data) : err('corrupt');
  }
  if (typeof DecompressionStream === 'undefined') return err('unavailable');
  const out = new Uint8Array(declaredSize);
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Writes wait for the reader below (backpressure); when it cancels, they reject and stop here.
  void (async () => {
    for (let at = 0; at < data.length; at += INPUT_CHUNK) await writer.write(data.slice(at, at + INPUT_CHUNK));
    await writer.close();
  })().catch(() => undefined);
  const reader = stream.readable.getReader();
  let written = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (written + value.length > declaredSize) {
        await reader.cancel().catch(() => undefined);
        return err('larger-than-declared');
      }
      out.set(value, written);
      written += value.length;
      onBytes?.(written);
    }
  } catch {
    return err('corrupt');
  }
  // Shorter than declared does no harm; the parsers see only what was really there.
  return ok(written === declaredSize ? out : out.subarray(0, written));
}
