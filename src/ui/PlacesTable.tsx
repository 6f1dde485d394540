import {
  columnVisibilityFeature,
  createColumnHelper,
  createPaginatedRowModel,
  createSortedRowModel,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type PaginationState,
  type SortingState,
} from '@tanstack/react-table';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FeatureRow } from '../domain/featureRows';
import { formatDate, formatNumber, useI18n, type Dictionary, type Language } from './i18n';
import { ColumnRanks, inOrderOf, sortByRank, swedishKeyIsExact, swedishRoughKey } from './tableOrder';

export const placesTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel(),
  columnVisibilityFeature,
});
const helper = createColumnHelper<typeof placesTableFeatures, FeatureRow>();
/** Swedish order: å, ä, ö after z. The collator is made once; sorting 100 000 rows calls it a lot. */
const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });
export const compareSwedish = (a: string, b: string) => collator.compare(a, b);
const PAGE_SIZE = 50;

/**
 * Joins a row's list for display and sorting, once per list: rows that serve the same activities
 * share their lists, so at 100 000 places a sort joins a handful of lists instead of millions.
 */
function joinedOnce<T>(format: (values: readonly T[]) => string): (values: readonly T[]) => string {
  const cache = new WeakMap<readonly T[], string>();
  return (values) => {
    let text = cache.get(values);
    if (text === undefined) cache.set(values, (text = format(values)));
    return text;
  };
}

/** What each column shows and sorts by, as text: the table's cells and its order read the same values. */
export function columnValues(t: Dictionary): Record<string, (row: FeatureRow) => string> {
  const titles = joinedOnce<string>((v) => v.join('; '));
  const parties = joinedOnce<FeatureRow['responsible'][number]>((v) => v.map((p) => t.parties[p]).join(', '));
  const statuses = joinedOnce<FeatureRow['statuses'][number]>((v) => v.map((s) => t.statusNames[s]).join(', '));
  return {
    name: (r) => r.name,
    layer: (r) => t.layerSingular[r.layer],
    municipality: (r) => r.municipalityName,
    promise: (r) => titles(r.documentTitles),
    focusArea: (r) => titles(r.focusAreaTitles),
    activity: (r) => titles(r.activityTitles),
    responsible: (r) => parties(r.responsible),
    status: (r) => statuses(r.statuses),
    period: (r) => r.periodFrom ?? '',
    provenance: (r) => t.provenanceShort[r.provenance] ?? r.provenance,
  };
}

export function buildColumns(t: Dictionary, language: Language, values: Record<string, (row: FeatureRow) => string> = columnValues(t)) {
  const sortFn = (a: { getValue: (id: string) => unknown }, b: { getValue: (id: string) => unknown }, id: string) =>
    compareSwedish(String(a.getValue(id) ?? ''), String(b.getValue(id) ?? ''));
  const column = (id: string) => helper.accessor(values[id]!, { id, header: t.columns[id], cell: (info) => info.getValue(), sortFn });
  return helper.columns([
    column('name'),
    column('layer'),
    column('municipality'),
    column('promise'),
    column('focusArea'),
    column('activity'),
    column('responsible'),
    column('status'),
    helper.accessor(values.period!, {
      id: 'period',
      header: t.columns.period,
      cell: (info) => {
        const row = info.row.original;
        return row.periodFrom && row.periodTo ? `${formatDate(row.periodFrom, language)} – ${formatDate(row.periodTo, language)}` : t.notGiven;
      },
      sortFn,
    }),
    column('provenance'),
  ]);
}

interface Props {
  rows: readonly FeatureRow[];
  /** Every row of the same version, filtered or not: the table keeps them sorted so a filter need not sort. */
  allRows?: readonly FeatureRow[];
  /** When this changes (a new filter), the table goes back to its first page. */
  pageKey?: unknown;
  selectedId: string | null;
  hoveredId: string | null;
  onSelect(id: string): void;
  onHover(id: string | null): void;
}

export function PlacesTable({ rows, allRows, pageKey, selectedId, hoveredId, onSelect, onHover }: Props) {
  const { t, language } = useI18n();
  const values = useMemo(() => columnValues(t), [t]);
  const columns = useMemo(() => buildColumns(t, language, values), [t, language, values]);
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE });
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  // The order is ours (tableOrder.ts), the table gets one page: at 100 000 rows, building a row
  // object per place and sorting them with a collator call per comparison took a second per change.
  const ranks = useMemo(() => new Map<string, ColumnRanks>(), [values]);
  const order = useMemo(() => {
    const by = sorting[0];
    const value = by && values[by.id];
    if (!by || !value) return null;
    let column = ranks.get(by.id);
    if (!column) ranks.set(by.id, (column = new ColumnRanks(compareSwedish, swedishRoughKey, swedishKeyIsExact)));
    const ranked = column;
    return (list: readonly FeatureRow[]) => sortByRank(list, value, ranked.ensure(list.map(value)), by.desc);
  }, [sorting, values, ranks]);
  // Every row in order, kept while only the filter changes: a wide filter then takes the shown rows
  // out of it in one pass instead of sorting them again (a third of a filter change at 100 000
  // rows). A narrow one (a search) sorts its few rows itself: sorting every row after each edit
  // would cost more than that. A cache, so a ref: nothing renders from it.
  const sortedAll = useRef<{ order: typeof order; all: readonly FeatureRow[]; sorted: FeatureRow[] } | null>(null);
  const sorted = useMemo(() => {
    if (!order) return rows;
    if (!allRows || rows.length * 8 < allRows.length) return order(rows);
    let cache = sortedAll.current;
    if (!cache || cache.order !== order || cache.all !== allRows) sortedAll.current = cache = { order, all: allRows, sorted: order(allRows) };
    return inOrderOf(cache.sorted, allRows, rows) ?? order(rows);
  }, [order, allRows, rows]);
  const pageCount = Math.max(1, Math.ceil(sorted.length / pagination.pageSize));
  const pageIndex = Math.min(pagination.pageIndex, pageCount - 1);
  const page = useMemo(() => sorted.slice(pageIndex * pagination.pageSize, (pageIndex + 1) * pagination.pageSize), [sorted, pageIndex, pagination.pageSize]);
  const table = useTable({
    features: placesTableFeatures,
    columns,
    data: page,
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    rowCount: sorted.length,
    state: { pagination: { ...pagination, pageIndex }, sorting },
    onPaginationChange: (updater) => setPagination((old) => (typeof updater === 'function' ? updater(old) : updater)),
    onSortingChange: (updater) => {
      setSorting((old) => (typeof updater === 'function' ? updater(old) : updater));
      setPagination((p) => (p.pageIndex === 0 ? p : { ...p, pageIndex: 0 }));
    },
  });
  // A new filter starts on the first page; an edit keeps the page the user is on.
  const lastKey = useRef(pageKey);
  useEffect(() => {
    if (lastKey.current === pageKey) return;
    lastKey.current = pageKey;
    setPagination((p) => (p.pageIndex === 0 ? p : { ...p, pageIndex: 0 }));
  }, [pageKey]);

  // A place selected on the map is shown in the table: turn to its page.
  useEffect(() => {
    if (!selectedId) return;
    const position = sorted.findIndex((r) => r.id === selectedId);
    // The same state when the page is already right: a new object each time re-rendered the table
    // for ever, which starved the deferred filter.
    if (position >= 0) setPagination((p) => (p.pageIndex === Math.floor(position / p.pageSize) ? p : { ...p, pageIndex: Math.floor(position / p.pageSize) }));
  }, [selectedId, sorted]);
  useEffect(() => {
    if (selectedId) document.getElementById(`row-${selectedId}`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, pagination.pageIndex]);


  return (
    <div className="places-table">
      <div className="table-tools">
        <details className="column-menu">
          <summary>{t.columnsButton}</summary>
          <fieldset>
            <legend className="visually-hidden">{t.columnsButton}</legend>
            {table.getAllLeafColumns().map((column) => (
              <label key={column.id} className="check">
                <input
                  type="checkbox"
                  checked={column.getIsVisible()}
                  disabled={column.id === 'name'}
                  onChange={(e) => column.toggleVisibility(e.currentTarget.checked)}
                />
                {t.columns[column.id]}
              </label>
            ))}
          </fieldset>
        </details>
        <div className="pager">
          <button type="button" onClick={() => table.previousPage()} disabled={pageIndex === 0}>
            {t.previousPage}
          </button>
          <span>{t.page(formatNumber(pageIndex + 1, language), formatNumber(pageCount, language))}</span>
          <button type="button" onClick={() => table.nextPage()} disabled={pageIndex >= pageCount - 1}>
            {t.nextPage}
          </button>
        </div>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t.tableLabel}>
        <table>
          <caption className="visually-hidden">{t.tableLabel}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                id={`row-${row.id}`}
                className={[row.id === selectedId && 'selected', row.id === hoveredId && 'hovered'].filter(Boolean).join(' ')}
                aria-selected={row.id === selectedId}
                onMouseEnter={() => onHover(row.id)}
                onMouseLeave={() => onHover(null)}
                onClick={() => onSelect(row.id)}
              >
                {row.getVisibleCells().map((cell) =>
                  cell.column.id === 'name' ? (
                    <th key={cell.id} scope="row">
                      <button type="button" className="row-button" onFocus={() => onHover(row.id)} onBlur={() => onHover(null)}>
                        <table.FlexRender cell={cell} />
                      </button>
                    </th>
                  ) : (
                    <td key={cell.id}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="empty">{t.noRows}</p>}
      </div>
    </div>
  );
}
