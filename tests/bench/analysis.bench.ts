import { distance, point } from '@turf/turf';
import { bench, describe } from 'vitest';
import { assessCoverage } from '../../src/analysis/coverage';
import { hexDensity } from '../../src/analysis/density';
import { buildPlaceIndex, nearby } from '../../src/analysis/nearMe';
import { patrolPriorities } from '../../src/analysis/patrol';
import type { TimeOfDay } from '../../src/domain/layers';
import type { SafetyFeature } from '../../src/domain/safetyFeature';

/**
 * 100 000 synthetic survey points as in PERFORMANCE.md: 85 % in the Stockholm region
 * (59.2–59.45°N, 17.8–18.4°E), 15 % around Nordmaling, 60 % of them in hot spots. A seeded
 * generator, so every run measures the same data.
 */
const N = 100_000;
let seed = 20250615;
const random = () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const stockholmHotSpots = Array.from({ length: 40 }, () => [17.8 + random() * 0.6, 59.2 + random() * 0.25] as const);
const nordmalingHotSpots = Array.from({ length: 8 }, () => [19.5 + (random() - 0.5) * 0.2, 63.57 + (random() - 0.5) * 0.08] as const);
const TIMES: TimeOfDay[][] = [['kvall'], ['natt'], ['dag'], ['kvall', 'natt'], []];
const REASONS = ['belysning', 'folksamlingar', 'narkotika', 'skymd sikt', 'klotter'];

function position(): [number, number] {
  const stockholm = random() < 0.85;
  if (random() < 0.6) {
    const spots = stockholm ? stockholmHotSpots : nordmalingHotSpots;
    const [lon, lat] = spots[Math.floor(random() * spots.length)]!;
    return [lon + gaussian() * 0.004, lat + gaussian() * 0.002];
  }
  return stockholm
    ? [17.8 + random() * 0.6, 59.2 + random() * 0.25]
    : [19.5 + (random() - 0.5) * 0.4, 63.57 + (random() - 0.5) * 0.2];
}

const places: SafetyFeature[] = Array.from({ length: N }, (_, i) => ({
  id: `p-${i}`,
  layer: 'unsafe-place',
  name: `Plats ${i}`,
  municipalityCode: i % 7 === 0 ? '2401' : '0182',
  activityIds: ['act'],
  provenance: 'imported',
  provenanceNote: 'Syntetisk',
  geometry: { type: 'Point', coordinates: position() },
  details: {
    survey: 'Syntetisk',
    year: 2019 + (i % 7),
    timeOfDay: TIMES[i % TIMES.length]!,
    reasons: [REASONS[i % REASONS.length]!],
    responses: i % 3 === 0 ? null : 1 + (i % 9),
  },
}));

/** A dozen walk routes through hot spots, each a 6-vertex zigzag of about 1.5 km. */
const walks: SafetyFeature[] = [...stockholmHotSpots.slice(0, 9), ...nordmalingHotSpots.slice(0, 3)].map(([lon, lat], i) => ({
  id: `w-${i}`,
  layer: 'safety-walk',
  name: `Trygghetsvandring ${i}`,
  municipalityCode: '0182',
  activityIds: ['act'],
  provenance: 'imported',
  provenanceNote: 'Syntetisk',
  geometry: { type: 'LineString', coordinates: Array.from({ length: 6 }, (_, k) => [lon - 0.01 + k * 0.004, lat + (k % 2) * 0.003]) },
  details: { plannedDate: '2024-10-01', organisers: ['Kommunen'], status: 'done', findings: [] },
}));
const focusPlaces: SafetyFeature[] = stockholmHotSpots.slice(10, 14).map(([lon, lat], i) => ({
  id: `fp-${i}`,
  layer: 'focus-place',
  name: `Fokusplats ${i}`,
  municipalityCode: '0182',
  activityIds: ['act'],
  provenance: 'imported',
  provenanceNote: 'Syntetisk',
  geometry:
    i % 2 === 0
      ? { type: 'Point', coordinates: [lon, lat] }
      : { type: 'Polygon', coordinates: [[[lon - 0.005, lat - 0.002], [lon + 0.005, lat - 0.002], [lon + 0.005, lat + 0.002], [lon - 0.005, lat + 0.002], [lon - 0.005, lat - 0.002]]] },
  details: { placeKind: 'centrum', description: null },
}));
const withWalks = [...places, ...walks, ...focusPlaces];

const index = buildPlaceIndex(places);
const queries = Array.from({ length: 64 }, (_, i) => places[(i * 7919) % N]!.geometry.coordinates as [number, number]);
let q = 0;
const nextQuery = () => queries[q++ % queries.length]!;
const heavy = { time: 0, iterations: 5, warmupIterations: 1 };

describe(`near me, all places within 1 km, ${N} places`, () => {
  bench('nearby (geokdbush around + exact distance)', () => {
    const [lon, lat] = nextQuery();
    nearby(index, lon, lat, 1000);
  });
  bench('naive: turf.distance over every place', () => {
    const [lon, lat] = nextQuery();
    const here = point([lon, lat]);
    const found: { id: string; d: number }[] = [];
    for (const f of places) {
      const d = distance(here, f.geometry.coordinates as number[], { units: 'meters' });
      if (d <= 1000) found.push({ id: f.id, d });
    }
    found.sort((a, b) => a.d - b.d);
  });
});

describe(`once per data change, ${N} places`, () => {
  bench('buildPlaceIndex', () => {
    buildPlaceIndex(places);
  }, heavy);
  bench('hexDensity res 8', () => {
    hexDensity(places, 8);
  }, heavy);
  bench('hexDensity res 8, filtered to kväll + belysning', () => {
    hexDensity(places, 8, { timeOfDay: ['kvall'], reasons: ['Belysning'] });
  }, heavy);
  bench(`assessCoverage, ${walks.length} walks + ${focusPlaces.length} focus places`, () => {
    assessCoverage(withWalks, { walkDistanceMetres: 250 });
  }, heavy);
  bench('patrolPriorities (includes assessCoverage)', () => {
    patrolPriorities(withWalks, { timeOfDay: 'kvall', dayType: 'vardag', now: new Date('2025-06-15'), walkDistanceMetres: 250 });
  }, heavy);
});
