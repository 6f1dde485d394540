import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { Bounds } from '../../domain/geometry';
import { expandBounds, haversineMetres, METRES_PER_DEGREE } from '../geo';
import type { AnswerColumns } from './columns';

/**
 * A KDBush tree over the answers' positions, built once per data change (18 ms at 100k, 200 ms
 * at 1M). Item ids are answer positions in the columns, so a query's ids read the columns directly.
 */
export interface AnswerIndex {
  readonly columns: AnswerColumns;
  /** Null when there are no answers (KDBush wants at least one). */
  readonly tree: KDBush | null;
}

export function buildAnswerIndex(columns: AnswerColumns): AnswerIndex {
  if (columns.count === 0) return { columns, tree: null };
  // Uint32 ids from 65 536 items on (KDBush picks), Float64 coordinates as the columns have.
  const tree = new KDBush(columns.count, 64, Float64Array);
  const { lon, lat } = columns;
  for (let i = 0; i < columns.count; i++) tree.add(lon[i]!, lat[i]!);
  return { columns, tree: tree.finish() };
}

export function indexByteLength(index: AnswerIndex): number {
  return index.tree?.data.byteLength ?? 0;
}

/** `match[i] === 1`: answer i passes the filter (filter.ts); null: every answer counts. */
export type Match = Uint8Array | null;

export interface NearMeResult {
  /** Every matching answer within the radius. */
  count: number;
  /** The nearest of them (at most `limit`), nearest first, ties by id. */
  ids: Uint32Array;
  /** Great-circle metres, same order as ids. */
  distances: Float64Array;
}

/**
 * Answers within radiusMetres of [lon, lat]: the count by countWithin (no queue, no object per
 * answer), the nearest `limit` by geokdbush's `around`. Distances use our haversine
 * (src/analysis/geo.ts), so the boundary is the same as every other near-me in the app;
 * `around`'s earth is 1.4 mm per km smaller, so what it returns is a superset, checked again here.
 * `prefix` (treePrefix of the same match) lets whole subtrees inside the circle count at once.
 */
export function nearMe(
  index: AnswerIndex,
  lon: number,
  lat: number,
  radiusMetres: number,
  match: Match = null,
  limit = 20,
  prefix: Uint32Array | null = null,
): NearMeResult {
  const none = { count: 0, ids: new Uint32Array(0), distances: new Float64Array(0) };
  const tree = index.tree;
  if (!tree || !(radiusMetres >= 0)) return none;
  const count = countWithin(index, lon, lat, radiusMetres, match, prefix);
  if (count === 0 || limit <= 0) return { ...none, count };
  const { lon: lons, lat: lats } = index.columns;
  const predicate = match ? (id: number) => match[id] === 1 : undefined;
  const found = around(tree, lon, lat, Math.min(limit, count), radiusMetres / 1000, predicate);
  const ids: number[] = [];
  const distances: number[] = [];
  for (const id of found) {
    const d = haversineMetres(lon, lat, lons[id]!, lats[id]!);
    if (d > radiusMetres) continue;
    // Insertion by (distance, id): `around` is already in order up to rounding, so this is linear.
    let at = ids.length;
    while (at > 0 && (distances[at - 1]! > d || (distances[at - 1] === d && ids[at - 1]! > id))) at--;
    ids.splice(at, 0, id);
    distances.splice(at, 0, d);
  }
  return { count, ids: Uint32Array.from(ids), distances: Float64Array.from(distances) };
}

/**
 * Below this radius a flat (equirectangular) distance is within 0.5 % of the great circle in
 * Sweden (the error grows with the radius and tan(latitude): 0.4 % at 10 km and 69°N), so it
 * can sort out the clear cases; only answers within 1 % of the edge need the exact haversine.
 */
const FLAT_MAX_RADIUS_METRES = 10_000;
const FLAT_MARGIN = 0.01;

/**
 * Matching answers within the radius, by exactly the haversine test, walking the tree with each
 * node's box (as countRange): a node whose four corners are clearly inside the circle counts
 * whole; single answers clearly inside or outside are decided by the flat distance, the rest
 * (a thin band at the edge) by haversine.
 */
export function countWithin(index: AnswerIndex, lon: number, lat: number, radiusMetres: number, match: Match = null, prefix: Uint32Array | null = null): number {
  const tree = index.tree;
  if (!tree || !(radiusMetres >= 0)) return 0;
  const { ids, coords, nodeSize } = tree;
  const { lon: lons, lat: lats } = index.columns;
  const [west, south, east, north] = expandBounds([lon, lat, lon, lat], radiusMetres);
  const flat = radiusMetres <= FLAT_MAX_RADIUS_METRES;
  const ky = METRES_PER_DEGREE;
  const kx = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const inner = (radiusMetres * (1 - FLAT_MARGIN)) ** 2;
  const outer = (radiusMetres * (1 + FLAT_MARGIN)) ** 2;
  const flat2 = (x: number, y: number) => ((x - lon) * kx) ** 2 + ((y - lat) * ky) ** 2;
  const sums = match ? prefix : null;
  const canCountWhole = flat && (match === null || sums !== null);
  const within = (i: number) => {
    const id = ids[i]!;
    if (match !== null && match[id] !== 1) return 0;
    const x = coords[2 * i]!, y = coords[2 * i + 1]!;
    if (x < west || x > east || y < south || y > north) return 0;
    if (flat) {
      const d2 = flat2(x, y);
      if (d2 <= inner) return 1;
      if (d2 > outer) return 0;
    }
    return haversineMetres(lon, lat, lons[id]!, lats[id]!) <= radiusMetres ? 1 : 0;
  };
  let count = 0;
  const stack: number[] = [0, ids.length - 1, 0, -Infinity, -Infinity, Infinity, Infinity];
  while (stack.length) {
    const maxY = stack.pop()!, maxX = stack.pop()!, minY = stack.pop()!, minX = stack.pop()!;
    const axis = stack.pop()!, right = stack.pop()!, left = stack.pop()!;
    if (left > right) continue;
    if (canCountWhole && minX >= west && maxX <= east && minY >= south && maxY <= north &&
        flat2(minX, minY) <= inner && flat2(minX, maxY) <= inner && flat2(maxX, minY) <= inner && flat2(maxX, maxY) <= inner) {
      count += sums ? sums[right + 1]! - sums[left]! : right - left + 1;
      continue;
    }
    if (right - left <= nodeSize) {
      for (let i = left; i <= right; i++) count += within(i);
      continue;
    }
    const m = (left + right) >> 1;
    const x = coords[2 * m]!;
    const y = coords[2 * m + 1]!;
    count += within(m);
    if (axis === 0 ? west <= x : south <= y) stack.push(left, m - 1, 1 - axis, minX, minY, axis === 0 ? x : maxX, axis === 0 ? maxY : y);
    if (axis === 0 ? east >= x : north >= y) stack.push(m + 1, right, 1 - axis, axis === 0 ? x : minX, axis === 0 ? minY : y, maxX, maxY);
  }
  return count;
}

export interface InViewResult {
  /** Matching answers inside the box (edges included). */
  count: number;
  /** Their ids when there are at most `pointsLimit` of them (the map shows points, not cells), else null. */
  ids: Uint32Array | null;
}

/**
 * Matching answers in a [west, south, east, north] box. Counting never lists the answers: a
 * subtree whose whole box lies inside the view adds its count at once (prefix sums of the filter
 * in tree order, see treePrefix), so a view of the whole region costs a few hundred nodes, not a
 * million tests.
 */
export function inView(index: AnswerIndex, bounds: Bounds, match: Match = null, prefix: Uint32Array | null = null, pointsLimit = 0): InViewResult {
  const tree = index.tree;
  if (!tree) return { count: 0, ids: null };
  const sums = match ? (prefix ?? treePrefix(index, match)) : null;
  const count = countRange(tree, bounds, match, sums);
  if (count === 0 || count > pointsLimit) return { count, ids: null };
  const ids = new Uint32Array(count);
  let k = 0;
  walkRange(tree, bounds, (id) => {
    if (match === null || match[id] === 1) ids[k++] = id;
  });
  return { count, ids };
}

/**
 * prefix[k] = how many of the tree's first k items (in KDBush's sorted order) match: the count
 * of any subtree [left, right] is then prefix[right + 1] - prefix[left]. One pass per filter.
 */
export function treePrefix(index: AnswerIndex, match: Uint8Array): Uint32Array {
  const ids = index.tree?.ids;
  const prefix = new Uint32Array((ids?.length ?? 0) + 1);
  if (!ids) return prefix;
  for (let k = 0; k < ids.length; k++) prefix[k + 1] = prefix[k]! + match[ids[k]!]!;
  return prefix;
}

const inBox = (x: number, y: number, [west, south, east, north]: Bounds) => x >= west && x <= east && y >= south && y <= north;

/** KDBush's range search (kdbush 4 `range`), calling visit with each id instead of building an array. */
function walkRange(tree: KDBush, bounds: Bounds, visit: (id: number) => void): void {
  const { ids, coords, nodeSize } = tree;
  const [west, south, east, north] = bounds;
  const stack = [0, ids.length - 1, 0];
  while (stack.length) {
    const axis = stack.pop()!;
    const right = stack.pop()!;
    const left = stack.pop()!;
    if (right - left <= nodeSize) {
      for (let i = left; i <= right; i++) if (inBox(coords[2 * i]!, coords[2 * i + 1]!, bounds)) visit(ids[i]!);
      continue;
    }
    const m = (left + right) >> 1;
    const x = coords[2 * m]!;
    const y = coords[2 * m + 1]!;
    if (inBox(x, y, bounds)) visit(ids[m]!);
    if (axis === 0 ? west <= x : south <= y) stack.push(left, m - 1, 1 - axis);
    if (axis === 0 ? east >= x : north >= y) stack.push(m + 1, right, 1 - axis);
  }
}

/**
 * The same walk, carrying each node's box: items left of a node's middle have x ≤ its x (y on odd
 * levels), those right of it x ≥, so a child's box is the parent's cut at the middle. A node
 * whose box lies in the view is counted whole.
 */
function countRange(tree: KDBush, bounds: Bounds, match: Match, prefix: Uint32Array | null): number {
  const { ids, coords, nodeSize } = tree;
  const [west, south, east, north] = bounds;
  const matches = (i: number) => match === null || match[ids[i]!] === 1;
  const whole = (left: number, right: number) => (prefix ? prefix[right + 1]! - prefix[left]! : right - left + 1);
  let count = 0;
  // left, right, axis, and the node's box: minX, minY, maxX, maxY
  const stack: number[] = [0, ids.length - 1, 0, -Infinity, -Infinity, Infinity, Infinity];
  while (stack.length) {
    const maxY = stack.pop()!, maxX = stack.pop()!, minY = stack.pop()!, minX = stack.pop()!;
    const axis = stack.pop()!, right = stack.pop()!, left = stack.pop()!;
    if (left > right) continue;
    if (minX >= west && maxX <= east && minY >= south && maxY <= north) {
      count += whole(left, right);
      continue;
    }
    if (right - left <= nodeSize) {
      for (let i = left; i <= right; i++) if (inBox(coords[2 * i]!, coords[2 * i + 1]!, bounds) && matches(i)) count++;
      continue;
    }
    const m = (left + right) >> 1;
    const x = coords[2 * m]!;
    const y = coords[2 * m + 1]!;
    if (inBox(x, y, bounds) && matches(m)) count++;
    if (axis === 0 ? west <= x : south <= y) stack.push(left, m - 1, 1 - axis, minX, minY, axis === 0 ? x : maxX, axis === 0 ? maxY : y);
    if (axis === 0 ? east >= x : north >= y) stack.push(m + 1, right, 1 - axis, axis === 0 ? x : minX, axis === 0 ? minY : y, maxX, maxY);
  }
  return count;
}
