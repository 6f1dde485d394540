import { describe, expect, it } from 'vitest';
import { RECORD_TABLES, type RecordTable } from '../../../src/domain/changes';
import type { Dataset } from '../../../src/domain/dataset';
import { LiveView } from '../../../src/data/liveView';
import { snapshotDiff } from '../../../src/data/startupSnapshot';
import { dataset, unsafePlace } from '../fixtures';

const tablesOf = (d: Dataset) => Object.fromEntries(RECORD_TABLES.map((t) => [t, structuredClone(d[t]) as unknown[]])) as Record<RecordTable, unknown[]>;
const rowsOf = (view: LiveView) => [...view.snapshot().rows].map((r) => [r.id, r.name, r.layer]).sort();

describe('the start-up snapshot checked against the tables', () => {
  const before = dataset({ features: Array.from({ length: 50 }, (_, i) => unsafePlace({ id: `p${i}`, name: `Plats ${i}` })) });

  it('finds nothing when the tables are what the snapshot holds (each side a clone of its own)', () => {
    const change = snapshotDiff(tablesOf(before), tablesOf(before))!;
    expect(RECORD_TABLES.every((t) => !change.put[t] && !change.delete[t])).toBe(true);
  });

  it('finds what was added, changed and deleted since, and applying it gives the view a full read would', () => {
    const features = before.features.filter((f) => f.id !== 'p3').map((f) => (f.id === 'p7' ? { ...f, name: 'Ändrad' } : f));
    const after: Dataset = { ...before, features: [...features, unsafePlace({ id: 'ny', name: 'Ny plats' })] };
    const change = snapshotDiff(tablesOf(before), tablesOf(after))!;
    expect(change.put.features?.map((f) => f.id).sort()).toEqual(['ny', 'p7']);
    expect(change.delete.features).toEqual(['p3']);
    expect(change.put.activities).toBeUndefined();

    const fromSnapshot = new LiveView(before);
    fromSnapshot.apply(change);
    expect(rowsOf(fromSnapshot)).toEqual(rowsOf(new LiveView(after)));
  });

  it('gives up past its limit: a full read is cheaper than that diff', () => {
    const after: Dataset = { ...before, features: [] };
    expect(snapshotDiff(tablesOf(before), tablesOf(after), 10)).toBeNull();
    expect(snapshotDiff(tablesOf(before), tablesOf(after), 50)?.delete.features).toHaveLength(50);
  });
});
