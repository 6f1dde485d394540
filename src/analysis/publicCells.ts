import { latLngToCell } from 'h3-js';
import { compareCodes } from './order';

/** The least number of answers a published cell may stand for; a deployment may raise it, never lower it. */
export const MIN_PUBLIC_K = 5;
/** The one resolution the public map shows (H3 res 8: cells of about 0.74 km², a neighbourhood). */
export const PUBLIC_RESOLUTION = 8;

export interface PublicCells {
  resolution: number;
  k: number;
  /** H3 cell and its count, a multiple of k, at least k; cells with fewer answers are left out. */
  cells: [string, number][];
}

/**
 * Survey answers as the public may see them: counts per H3 cell at one resolution only, each
 * rounded down to a multiple of k, and none under k. One resolution: no parent can be subtracted
 * from its children. No facets (time of day, reasons): no two counts can be subtracted to single
 * out a few answers. Multiples of k: two successive publishes differ by 0 or by at least k.
 * `k` below MIN_PUBLIC_K is refused unless `allowUnsafeK` (only the privacy test's leaky build).
 */
export function publicCells(
  answers: readonly { count: number; lon: ArrayLike<number>; lat: ArrayLike<number> }[],
  k: number,
  resolution = PUBLIC_RESOLUTION,
  allowUnsafeK = false,
): PublicCells {
  if (!Number.isInteger(k) || (k < MIN_PUBLIC_K && !allowUnsafeK) || k < 1) throw new RangeError(`k måste vara ett heltal, minst ${MIN_PUBLIC_K}, inte ${k}.`);
  const counts = new Map<string, number>();
  for (const set of answers)
    for (let i = 0; i < set.count; i++) {
      const cell = latLngToCell(set.lat[i]!, set.lon[i]!, resolution);
      counts.set(cell, (counts.get(cell) ?? 0) + 1);
    }
  const cells: [string, number][] = [];
  for (const [cell, n] of counts) {
    const rounded = Math.floor(n / k) * k;
    if (rounded >= k) cells.push([cell, rounded]);
  }
  cells.sort((a, b) => compareCodes(a[0], b[0]));
  return { resolution, k, cells };
}
