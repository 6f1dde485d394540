import type { SafetyFeature } from '../domain/safetyFeature';
import { countsAsEvidence } from './evidence';
import { haversineMetres } from './geo';

/** How old an unsafe place's newest evidence may be before the analyses leave it out. */
export const DEFAULT_MAX_EVIDENCE_AGE_YEARS = 3;
/** A walk finding this close to an unsafe place re-confirms it (a walk notes what it saw on the spot). */
export const FINDING_REACH_METRES = 150;

type UnsafePlace = Extract<SafetyFeature, { layer: 'unsafe-place' }>;
type SafetyWalk = Extract<SafetyFeature, { layer: 'safety-walk' }>;

export interface Freshness {
  /** The newest evidence, YYYY-MM-DD (a survey year counts from its last day); null when the place carries no date at all. */
  newest: string | null;
  source: 'survey' | 'confirmed' | 'walk' | null;
  stale: boolean;
}

/**
 * How fresh an unsafe place's evidence is on `today`: the newest of its survey year, the date a
 * planner confirmed it, and the date of a done safety walk with a finding at the place. Older
 * than `maxAgeYears` is stale. A place with no date at all is not called stale: its age is
 * unknown, and leaving it out would hide what a planner drew without saying why.
 */
export function freshnessOf(place: UnsafePlace, walks: readonly SafetyWalk[], today: string, maxAgeYears: number): Freshness {
  const candidates: { date: string; source: Freshness['source'] }[] = [];
  if (place.details.year !== null) candidates.push({ date: `${place.details.year}-12-31`, source: 'survey' });
  if (place.details.confirmedOn) candidates.push({ date: place.details.confirmedOn, source: 'confirmed' });
  const walkDate = newestWalkFinding(place, walks);
  if (walkDate) candidates.push({ date: walkDate, source: 'walk' });
  const newest = candidates.sort((a, b) => b.date.localeCompare(a.date))[0] ?? null;
  if (!newest) return { newest: null, source: null, stale: false };
  return { newest: newest.date, source: newest.source, stale: newest.date < yearsBefore(today, maxAgeYears) };
}

/**
 * The places the analyses may count today: every feature but the stale unsafe places. Examples
 * (never evidence, see countsAsEvidence) are neither counted as stale nor removed here: the
 * analyses leave them out anyway and say so.
 */
export function withoutStale(features: readonly SafetyFeature[], today: string, maxAgeYears: number): { fresh: SafetyFeature[]; stale: number } {
  const walks = features.filter((f): f is SafetyWalk => f.layer === 'safety-walk');
  const fresh: SafetyFeature[] = [];
  let stale = 0;
  for (const feature of features) {
    if (feature.layer === 'unsafe-place' && countsAsEvidence(feature) && freshnessOf(feature, walks, today, maxAgeYears).stale) stale++;
    else fresh.push(feature);
  }
  return { fresh, stale };
}

function newestWalkFinding(place: UnsafePlace, walks: readonly SafetyWalk[]): string | null {
  if (place.geometry.type !== 'Point') return null;
  const [lon, lat] = place.geometry.coordinates as [number, number];
  let newest: string | null = null;
  for (const walk of walks) {
    const date = walk.details.plannedDate?.slice(0, 10);
    if (walk.details.status !== 'done' || !date) continue;
    const near = walk.details.findings.some((f) => f.point && haversineMetres(lon, lat, f.point[0], f.point[1]) <= FINDING_REACH_METRES);
    if (near && (!newest || date > newest)) newest = date;
  }
  return newest;
}

function yearsBefore(today: string, years: number): string {
  const year = Number(today.slice(0, 4)) - years;
  return `${String(year).padStart(4, '0')}${today.slice(4)}`;
}
