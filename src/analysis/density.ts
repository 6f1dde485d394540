import { cellToBoundary, latLngToCell } from 'h3-js';
import { placeWeight } from './placeWeight';
import type { SafetyFeature } from '../domain/safetyFeature';
import { countsAsEvidence } from './evidence';
import { compareCodes } from './order';
import { representativePoint } from './representativePoint';
import type { DensityFilter, HexCell, HexChange } from './types';

type UnsafePlace = Extract<SafetyFeature, { layer: 'unsafe-place' }>;

/** H3 resolutions the map offers: 5 (about 250 km² a cell) to 10 (about 15 000 m²). */
export const MIN_DENSITY_RESOLUTION = 5;
export const MAX_DENSITY_RESOLUTION = 10;

export { placeWeight };

function checkResolution(resolution: number): void {
  if (!Number.isInteger(resolution) || resolution < MIN_DENSITY_RESOLUTION || resolution > MAX_DENSITY_RESOLUTION) {
    throw new RangeError(
      `H3-upplösningen måste vara ett heltal mellan ${MIN_DENSITY_RESOLUTION} och ${MAX_DENSITY_RESOLUTION}, inte ${resolution}.`,
    );
  }
}

/**
 * The filter made into sets once, so each place costs a few lookups. An empty list means "not
 * filtered on this" (the UI's nothing-ticked state), not "match nothing".
 */
function placeMatcher(filter: DensityFilter | undefined, ignoreYears = false): (place: UnsafePlace) => boolean {
  const times = filter?.timeOfDay?.length ? new Set(filter.timeOfDay) : null;
  const reasons = filter?.reasons?.length ? new Set(filter.reasons.map(normaliseReason)) : null;
  const years = !ignoreYears && filter?.years?.length ? new Set(filter.years) : null;
  return (place) => {
    const d = place.details;
    if (times && !d.timeOfDay.some((t) => times.has(t))) return false;
    if (reasons && !d.reasons.some((r) => reasons.has(normaliseReason(r)))) return false;
    // A place whose survey year is unknown cannot be said to belong to any chosen year.
    if (years && (d.year === null || !years.has(d.year))) return false;
    return true;
  };
}

function normaliseReason(reason: string): string {
  return reason.trim().toLocaleLowerCase('sv');
}

export function cellPolygon(h3: string): GeoJSON.Polygon {
  let polygon = outlines.get(h3);
  if (!polygon) {
    if (outlines.size >= MAX_OUTLINES) outlines.clear();
    // true: [lng, lat] order and a closed ring, as GeoJSON wants.
    outlines.set(h3, (polygon = { type: 'Polygon', coordinates: [cellToBoundary(h3, true)] }));
  }
  return polygon;
}

/**
 * Outlines made before, by cell: a cell's outline never changes, and a filter change or a pan
 * asks again for mostly the same cells (outlining thousands of them was most of a planner filter
 * change at a million answers). Shared, so never to be mutated; bounded, so a long session of
 * zooming does not keep every cell it ever drew.
 */
const outlines = new Map<string, GeoJSON.Polygon>();
const MAX_OUTLINES = 200_000;

function cellOf(place: UnsafePlace, resolution: number): string {
  const [lon, lat] = representativePoint(place);
  return latLngToCell(lat, lon, resolution);
}

/**
 * Hexagon density of unsafe places (illustrative examples left out, see countsAsEvidence): one pass, each place into the H3 cell of its representative
 * point (H3 gives every point exactly one cell, also on a border), adding its weight. Testing
 * every place against every hexagon would cost 70× more at 100 000 places (PERFORMANCE.md).
 */
export function hexDensity(features: readonly SafetyFeature[], resolution: number, filter?: DensityFilter): HexCell[] {
  checkResolution(resolution);
  const matches = placeMatcher(filter);
  const counts = new Map<string, number>();
  for (const feature of features) {
    if (feature.layer !== 'unsafe-place' || !countsAsEvidence(feature) || !matches(feature)) continue;
    const h3 = cellOf(feature, resolution);
    counts.set(h3, (counts.get(h3) ?? 0) + placeWeight(feature));
  }
  return [...counts]
    .map(([h3, count]) => ({ h3, count, polygon: cellPolygon(h3) }))
    .sort((a, b) => b.count - a.count || compareCodes(a.h3, b.h3));
}

/**
 * How each cell changed between two survey years: before = yearA's weight, after = yearB's.
 * A cell present in only one year has 0 in the other; illustrative examples count in neither. The years come from yearA/yearB, so a
 * years list in the filter is ignored here; time-of-day and reasons still apply.
 */
export function compareSurveys(
  features: readonly SafetyFeature[],
  resolution: number,
  yearA: number,
  yearB: number,
  filter?: DensityFilter,
): HexChange[] {
  checkResolution(resolution);
  const matches = placeMatcher(filter, true);
  const cells = new Map<string, { before: number; after: number }>();
  for (const feature of features) {
    if (feature.layer !== 'unsafe-place' || !countsAsEvidence(feature)) continue;
    const year = feature.details.year;
    if (year === null || (year !== yearA && year !== yearB) || !matches(feature)) continue;
    const h3 = cellOf(feature, resolution);
    const cell = cells.get(h3) ?? { before: 0, after: 0 };
    const weight = placeWeight(feature);
    if (year === yearA) cell.before += weight;
    if (year === yearB) cell.after += weight;
    cells.set(h3, cell);
  }
  return [...cells]
    .map(([h3, { before, after }]) => ({ h3, before, after, change: after - before, polygon: cellPolygon(h3) }))
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || compareCodes(a.h3, b.h3));
}

/**
 * The unsafe places' cells with the survey answers' counts added, cell by cell (an answer weighs
 * one, like a place without a response count). The answers' cells come from the answers worker
 * at the same resolution and filter.
 */
export function withAnswerCells(cells: readonly HexCell[], answers: { cells: readonly string[]; counts: ArrayLike<number> } | null): HexCell[] {
  if (!answers?.cells.length) return [...cells];
  const counts = new Map(cells.map((c) => [c.h3, c.count]));
  answers.cells.forEach((h3, i) => counts.set(h3, (counts.get(h3) ?? 0) + (answers.counts[i] ?? 0)));
  return [...counts]
    .map(([h3, count]) => ({ h3, count, polygon: cellPolygon(h3) }))
    .sort((a, b) => b.count - a.count || compareCodes(a.h3, b.h3));
}
