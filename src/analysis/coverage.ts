import Flatbush from 'flatbush';
import type { SupportedGeometry } from '../domain/geometry';
import type { SafetyFeature } from '../domain/safetyFeature';
import { placeWeight } from './placeWeight';
import { countsAsEvidence } from './evidence';
import { areaContains, boundsOfGeometry, distanceToGeometryMetres, expandBounds } from './geo';
import { compareCodes, compareSwedish } from './order';
import { representativePoint } from './representativePoint';
import type { Coverage, CoverageOptions } from './types';

/** A focus place drawn as a point reaches the unsafe places within this distance. */
export const FOCUS_POINT_REACH_METRES = 100;
/**
 * nearestWalkMetres is reported for walks up to this many times walkDistanceMetres away, so a gap
 * can say "a walk passes 130 m away" when 100 m is asked. Further away it is null: searching
 * without a limit would make every place look at every walk.
 */
export const NEAREST_WALK_SEARCH_FACTOR = 2;

interface Indexed {
  index: Flatbush;
  items: { id: string; geometry: SupportedGeometry }[];
}

/** Flatbush over the features' bounding boxes, each grown by the distance at which it still reaches a place. */
function indexOf(features: readonly SafetyFeature[], reachMetres: (geometry: SupportedGeometry) => number): Indexed | null {
  if (features.length === 0) return null;
  const index = new Flatbush(features.length);
  const items: Indexed['items'] = [];
  for (const f of features) {
    const [w, s, e, n] = expandBounds(boundsOfGeometry(f.geometry), reachMetres(f.geometry));
    index.add(w, s, e, n);
    items.push({ id: f.id, geometry: f.geometry });
  }
  index.finish();
  return { index, items };
}

/** Candidates from the index, then the exact test; the nearest (ties: lowest id) that passes. */
function nearestWithin(
  indexed: Indexed | null,
  lon: number,
  lat: number,
  maxMetres: (geometry: SupportedGeometry) => number,
): { id: string; metres: number } | null {
  if (!indexed) return null;
  let best: { id: string; metres: number } | null = null;
  for (const i of indexed.index.search(lon, lat, lon, lat)) {
    const { id, geometry } = indexed.items[i]!;
    const limit = maxMetres(geometry);
    // Inside an area is 0 m; an area that must contain the place needs no edge distances.
    const metres = areaContains(geometry, lon, lat) ? 0 : limit > 0 ? distanceToGeometryMetres(lon, lat, geometry) : Infinity;
    if (metres > limit) continue;
    if (!best || metres < best.metres || (metres === best.metres && id < best.id)) best = { id, metres };
  }
  return best;
}

function containing(indexed: Indexed | null, lon: number, lat: number): string | null {
  if (!indexed) return null;
  let found: string | null = null;
  for (const i of indexed.index.search(lon, lat, lon, lat)) {
    const { id, geometry } = indexed.items[i]!;
    if (areaContains(geometry, lon, lat) && (found === null || id < found)) found = id;
  }
  return found;
}

/** Gaps first, then covered places; within each, heaviest first, then name in Swedish order. */
export function compareCoverage(a: Coverage, b: Coverage): number {
  return (
    Number(b.isGap) - Number(a.isGap) ||
    b.weight - a.weight ||
    compareSwedish(a.name, b.name) ||
    compareCodes(a.featureId, b.featureId)
  );
}

/**
 * For every unsafe place: is it reached by a safety walk route (within walkDistanceMetres), a
 * focus place (inside its area, or within 100 m of a focus point) or a neighbourhood watch area
 * (inside it)? A place drawn as an area is judged at its representative point. Distances are
 * great-circle metres, so they hold at 63.6°N as at 55°N. Illustrative examples (countsAsEvidence)
 * are left out on both sides: an example place is not assessed, and an example walk, focus place or
 * watch area reaches nothing.
 */
export function assessCoverage(features: readonly SafetyFeature[], options: CoverageOptions): Coverage[] {
  return coverageInFeatureOrder(features, options).sort(compareCoverage);
}

/** assessCoverage without the ranking, in the features' order: for callers that rank by something else. */
export function coverageInFeatureOrder(features: readonly SafetyFeature[], options: CoverageOptions): Coverage[] {
  const walkMetres = Math.max(0, options.walkDistanceMetres);
  const searchMetres = walkMetres * NEAREST_WALK_SEARCH_FACTOR;
  const evidence = (layer: SafetyFeature['layer']) => features.filter((f) => f.layer === layer && countsAsEvidence(f));
  const walks = indexOf(evidence('safety-walk'), () => searchMetres);
  const focusReach = (g: SupportedGeometry) => (g.type === 'Point' ? FOCUS_POINT_REACH_METRES : 0);
  const focusPlaces = indexOf(evidence('focus-place'), focusReach);
  const watchAreas = indexOf(evidence('watch-area'), () => 0);

  const result: Coverage[] = [];
  for (const feature of features) {
    if (feature.layer !== 'unsafe-place' || !countsAsEvidence(feature)) continue;
    const point = representativePoint(feature);
    const [lon, lat] = point;
    const walk = nearestWithin(walks, lon, lat, () => searchMetres);
    const walkId = walk && walk.metres <= walkMetres ? walk.id : null;
    const focusPlaceId = nearestWithin(focusPlaces, lon, lat, focusReach)?.id ?? null;
    const watchAreaId = containing(watchAreas, lon, lat);
    result.push({
      featureId: feature.id,
      name: feature.name,
      municipalityCode: feature.municipalityCode,
      walkId,
      focusPlaceId,
      watchAreaId,
      nearestWalkMetres: walk?.metres ?? null,
      isGap: walkId === null && focusPlaceId === null && watchAreaId === null,
      weight: placeWeight(feature),
      point,
    });
  }
  return result;
}
