import { describe, expect, it } from 'vitest';
import { shippedDataset } from '../../../src/data/shipped';
import { indexDataset } from '../../../src/domain/dataset';
import { buildFeatureRows, normaliseSearchText } from '../../../src/domain/featureRows';
import { CHAIN_FACETS, EMPTY_FILTER, FACETS, OWN_FACETS, facetCounts, filterRows, isFilterActive } from '../../../src/domain/filters';
import { activity, dataset, unsafePlace } from '../fixtures';

const rowsOf = (d: ReturnType<typeof dataset>) => buildFeatureRows(indexDataset(d));

describe('feature rows', () => {
  it('flatten the chain of each place', () => {
    const [row] = rowsOf(dataset());
    expect(row).toMatchObject({
      id: 'f1',
      municipalityName: 'Nacka',
      documentTitles: ['Medborgarlöfte Testby'],
      focusAreaTitles: ['Otrygga platser'],
      activityTitles: ['Trygghetsvandringar'],
      responsible: ['kommun'],
      statuses: ['planned'],
      periodFrom: '2023-01-01',
      periodTo: '2025-12-31',
      timeOfDay: ['kvall'],
      bounds: [18.25, 59.3, 18.25, 59.3],
    });
  });
});

describe('search text', () => {
  it("is the place's own text and its chain's, normalised as one string would be", () => {
    if (!shippedDataset.ok) throw new Error('shipped data invalid');
    const index = indexDataset(shippedDataset.value);
    for (const row of buildFeatureRows(index)) {
      const street = row.feature.layer === 'speed-control' ? row.feature.details.streetName : '';
      expect(row.searchText).toBe(normaliseSearchText(`${row.feature.name} ${street} ${row.municipalityName} ${[...row.documentTitles, ...row.focusAreaTitles, ...row.activityTitles, ...row.responsibleText].join(' ')}`));
    }
  });
});

describe('filters', () => {
  const d = dataset({
    activities: [activity(), activity({ id: 'act2', status: 'done', responsible: [{ party: 'polis', unit: null }] })],
    features: [
      unsafePlace(),
      unsafePlace({ id: 'f2', name: 'Skolgården Östra', activityIds: ['act2'], geometry: { type: 'Point', coordinates: [19.5, 63.57] } }),
    ],
  });
  const rows = rowsOf(d);
  const ids = (filter: Partial<typeof EMPTY_FILTER>, view: [number, number, number, number] | null = null) =>
    filterRows(rows, { ...EMPTY_FILTER, ...filter }, view).map((r) => r.id);

  it('splits every facet into the chain\'s or the place\'s own, none in both (FilteredRows counts each half its own way)', () => {
    expect([...CHAIN_FACETS, ...OWN_FACETS].sort()).toEqual([...FACETS].sort());
    // The chain facets' lists are the chain's: two rows of one chain share the very arrays.
    const [a, b] = buildFeatureRows(indexDataset(dataset({ features: [unsafePlace(), unsafePlace({ id: 'f2' })] })));
    for (const facet of ['documentIds', 'focusAreaIds', 'responsible', 'statuses', 'currencies'] as const) expect(a![facet]).toBe(b![facet]);
  });
  it('shows everything with no filter, and says no filter is active', () => {
    expect(ids({})).toEqual(['f1', 'f2']);
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
  });
  it('matches any chosen value within a facet, and all facets together', () => {
    expect(ids({ status: ['done', 'planned'] })).toEqual(['f1', 'f2']);
    expect(ids({ status: ['done'] })).toEqual(['f2']);
    expect(ids({ status: ['done'], responsible: ['kommun'] })).toEqual([]);
  });
  it('searches words anywhere in the chain, case-insensitively, with å ä ö intact', () => {
    expect(ids({ text: 'östra' })).toEqual(['f2']);
    expect(ids({ text: 'ostra' })).toEqual([]);
    expect(ids({ text: '  TRYGGHETSVANDRINGAR   torget ' })).toEqual(['f1']);
  });
  it('keeps only places that reach into the view when asked', () => {
    expect(ids({ inView: true }, [19, 63, 20, 64])).toEqual(['f2']);
    expect(ids({ inView: false }, [19, 63, 20, 64])).toEqual(['f1', 'f2']);
  });
  it('counts each facet value with the other facets applied but not its own', () => {
    const counts = facetCounts(rows, { ...EMPTY_FILTER, status: ['done'] }, null);
    expect(Object.fromEntries(counts.status)).toEqual({ planned: 1, done: 1 });
    expect(Object.fromEntries(counts.responsible)).toEqual({ polis: 1 });
    expect(Object.fromEntries(counts.layer)).toEqual({ 'unsafe-place': 1 });
  });
  it('handles an empty dataset', () => {
    expect(filterRows([], EMPTY_FILTER, null)).toEqual([]);
    expect(facetCounts([], EMPTY_FILTER, null).municipality.size).toBe(0);
  });
  it('works on the shipped data: Nacka has 15 places', () => {
    if (!shippedDataset.ok) throw new Error('invalid');
    const all = buildFeatureRows(indexDataset(shippedDataset.value));
    expect(filterRows(all, { ...EMPTY_FILTER, municipality: ['0182'] }, null)).toHaveLength(
      shippedDataset.value.features.filter((f) => f.municipalityCode === '0182').length,
    );
  });
});
