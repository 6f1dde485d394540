import type { SafetyFeature } from '../domain/safetyFeature';

/**
 * Whether a place may count in the analyses (hexagon density, survey comparison, patrol score,
 * coverage and its gaps). An illustrative place (provenance 'illustrative') was drawn by us only to
 * show how an activity looks on the map: no document names it and no survey found it, so it is
 * never evidence. It neither counts as an unsafe place nor reaches one as a walk, watch area or
 * focus place. Everything else counts: places a document names (drawn by hand, so approximate),
 * and the planner's own drawn or imported places.
 */
export function countsAsEvidence(feature: Pick<SafetyFeature, 'provenance'>): boolean {
  return feature.provenance !== 'illustrative';
}

/** How many unsafe places the analyses leave out as illustrative, so the views can say so. */
export function countExampleUnsafePlaces(features: readonly SafetyFeature[]): number {
  let n = 0;
  for (const f of features) if (f.layer === 'unsafe-place' && !countsAsEvidence(f)) n++;
  return n;
}
