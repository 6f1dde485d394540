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
} from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import type { FeatureRow } from '../domain/featureRows';
import { formatDate, formatNumber, useI18n, type Dictionary, type Language } from './i18n';

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

export function buildColumns(t: Dictionary, language: Language) {
  const text = (value: string) => value;
  const titles = joinedOnce<string>((v) => v.join('; '));
  const parties = joinedOnce<FeatureRow['responsible'][number]>((v) => v.map((p) => t.parties[p]).join(', '));
  const statuses = joinedOnce<FeatureRow['statuses'][number]>((v) => v.map((s) => t.statusNames[s]).join(', '));
  const sortFn = (a: { getValue: (id: string) => unknown }, b: { getValue: (id: string) => unknown }, id: string) =>
    compareSwedish(String(a.getValue(id) ?? ''), String(b.getValue(id) ?? ''));
  const column = (id: string, accessor: (row: FeatureRow) => string) =>
    helper.accessor(accessor, { id, header: t.columns[id], cell: (info) => text(info.getValue()), sortFn });
  return helper.columns([
    column('name', (r) => r.name),
    column('layer', (r) => t.layerSingular[r.layer]),
    column('municipality', (r) => r.municipalityName),
    column('promise', (r) => titles(r.documentTitles)),
    column('focusArea', (r) => titles(r.focusAreaTitles)),
    column('activity', (r) => titles(r.activityTitles)),
    column('responsible', (r) => parties(r.responsible)),
    column('status', (r) => statuses(r.statuses)),
    helper.accessor((r) => r.periodFrom ?? '', {
      id: 'period',
      header: t.columns.period,
      cell: (info) => {
        const row = info.row.original;
        return row.periodFrom && row.periodTo ? `${formatDate(row.periodFrom, language)} – ${formatDate(row.periodTo, language)}` : t.notGiven;
      },
      sortFn,
    }),
    column('provenance', (r) => t.provenanceShort[r.provenance] ?? r.provenance),
  ]);
}

interface Props {
  rows: readonly FeatureRow[];
  selectedId: string | null;
  hoveredId: string | null;
  onSelect(id: string): void;
  onHover(id: string | null): void;
}

export function PlacesTable({ rows, selectedId, hoveredId, onSelect, onHover }: Props) {
  const { t, language } = useI18n();
  const columns = useMemo(() => buildColumns(t, language), [t, language]);
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE });
  const data = useMemo(() => [...rows], [rows]);
  const table = useTable({
    features: placesTableFeatures,
    columns,
    data,
    getRowId: (row) => row.id,
    state: { pagination },
    onPaginationChange: (updater) => setPagination((old) => (typeof updater === 'function' ? updater(old) : updater)),
    initialState: { sorting: [{ id: 'name', desc: false }] },
  });

  // A place selected on the map is shown in the table: turn to its page.
  useEffect(() => {
    if (!selectedId) return;
    const position = table.getPrePaginatedRowModel().rows.findIndex((r) => r.id === selectedId);
    // The same state when the page is already right: a new object each time re-rendered the table
    // for ever (the table object is new on every render), which starved the deferred filter.
    if (position >= 0) setPagination((p) => (p.pageIndex === Math.floor(position / p.pageSize) ? p : { ...p, pageIndex: Math.floor(position / p.pageSize) }));
  }, [selectedId, table, rows]);
  useEffect(() => {
    if (selectedId) document.getElementById(`row-${selectedId}`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, pagination.pageIndex]);

  const pageCount = Math.max(1, table.getPageCount());
  const pageIndex = Math.min(pagination.pageIndex, pageCount - 1);

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
