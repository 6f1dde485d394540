import type { TimeOfDay } from '../domain/layers';
import type { SafetyFeature } from '../domain/safetyFeature';
import { coverageInFeatureOrder } from './coverage';
import { placeWeight } from './placeWeight';
import { countsAsEvidence } from './evidence';
import { compareCodes, compareSwedish } from './order';
import { representativePoint } from './representativePoint';
import type { Coverage, PatrolItem, PatrolOptions, PatrolScorePart } from './types';

/**
 * The weights of the patrol score, exported so the UI can show the formula next to the list:
 * a planner must be able to see why a place ranks where it does.
 */
export const PATROL_WEIGHTS = {
  /** reports = reportsFactor × log2(1 + weight): many reports count, but with diminishing effect. */
  reportsFactor: 10,
  timeOfDayMatch: 20,
  timeOfDayUnknown: 5,
  recentWithinOneYear: 10,
  recentWithinThreeYears: 5,
  uncovered: 15,
  focusPlace: 10,
} as const;

/** The formula in plain Swedish, for the UI. */
export const PATROL_FORMULA_TEXT =
  `Poäng = ${PATROL_WEIGHTS.reportsFactor} × log2(1 + antal svar)` +
  ` + ${PATROL_WEIGHTS.timeOfDayMatch} om platsen är otrygg vid vald tid på dygnet (${PATROL_WEIGHTS.timeOfDayUnknown} om tiden är okänd)` +
  ` + ${PATROL_WEIGHTS.recentWithinOneYear} om undersökningen är högst 1 år gammal (${PATROL_WEIGHTS.recentWithinThreeYears} om högst 3 år)` +
  ` + ${PATROL_WEIGHTS.uncovered} om ingen trygghetsvandring, fokusplats eller grannsamverkan når platsen` +
  ` + ${PATROL_WEIGHTS.focusPlace} för fokusplatser.`;

/** Weekday or weekend is a choice in the UI, but no survey data tells them apart: say so instead of guessing. */
export const PATROL_DAY_TYPE_NOTE = 'Underlaget skiljer inte vardag från helg, så valet av vardag eller helg påverkar inte poängen.';

const TIME_NAMES: Record<TimeOfDay, string> = { dag: 'dagtid', kvall: 'kvällstid', natt: 'nattetid' };

type Scored = Extract<SafetyFeature, { layer: 'unsafe-place' | 'focus-place' }>;

const round1 = (n: number) => Math.round(n * 10) / 10;
// Made once: toLocaleString builds a formatter per call, seconds at 100 000 places.
const svNumber = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const sv = (n: number) => svNumber.format(n);
const plus = (n: number) => (n > 0 ? `+${sv(n)}` : '0');

function reportsPart(feature: Scored, chosen: TimeOfDay, answersInCell: number | undefined): PatrolScorePart {
  if (feature.layer === 'focus-place') {
    return { key: 'reports', points: 0, explanation: 'Fokusplats: här finns inga svar från trygghetsundersökningar att räkna, 0.' };
  }
  // The place's own count wins (it came with the place); else its individual answers; else it counts as one.
  const fromAnswers = feature.details.responses === null && answersInCell !== undefined && answersInCell > 0;
  const weight = fromAnswers ? answersInCell : placeWeight(feature);
  const points = round1(PATROL_WEIGHTS.reportsFactor * Math.log2(1 + weight));
  const source = fromAnswers
    ? `${sv(weight)} enskilda enkätsvar ${TIME_NAMES[chosen]} i platsens hexagon (H3 upplösning 9, cirka 0,1 km²)`
    : feature.details.responses === null
      ? 'Antal svar saknas, platsen räknas som 1 svar'
      : `${weight} svar i trygghetsundersökningen`;
  return { key: 'reports', points, explanation: `${source}: ${PATROL_WEIGHTS.reportsFactor} × log2(1 + ${weight}) = ${sv(points)}.` };
}

function timeOfDayPart(feature: Scored, chosen: TimeOfDay): PatrolScorePart {
  const times = feature.layer === 'unsafe-place' ? feature.details.timeOfDay : [];
  if (times.length === 0) {
    const points = PATROL_WEIGHTS.timeOfDayUnknown;
    return { key: 'timeOfDay', points, explanation: `Ingen uppgift om när på dygnet platsen är otrygg: ${plus(points)}.` };
  }
  if (times.includes(chosen)) {
    const points = PATROL_WEIGHTS.timeOfDayMatch;
    return { key: 'timeOfDay', points, explanation: `Platsen upplevs otrygg ${TIME_NAMES[chosen]}, den tid du valt: ${plus(points)}.` };
  }
  const listed = times.map((t) => TIME_NAMES[t]).join(' och ');
  return { key: 'timeOfDay', points: 0, explanation: `Platsen upplevs otrygg ${listed}, inte ${TIME_NAMES[chosen]}: 0.` };
}

function recencyPart(feature: Scored, now: Date): PatrolScorePart {
  const year = feature.layer === 'unsafe-place' ? feature.details.year : null;
  if (year === null) return { key: 'recency', points: 0, explanation: 'Årtal för undersökningen saknas: 0.' };
  const age = Math.abs(now.getFullYear() - year);
  if (age <= 1) {
    const points = PATROL_WEIGHTS.recentWithinOneYear;
    return { key: 'recency', points, explanation: `Undersökningen är från ${year}, högst 1 år gammal: ${plus(points)}.` };
  }
  if (age <= 3) {
    const points = PATROL_WEIGHTS.recentWithinThreeYears;
    return { key: 'recency', points, explanation: `Undersökningen är från ${year}, högst 3 år gammal: ${plus(points)}.` };
  }
  return { key: 'recency', points: 0, explanation: `Undersökningen är från ${year}, mer än 3 år gammal: 0.` };
}

function uncoveredPart(feature: Scored, coverage: Coverage | undefined, names: Map<string, string>, walkMetres: number): PatrolScorePart {
  if (feature.layer === 'focus-place' || !coverage) {
    return { key: 'uncovered', points: 0, explanation: 'Täckning bedöms bara för otrygga platser: 0.' };
  }
  if (coverage.isGap) {
    const points = PATROL_WEIGHTS.uncovered;
    return {
      key: 'uncovered',
      points,
      explanation: `Ingen trygghetsvandring inom ${sv(walkMetres)} m, ingen fokusplats och inget grannsamverkansområde når platsen: ${plus(points)}.`,
    };
  }
  const reached = [
    coverage.walkId && `trygghetsvandringen ${names.get(coverage.walkId) ?? coverage.walkId}`,
    coverage.focusPlaceId && `fokusplatsen ${names.get(coverage.focusPlaceId) ?? coverage.focusPlaceId}`,
    coverage.watchAreaId && `grannsamverkansområdet ${names.get(coverage.watchAreaId) ?? coverage.watchAreaId}`,
  ].filter(Boolean);
  return { key: 'uncovered', points: 0, explanation: `Platsen nås redan av ${reached.join(', ')}: 0.` };
}

function focusPart(feature: Scored): PatrolScorePart {
  if (feature.layer === 'focus-place') {
    const points = PATROL_WEIGHTS.focusPlace;
    return { key: 'focus', points, explanation: `Fokusplats där löftet utlovar riktad närvaro: ${plus(points)}.` };
  }
  return { key: 'focus', points: 0, explanation: 'Inte en fokusplats: 0.' };
}

/** A place the patrol list can hold: an unsafe place or a focus place that is evidence, not an example. */
export function isPatrolCandidate(feature: SafetyFeature): feature is Scored {
  return (feature.layer === 'unsafe-place' || feature.layer === 'focus-place') && countsAsEvidence(feature);
}

export interface PatrolListOptions {
  /**
   * Which places may be listed (the app's filters, the chosen area). Only the list is limited:
   * what reaches a place (coverage) is still judged against every feature given, so hiding the
   * walks with a filter does not make their places look uncovered.
   */
  only?: (feature: SafetyFeature) => boolean;
}

/**
 * Where to be present first: unsafe places and focus places with a transparent score; every part
 * says in Swedish why it gives its points. options.dayType is accepted and ignored on purpose
 * (see PATROL_DAY_TYPE_NOTE). Illustrative examples are left out (countsAsEvidence): the police
 * are never sent to a place we drew only to show an activity. Sorted by score, highest first, then name.
 */
export function patrolPriorities(features: readonly SafetyFeature[], options: PatrolOptions & PatrolListOptions): PatrolItem[] {
  const coverage = new Map(coverageInFeatureOrder(features, { walkDistanceMetres: options.walkDistanceMetres }).map((c) => [c.featureId, c]));
  const names = new Map(features.map((f) => [f.id, f.name]));
  // Places share a handful of distinct parts (same responses, same year...): build each part once
  // per call and share it, frozen. Formatting Swedish text per place cost most of a second at 100 000.
  const memo = new Map<string, PatrolScorePart>();
  const part = (key: string, make: () => PatrolScorePart) => {
    let found = memo.get(key);
    if (!found) memo.set(key, (found = Object.freeze(make())));
    return found;
  };
  const items: PatrolItem[] = [];
  for (const feature of features) {
    if (!isPatrolCandidate(feature) || (options.only && !options.only(feature))) continue;
    const unsafe = feature.layer === 'unsafe-place' ? feature.details : null;
    const covered = coverage.get(feature.id);
    const parts = [
      part(`reports|${unsafe ? `${unsafe.responses}|${options.answersInCell?.get(feature.id) ?? ''}` : 'fokus'}`, () =>
        reportsPart(feature, options.timeOfDay, options.answersInCell?.get(feature.id)),
      ),
      part(`time|${unsafe ? unsafe.timeOfDay.join() : ''}`, () => timeOfDayPart(feature, options.timeOfDay)),
      part(`year|${unsafe ? unsafe.year : null}`, () => recencyPart(feature, options.now)),
      part(
        unsafe && covered ? (covered.isGap ? 'gap' : `reached|${covered.walkId}|${covered.focusPlaceId}|${covered.watchAreaId}`) : 'not-assessed',
        () => uncoveredPart(feature, covered, names, options.walkDistanceMetres),
      ),
      part(`focus|${feature.layer}`, () => focusPart(feature)),
    ];
    const score = round1(parts.reduce((sum, p) => sum + p.points, 0));
    items.push({ featureId: feature.id, name: feature.name, score, parts, point: representativePoint(feature) });
  }
  return items.sort((a, b) => b.score - a.score || compareSwedish(a.name, b.name) || compareCodes(a.featureId, b.featureId));
}
