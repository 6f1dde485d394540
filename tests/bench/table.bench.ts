import { constructTable, tableFeatures } from '@tanstack/table-core';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import { bench, describe } from 'vitest';
import { indexDataset, type Dataset } from '../../src/domain/dataset';
import { buildFeatureRows, type FeatureRow } from '../../src/domain/featureRows';
import type { ActivityStatus } from '../../src/domain/layers';
import type { SafetyFeature } from '../../src/domain/safetyFeature';
import { buildColumns, columnValues, compareSwedish, placesTableFeatures } from '../../src/ui/PlacesTable';
import { sv } from '../../src/ui/strings/sv';
import { ColumnRanks, sortByRank } from '../../src/ui/tableOrder';
import { activity, document, focusArea, unsafePlace } from '../unit/fixtures';

/**
 * The places table's first page (50 rows) at 100 000 rows, sorted by name and by status: the
 * naive way (tanstack's own sorted row model, a collator call per comparison) against ours
 * (src/ui/tableOrder.ts: Swedish ranks per column, one numeric sort, tanstack gets one page),
 * on the same rows, the first 50 taken in each case.
 */
const N = 100_000;
const PAGE = 50;
const names = ['Östra torget', 'Ängen', 'Åkervägen', 'Zinkgruvan', 'Skolgården', 'Centrum', 'Busshållplats', 'Parken'];
// Four activities, one per status; every seventh place serves two, so the status column has a
// handful of distinct values ("Pågår", "Planerad, Genomförd", …) as a region's data does.
const STATUSES: ActivityStatus[] = ['planned', 'ongoing', 'done', 'unknown'];
const activities = STATUSES.map((status, i) => activity({ id: `act-${i}`, status }));
const features: SafetyFeature[] = Array.from({ length: N }, (_, i) =>
  unsafePlace({
    id: `f-${i}`,
    name: `${names[i % names.length]} ${i}`,
    activityIds: i % 7 === 0 ? [`act-${i % 4}`, `act-${(i + 1) % 4}`] : [`act-${i % 4}`],
    geometry: { type: 'Point', coordinates: [18 + (i % 1000) / 1000, 59.3] },
  }),
);
const dataset: Dataset = { documents: [document], focusAreas: [focusArea()], activities, features, statusEntries: [], contacts: [] };
const rows = buildFeatureRows(indexDataset(dataset));
const values = columnValues(sv);
const columns = buildColumns(sv, 'sv', values);
const sortingTable = tableFeatures({ ...placesTableFeatures, coreReactivityFeature: storeReactivityBindings() });
// A second run's sort of 100 000 rows with tanstack takes about a second: a few samples are enough.
const heavy = { time: 0, iterations: 5, warmupIterations: 1 };
const light = { time: 300, warmupTime: 50 };

/** The naive way: tanstack sorts every row with the column's collator sortFn, then pages. */
function tanstackFirstPage(sortBy: string): number {
  const table = constructTable({
    features: sortingTable,
    columns: columns as never,
    data: rows,
    getRowId: (row: { id: string }) => row.id,
    initialState: { sorting: [{ id: sortBy, desc: false }], pagination: { pageIndex: 0, pageSize: PAGE } },
  });
  return table.getRowModel().rows.length;
}

/** Ours, as PlacesTable does it: ranks → one numeric sort → the first page → tanstack renders that page. */
function rankedFirstPage(data: readonly FeatureRow[], sortBy: string, ranks: ColumnRanks): number {
  const value = values[sortBy]!;
  const sorted = sortByRank(data, value, ranks.ensure(data.map(value)), false);
  const table = constructTable({
    features: sortingTable,
    columns: columns as never,
    data: sorted.slice(0, PAGE),
    getRowId: (row: { id: string }) => row.id,
    manualSorting: true,
    manualPagination: true,
    rowCount: sorted.length,
    state: { sorting: [{ id: sortBy, desc: false }], pagination: { pageIndex: 0, pageSize: PAGE } },
  } as never);
  return (table as { getRowModel(): { rows: unknown[] } }).getRowModel().rows.length;
}

/**
 * The rows after one edit, as a new version of them: each call changes one row (a different one
 * each time) with `edit`. The array is edited in place, so the copy is not part of the figure.
 */
function oneEditAtATime(edit: (row: FeatureRow, k: number) => FeatureRow): () => FeatureRow[] {
  const edited = rows.slice();
  let k = 0;
  return () => {
    const j = (k * 7919) % N;
    edited[j] = edit(rows[j]!, k++);
    return edited;
  };
}

function check(count: number) {
  if (count !== PAGE) throw new Error(`expected a page of ${PAGE} rows, got ${count}`);
}

describe(`places table, ${N} rows, first page sorted by name`, () => {
  const built = new ColumnRanks(compareSwedish);
  built.ensure(rows.map(values.name!));
  // A renamed place: a name no row had, placed among the ranks by binary search.
  const nextVersion = oneEditAtATime((row, k) => ({ ...row, name: `${row.name} ändrad ${k}` }));

  bench('naive: tanstack sorted row model, name', () => {
    check(tanstackFirstPage('name'));
  }, heavy);
  bench('sort by name, first time', () => {
    check(rankedFirstPage(rows, 'name', new ColumnRanks(compareSwedish)));
  }, heavy);
  bench('sort by name after one edit', () => {
    check(rankedFirstPage(nextVersion(), 'name', built));
  }, light);
});

describe(`places table, ${N} rows, first page sorted by status`, () => {
  const built = new ColumnRanks(compareSwedish);
  built.ensure(rows.map(values.status!));
  // A place moved to another activity: its status text becomes one another row already has.
  const nextVersion = oneEditAtATime((row) => {
    const other = rows.find((r) => values.status!(r) !== values.status!(row))!;
    return { ...row, activityIds: other.activityIds, statuses: other.statuses };
  });

  bench('naive: tanstack sorted row model, status', () => {
    check(tanstackFirstPage('status'));
  }, heavy);
  bench('sort by status, first time', () => {
    check(rankedFirstPage(rows, 'status', new ColumnRanks(compareSwedish)));
  }, light);
  bench('sort by status after one edit', () => {
    check(rankedFirstPage(nextVersion(), 'status', built));
  }, light);
});
