import { describe, expect, it } from 'vitest';
import { invertChange, RECORD_TABLES, touchedIds, type ChangeSet, type RecordOf, type RecordTable } from '../../../src/domain/changes';
import { indexDataset, type Dataset } from '../../../src/domain/dataset';
import { buildFeatureRows, type FeatureRow } from '../../../src/domain/featureRows';
import type { SafetyFeature } from '../../../src/domain/safetyFeature';
import { shippedDataset } from '../../../src/data/shipped';
import { LiveView } from '../../../src/data/liveView';
import { EMPTY_FILTER, facetCounts, filterRows, type FilterState } from '../../../src/domain/filters';
import { FilteredRows } from '../../../src/domain/filteredRows';

if (!shippedDataset.ok) throw new Error('shipped data invalid');
const shipped = shippedDataset.value;
const TODAY = () => '2026-12-01';

/** A small deterministic generator, so a failing sequence can be replayed from its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!, int: (n: number) => Math.floor(next() * n) };
}

const byId = (rows: readonly FeatureRow[]) => new Map(rows.map((r) => [r.id, r]));
const full = (dataset: Dataset) => buildFeatureRows(indexDataset(dataset), TODAY());

function applyTo(dataset: Dataset, change: ChangeSet): Dataset {
  const next = { ...dataset } as Record<RecordTable, { id: string }[]>;
  for (const table of RECORD_TABLES) {
    const map = new Map((dataset[table] as { id: string }[]).map((r) => [r.id, r]));
    for (const id of change.delete[table] ?? []) map.delete(id);
    for (const r of change.put[table] ?? []) map.set(r.id, r);
    next[table] = [...map.values()];
  }
  return next as unknown as Dataset;
}

function inverseOf(dataset: Dataset, change: ChangeSet): ChangeSet {
  const before: { [T in RecordTable]?: Map<string, RecordOf[T] | undefined> } = {};
  for (const table of RECORD_TABLES) {
    const map = new Map((dataset[table] as { id: string }[]).map((r) => [r.id, r]));
    (before as Record<string, Map<string, unknown>>)[table] = new Map(touchedIds(change, table).map((id) => [id, map.get(id)]));
  }
  return invertChange(change, before);
}

/** One random edit of the kinds users make: a place added, renamed, relinked or deleted; an import; a status entry; a renamed focus area; a document's period. */
function randomChange(r: ReturnType<typeof random>, dataset: Dataset, n: number): ChangeSet {
  const open = dataset.activities.filter((a) => !a.sensitive);
  const place = (): SafetyFeature => ({ ...r.pick(dataset.features.length ? dataset.features : shipped.features), id: `p-${n}-${r.int(1e6)}`, name: `Plats ${n}`, activityIds: [r.pick(open).id] }) as SafetyFeature;
  switch (r.int(7)) {
    case 0:
      return { label: 'add', put: { features: [place()] }, delete: {} };
    case 1: {
      if (!dataset.features.length) return { label: 'add', put: { features: [place()] }, delete: {} };
      const f = r.pick(dataset.features);
      return { label: 'rename', put: { features: [{ ...f, name: `${f.name} ${n}`, activityIds: [r.pick(open).id] }] }, delete: {} };
    }
    case 2:
      return dataset.features.length ? { label: 'delete', put: {}, delete: { features: [r.pick(dataset.features).id] } } : { label: 'noop', put: {}, delete: {} };
    case 3:
      return { label: 'import', put: { features: Array.from({ length: 1 + r.int(20) }, place) }, delete: {} };
    case 4: {
      const a = r.pick(dataset.activities);
      const entry = { id: `e-${n}`, activityId: a.id, documentId: a.documentId, date: `2026-0${1 + r.int(9)}-1${r.int(9)}`, status: r.pick(['planned', 'ongoing', 'done'] as const), note: null, author: null, recordedAt: `2026-11-0${1 + r.int(9)}T10:00:00.000Z` };
      return { label: 'status', put: { statusEntries: [entry] }, delete: {} };
    }
    case 5: {
      const area = r.pick(dataset.focusAreas);
      return { label: 'area', put: { focusAreas: [{ ...area, title: `${area.title} ${n}` }] }, delete: {} };
    }
    default: {
      const d = r.pick(dataset.documents);
      // Moving a period moves currency: this document and its neighbours in the municipality.
      const period = r.pick([{ from: d.period.from, to: '2026-12-31' }, { from: '2030-01-01', to: '2031-12-31' }, { from: '2019-01-01', to: '2025-06-30' }, d.period]);
      return { label: 'period', put: { documents: [{ ...d, period }] }, delete: {} };
    }
  }
}

/** The filters a consumer of the view might hold; the same object is kept while it does not change, as React's state would. */
const FILTERS: FilterState[] = [
  EMPTY_FILTER,
  { ...EMPTY_FILTER, status: ['done', 'ongoing'] },
  { ...EMPTY_FILTER, text: 'plats' },
  { ...EMPTY_FILTER, timeOfDay: ['kvall'], layer: ['unsafe-place'] },
  { ...EMPTY_FILTER, municipality: ['0182'], currency: ['current'] },
  // A chain facet and an own facet together: rows failing one of each are counted for neither.
  { ...EMPTY_FILTER, status: ['planned'], timeOfDay: ['natt', 'dag'], text: 'a' },
];

/** The index as sorted plain data, so two indexes built in different orders compare equal. */
function indexShape(index: ReturnType<typeof indexDataset>) {
  const sortedMap = <V>(map: Map<string, V>, value: (v: V) => unknown = (v) => v) => [...map].map(([k, v]) => [k, value(v)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return {
    documents: sortedMap(index.documents),
    focusAreas: sortedMap(index.focusAreas),
    activities: sortedMap(index.activities),
    features: sortedMap(index.features),
    featureIdsByDocument: sortedMap(index.featureIdsByDocument, (ids) => [...ids].sort()),
    activityIdsByFocusArea: sortedMap(index.activityIdsByFocusArea, (ids) => [...ids].sort()),
    statusEntriesByActivity: sortedMap(index.statusEntriesByActivity),
  };
}

describe('the incremental view', () => {
  it('gives the same rows as a full rebuild after every step of random edits, imports and undos, and its diffs bring a lagging consumer to the same state', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const r = random(seed);
      let dataset: Dataset = shipped;
      const view = new LiveView(dataset, [], TODAY);
      // The map: fed the full rows once, then only diffs, sometimes several versions at once.
      let mapVersion = view.snapshot().version;
      const map = byId(view.snapshot().rows);
      const undo: ChangeSet[] = [];
      // The table's filter: follows the view by diffs while the filter stays, recomputes when it changes.
      const filtered = new FilteredRows();
      let filter = FILTERS[0]!;
      for (let n = 0; n < 60; n++) {
        const change = undo.length && r.next() < 0.25 ? undo.pop()! : randomChange(r, dataset, n);
        if (change.label !== 'undo') undo.push({ ...inverseOf(dataset, change), label: 'undo' });
        dataset = applyTo(dataset, change);
        view.apply(change);
        const rows = view.snapshot().rows;
        expect(byId(rows), `seed ${seed} step ${n}`).toEqual(byId(full(dataset)));
        expect(indexShape(view.snapshot().index), `seed ${seed} step ${n} (index)`).toEqual(indexShape(indexDataset(dataset)));
        if (r.next() < 0.2) filter = r.pick(FILTERS);
        if (r.next() < 0.7) {
          const result = filtered.update(view.snapshot(), filter, null);
          expect(byId(result.rows), `seed ${seed} step ${n} (filtered)`).toEqual(byId(filterRows(rows, filter, null)));
          expect(result.counts, `seed ${seed} step ${n} (counts)`).toEqual(facetCounts(rows, filter, null));
        }
        if (r.next() < 0.4) {
          const diff = view.diffSince(mapVersion)!;
          for (const id of diff.remove) map.delete(id);
          for (const row of diff.put) map.set(row.id, row);
          mapVersion = view.snapshot().version;
          expect(map, `seed ${seed} step ${n} (map)`).toEqual(byId(rows));
        }
      }
    }
  });

  it('re-derives only the places a change reaches: one edit sends one row', () => {
    const view = new LiveView(shipped, [], TODAY);
    const before = view.snapshot();
    const place = shipped.features[3]!;
    view.apply({ label: 'rename', put: { features: [{ ...place, name: 'Nytt namn' }] }, delete: {} });
    expect(view.diffSince(before.version)).toEqual({ put: [expect.objectContaining({ id: place.id, name: 'Nytt namn' })], remove: [] });
    // Untouched rows are the same objects: nothing was derived again for them.
    const after = byId(view.snapshot().rows);
    for (const row of before.rows) if (row.id !== place.id) expect(after.get(row.id)).toBe(row);
    // An activity's status entry reaches exactly the places of that activity.
    const activity = shipped.activities.find((a) => shipped.features.filter((f) => f.activityIds.includes(a.id)).length > 1)!;
    const v = view.snapshot().version;
    view.apply({ label: 's', put: { statusEntries: [{ id: 'e', activityId: activity.id, documentId: activity.documentId, date: '2026-11-01', status: 'done', note: null, author: null, recordedAt: '2026-11-01T10:00:00.000Z' }] }, delete: {} });
    expect(view.diffSince(v)!.put.map((row) => row.id).sort()).toEqual(shipped.features.filter((f) => f.activityIds.includes(activity.id)).map((f) => f.id).sort());
  });

  it('after a reset, or too far behind, a consumer is told to take everything', () => {
    const view = new LiveView(shipped, [], TODAY);
    const v = view.snapshot().version;
    for (let i = 0; i < 70; i++) view.apply({ label: 'x', put: { features: [{ ...shipped.features[0]!, name: `n${i}` }] }, delete: {} });
    expect(view.diffSince(v)).toBeNull();
    const w = view.snapshot().version;
    view.reset(shipped);
    expect(view.diffSince(w)).toBeNull();
    expect(byId(view.snapshot().rows)).toEqual(byId(full(shipped)));
  });
});
