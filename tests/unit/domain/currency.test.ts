import { describe, expect, it } from 'vitest';
import { documentStandings, isUpcomingWalk, swedishToday } from '../../../src/domain/currency';
import type { PromiseDocument } from '../../../src/domain/promiseDocument';
import { shippedDataset } from '../../../src/data/shipped';

if (!shippedDataset.ok) throw new Error('shipped dataset invalid');
const shippedData = shippedDataset.value;
const shipped = shippedData.documents;
const standingOn = (today: string) => Object.fromEntries([...documentStandings(shipped, today)].map(([id, s]) => [id, s.currency]));

describe('which promise is current, expired or superseded (the clock fixed)', () => {
  it('on 2026-12-01 every shipped document has expired, and Nacka 2017 was superseded by the 2022 plan', () => {
    expect(standingOn('2026-12-01')).toEqual({ 'ekero-2020': 'expired', 'nacka-2017': 'superseded', 'nacka-2022': 'expired', 'nordmaling-2023': 'expired', 'varmdo-2017': 'expired' });
    expect(documentStandings(shipped, '2026-12-01').get('nacka-2017')!.supersededBy).toBe('nacka-2022');
  });

  it('within their periods they were current, and before them upcoming', () => {
    expect(standingOn('2017-06-01')).toMatchObject({ 'nacka-2017': 'current', 'varmdo-2017': 'current', 'nacka-2022': 'upcoming', 'nordmaling-2023': 'upcoming' });
    expect(standingOn('2024-03-01')).toMatchObject({ 'nordmaling-2023': 'current', 'nacka-2022': 'expired', 'nacka-2017': 'superseded' });
    // The last day of a period is still in it.
    expect(standingOn('2025-12-31')['nordmaling-2023']).toBe('current');
  });

  it('a later document replaces an earlier one even before the earlier one runs out', () => {
    const doc = (id: string, from: string, to: string) => ({ ...shipped[0]!, id, period: { from, to } }) as PromiseDocument;
    const standings = documentStandings([doc('a', '2024-01-01', '2026-12-31'), doc('b', '2025-06-01', '2027-12-31')], '2025-07-01');
    expect(standings.get('a')).toEqual({ currency: 'superseded', supersededBy: 'b' });
    expect(standings.get('b')!.currency).toBe('current');
  });

  it('uses the Swedish calendar day', () => {
    // 23:30 UTC on 31 December is already 1 January in Stockholm.
    expect(swedishToday(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(swedishToday(new Date('2025-12-31T12:00:00Z'))).toBe('2025-12-31');
  });
});

describe('upcoming safety walks', () => {
  it('need a date from today on; no date or a past date is never upcoming', () => {
    expect(isUpcomingWalk('2026-12-05', 'planned', '2026-12-01')).toBe(true);
    expect(isUpcomingWalk('2026-12-01T18:00', 'planned', '2026-12-01')).toBe(true);
    expect(isUpcomingWalk(null, 'planned', '2026-12-01')).toBe(false);
    expect(isUpcomingWalk('2022-05-10', 'planned', '2026-12-01')).toBe(false);
    expect(isUpcomingWalk('2026-12-05', 'done', '2026-12-01')).toBe(false);
  });
});

describe('"current only" as a filter over the places', () => {
  it('finds no place on 2026-12-01 and Nordmaling’s places in 2024, and every place stays visible unfiltered', async () => {
    const { indexDataset } = await import('../../../src/domain/dataset');
    const { buildFeatureRows } = await import('../../../src/domain/featureRows');
    const { EMPTY_FILTER, filterRows } = await import('../../../src/domain/filters');
    const index = indexDataset(shippedData);
    const currentOnly = { ...EMPTY_FILTER, currency: ['current' as const] };
    const now = buildFeatureRows(index, '2026-12-01');
    expect(filterRows(now, currentOnly, null)).toEqual([]);
    expect(filterRows(now, EMPTY_FILTER, null)).toHaveLength(now.length);
    const in2024 = filterRows(buildFeatureRows(index, '2024-06-01'), currentOnly, null);
    expect(in2024.length).toBeGreaterThan(0);
    expect(new Set(in2024.map((r) => r.municipalityCode))).toEqual(new Set(['2401']));
  });
});
