import { bench, describe } from 'vitest';
import { resolveChain, featuresOfDocument } from '../../src/domain/chain';
import { indexDataset, type Dataset } from '../../src/domain/dataset';
import type { SafetyFeature } from '../../src/domain/safetyFeature';
import { buildFeatureRows } from '../../src/domain/featureRows';
import { EMPTY_FILTER, facetCounts, filterRows } from '../../src/domain/filters';
import { toLayerCollections } from '../../src/map/features';
import { activity, document, focusArea, unsafePlace } from '../unit/fixtures';

/** 100 000 survey points (the scale a region's survey reaches), spread over 200 activities. */
const N = 100_000;
const activities = Array.from({ length: 200 }, (_, i) => activity({ id: `act-${i}` }));
const features: SafetyFeature[] = Array.from({ length: N }, (_, i) =>
  unsafePlace({
    id: `f-${i}`,
    activityIds: [`act-${i % 200}`],
    geometry: { type: 'Point', coordinates: [18 + (i % 1000) / 1000, 59 + Math.floor(i / 1000) / 1000] },
  }),
);
const dataset: Dataset = { documents: [document], focusAreas: [focusArea()], activities, features, statusEntries: [], contacts: [] };
const index = indexDataset(dataset);
const rows = buildFeatureRows(index);
const filter = { ...EMPTY_FILTER, timeOfDay: ['kvall' as const], text: 'torget' };
const probeIds = Array.from({ length: 100 }, (_, i) => `f-${(i * 997) % N}`);

describe(`derive view state, ${N} features`, () => {
  bench('indexDataset (once per data change)', () => {
    indexDataset(dataset);
  });
  bench('buildFeatureRows (once per data change)', () => {
    buildFeatureRows(index);
  });
  bench('toLayerCollections (once per data change)', () => {
    toLayerCollections(rows);
  });
});

describe(`one filter change, ${N} rows`, () => {
  bench('filterRows (the table)', () => {
    filterRows(rows, filter, null);
  });
  bench('facetCounts (counts per filter value)', () => {
    facetCounts(rows, filter, null);
  });
});

describe('resolve 100 chains (panel opens)', () => {
  bench('resolveChain on the index', () => {
    for (const id of probeIds) resolveChain(index, id);
  });
  bench('naive: Array.find over every record', () => {
    for (const id of probeIds) {
      const feature = features.find((f) => f.id === id)!;
      const a = activities.find((x) => x.id === feature.activityIds[0]);
      void a;
    }
  });
});

describe('all places of one promise', () => {
  bench('featuresOfDocument on the index', () => {
    featuresOfDocument(index, 'doc');
  });
});
