import { describe, expect, it } from 'vitest';
import { freshnessOf, withoutStale } from '../../../src/analysis/staleness';
import type { SafetyFeature } from '../../../src/domain/safetyFeature';
import { asExample, place, walk } from './builders';

type Unsafe = Extract<SafetyFeature, { layer: 'unsafe-place' }>;
type Walk = Extract<SafetyFeature, { layer: 'safety-walk' }>;
const TODAY = '2026-12-01';
const at: [number, number] = [18.25, 59.3];

describe('answers age: an unsafe place whose newest evidence is older than the limit is stale', () => {
  it('dates a survey by its year, and counts it stale after the limit', () => {
    expect(freshnessOf(place('a', at, { year: 2024 }) as Unsafe, [], TODAY, 3)).toEqual({ newest: '2024-12-31', source: 'survey', stale: false });
    expect(freshnessOf(place('b', at, { year: 2022 }) as Unsafe, [], TODAY, 3).stale).toBe(true);
    expect(freshnessOf(place('b', at, { year: 2022 }) as Unsafe, [], TODAY, 5).stale).toBe(false);
  });

  it('is fresh again when a planner confirmed it, or a done walk noted a finding at the place', () => {
    const old = place('c', at, { year: 2017 }) as Unsafe;
    const confirmed = { ...old, details: { ...old.details, confirmedOn: '2026-03-10' } };
    expect(freshnessOf(confirmed, [], TODAY, 3)).toEqual({ newest: '2026-03-10', source: 'confirmed', stale: false });
    const onTheSpot = { ...(walk('w', { type: 'LineString', coordinates: [at, [18.26, 59.3]] }) as Walk) };
    onTheSpot.details = { ...onTheSpot.details, plannedDate: '2025-09-01', findings: [{ text: 'Trasig belysning', point: [18.2501, 59.3001] }] };
    expect(freshnessOf(old, [onTheSpot], TODAY, 3)).toEqual({ newest: '2025-09-01', source: 'walk', stale: false });
    // A finding far away, or a walk not done, is no evidence for this place.
    const far = { ...onTheSpot, details: { ...onTheSpot.details, findings: [{ text: 'Annat', point: [18.3, 59.3] as [number, number] }] } };
    const planned = { ...onTheSpot, details: { ...onTheSpot.details, status: 'planned' as const } };
    expect(freshnessOf(old, [far, planned], TODAY, 3).stale).toBe(true);
  });

  it('does not call a place with no date stale, and leaves only stale unsafe places out of the analyses', () => {
    expect(freshnessOf(place('d', at, { year: null }) as Unsafe, [], TODAY, 3)).toEqual({ newest: null, source: null, stale: false });
    const features = [place('old', at, { year: 2015 }), place('new', at, { year: 2025 }), place('undated', at, { year: null }), asExample(place('example', at, { year: 2015 })), walk('w', { type: 'LineString', coordinates: [at, [18.26, 59.3]] })];
    const { fresh, stale } = withoutStale(features, TODAY, 3);
    expect(stale).toBe(1);
    // An old example is no evidence either way: the analyses leave it out and say so already.
    expect(fresh.map((f) => f.id)).toEqual(['new', 'undated', 'example', 'w']);
  });
});
