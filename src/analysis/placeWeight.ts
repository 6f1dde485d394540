import type { SafetyFeature } from '../domain/safetyFeature';

type UnsafePlace = Extract<SafetyFeature, { layer: 'unsafe-place' }>;

/** What an unsafe place weighs: its number of survey responses, or 1 when the survey gives none. (Apart from density.ts, so patrol and coverage do not bring H3 with them.) */
export function placeWeight(feature: UnsafePlace): number {
  return feature.details.responses ?? 1;
}
