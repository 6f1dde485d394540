import type { Bounds } from './geometry';
import type { FeatureRow } from './featureRows';
import { FACETS, compileFilter, facetValues as facetValuesOf, type Facet, type FilterState } from './filters';

/** The rows a filter shows and, per facet, how many rows each value would give (see facetCounts). */
export interface FilterResult {
  rows: FeatureRow[];
  counts: Record<Facet, Map<string, number>>;
}

/** What a diff between two versions of the rows says: rows put (added or re-derived) and places gone. */
export interface RowChanges {
  put: readonly FeatureRow[];
  remove: readonly string[];
}

/** The rows of one version, with a way to ask what changed since an earlier one (null: take them whole). */
export interface VersionedRows {
  version: number;
  rows: readonly FeatureRow[];
  diffFrom(version: number): RowChanges | null;
}

/**
 * Filters and counts by what changed: while the filter stays the same, a new version of the rows
 * costs only its diff (one edit touches one row, not 100 000). A new filter, a new view box, or a
 * diff that is not available any more (a reset, or too far behind) recomputes everything in one pass.
 * The result of each call is new; nothing it returned before is mutated.
 */
export class FilteredRows {
  private version = -1;
  private source: readonly FeatureRow[] | null = null;
  private filter: FilterState | null = null;
  private view: Bounds | null = null;
  private test: ReturnType<typeof compileFilter> | null = null;
  /** The shown rows, by id, in the order they were first shown. */
  private shown = new Map<string, FeatureRow>();
  /** Each counted row and the facet it fails (null: it fails none and counts everywhere). */
  private counted = new Map<string, { row: FeatureRow; failed: Facet | null }>();
  private counts = emptyCounts();
  private result: FilterResult = { rows: [], counts: emptyCounts() };

  update(source: VersionedRows, filter: FilterState, view: Bounds | null): FilterResult {
    const sameFilter = this.filter === filter && this.view === view && this.test !== null;
    if (sameFilter && source.version === this.version && source.rows === this.source) return this.result;
    const diff = sameFilter ? source.diffFrom(this.version) : null;
    if (diff) this.applyDiff(diff);
    else this.rebuild(source.rows, filter, view);
    this.version = source.version;
    this.source = source.rows;
    this.result = { rows: [...this.shown.values()], counts: copyCounts(this.counts) };
    return this.result;
  }

  private rebuild(rows: readonly FeatureRow[], filter: FilterState, view: Bounds | null): void {
    this.filter = filter;
    this.view = view;
    this.test = compileFilter(filter, view);
    this.shown.clear();
    this.counted.clear();
    this.counts = emptyCounts();
    for (const row of rows) this.add(row);
  }

  private applyDiff(diff: RowChanges): void {
    for (const id of diff.remove) this.remove(id);
    for (const row of diff.put) {
      this.remove(row.id);
      this.add(row);
    }
  }

  private add(row: FeatureRow): void {
    const failed = this.test!(row);
    if (!failed || failed.length > 1) return;
    if (failed.length === 0) this.shown.set(row.id, row);
    const facet = failed[0] ?? null;
    this.counted.set(row.id, { row, failed: facet });
    this.count(row, facet, 1);
  }

  private remove(id: string): void {
    const entry = this.counted.get(id);
    if (!entry) return;
    this.counted.delete(id);
    this.shown.delete(id);
    this.count(entry.row, entry.failed, -1);
  }

  private count(row: FeatureRow, failed: Facet | null, step: 1 | -1): void {
    for (const facet of failed ? [failed] : FACETS) {
      const map = this.counts[facet];
      for (const value of facetValuesOf(row, facet)) {
        const n = (map.get(value) ?? 0) + step;
        if (n > 0) map.set(value, n);
        else map.delete(value);
      }
    }
  }
}

function emptyCounts(): Record<Facet, Map<string, number>> {
  return Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
}

function copyCounts(counts: Record<Facet, Map<string, number>>): Record<Facet, Map<string, number>> {
  return Object.fromEntries(FACETS.map((f) => [f, new Map(counts[f])])) as Record<Facet, Map<string, number>>;
}
