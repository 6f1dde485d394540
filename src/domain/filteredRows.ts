import type { Bounds } from './geometry';
import type { FeatureRow } from './featureRows';
import { CHAIN_FACETS, OWN_FACETS, compileFilterTests, facetValues as facetValuesOf, type ChainFacet, type Facet, type FilterState, type FilterTests } from './filters';

/** The rows a filter shows and, per facet, how many rows each value would give (see facetCounts). */
export interface FilterResult {
  /** The source's own array when the filter keeps every row (so a view can tell "all" for free). */
  rows: readonly FeatureRow[];
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
 * The rows of one chain, which share its lists (featureRows.ts): the chain facets they fail are
 * tested once, and what they add to those facets' counts is two numbers, not a Map bump per row
 * and chain facet (five of the eight facets; at 100 000 rows that was most of a filter change).
 */
interface ChainTally {
  /** A row of the chain, for its lists. */
  row: FeatureRow;
  failed: readonly Facet[];
  /** Rows of the chain shown: they count for every chain facet. */
  shown: number;
  /** Rows failing only the chain's one failed facet: they count for that facet alone. */
  only: number;
}

/** The chain facets' lists are the same arrays: the rows were built from one chain. */
function sameChain(a: FeatureRow, b: FeatureRow): boolean {
  return a.documentIds === b.documentIds && a.focusAreaIds === b.focusAreaIds && a.responsible === b.responsible && a.statuses === b.statuses && a.currencies === b.currencies;
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
  private tests: FilterTests | null = null;
  /** The shown rows, by id, in the order they were first shown. */
  private shown = new Map<string, FeatureRow>();
  /** Rows that fail exactly one facet: not shown, but counted for that facet (the shown rows count for all). */
  private failedOne = new Map<string, { row: FeatureRow; facet: Facet }>();
  /**
   * After a rebuild the two maps above are not made yet: a filter change then costs one plain pass
   * (keying 100 000 rows by id is a third of it), and the first diff after it builds them, once.
   */
  private pending: { shown: FeatureRow[]; failedRows: FeatureRow[]; failedFacets: Facet[] } | null = null;
  /** Tallies by the chain's document list (the same array for every row of one chain); rarely more than one per list. */
  private chains = new Map<readonly string[], ChainTally[]>();
  private lastTally: ChainTally | null = null;
  /** The own facets' counts, bumped per row; the chain facets' are summed from the tallies. */
  private ownCounts = emptyCounts(OWN_FACETS);
  private result: FilterResult = { rows: [], counts: { ...emptyCounts(OWN_FACETS), ...emptyCounts(CHAIN_FACETS) } };

  update(source: VersionedRows, filter: FilterState, view: Bounds | null): FilterResult {
    const sameFilter = this.filter === filter && this.view === view && this.tests !== null;
    if (sameFilter && source.version === this.version && source.rows === this.source) return this.result;
    const diff = sameFilter ? source.diffFrom(this.version) : null;
    let rows: readonly FeatureRow[];
    if (diff) {
      this.keyPending();
      this.applyDiff(diff);
      rows = this.shown.size === source.rows.length ? source.rows : [...this.shown.values()];
    } else {
      rows = this.rebuild(source.rows, filter, view);
    }
    this.version = source.version;
    this.source = source.rows;
    this.result = { rows, counts: { ...copyCounts(this.ownCounts), ...this.chainCounts() } };
    return this.result;
  }

  private rebuild(rows: readonly FeatureRow[], filter: FilterState, view: Bounds | null): readonly FeatureRow[] {
    this.filter = filter;
    this.view = view;
    this.tests = compileFilterTests(filter, view);
    this.shown.clear();
    this.failedOne.clear();
    this.chains.clear();
    this.lastTally = null;
    this.ownCounts = emptyCounts(OWN_FACETS);
    const shown: FeatureRow[] = [];
    // Two parallel lists, not an object per row: two thirds of 100 000 rows may fail one facet.
    const failedRows: FeatureRow[] = [];
    const failedFacets: Facet[] = [];
    for (const row of rows) {
      const standing = this.count(row, 1);
      if (standing === 'shown') shown.push(row);
      else if (standing) failedRows.push(row), failedFacets.push(standing);
    }
    this.pending = { shown, failedRows, failedFacets };
    return shown.length === rows.length ? rows : shown;
  }

  private keyPending(): void {
    if (!this.pending) return;
    for (const row of this.pending.shown) this.shown.set(row.id, row);
    const { failedRows, failedFacets } = this.pending;
    for (let i = 0; i < failedRows.length; i++) this.failedOne.set(failedRows[i]!.id, { row: failedRows[i]!, facet: failedFacets[i]! });
    this.pending = null;
  }

  private applyDiff(diff: RowChanges): void {
    for (const id of diff.remove) this.remove(id);
    for (const row of diff.put) {
      this.remove(row.id);
      const standing = this.count(row, 1);
      if (standing === 'shown') this.shown.set(row.id, row);
      else if (standing) this.failedOne.set(row.id, { row, facet: standing });
    }
  }

  private remove(id: string): void {
    const shown = this.shown.get(id);
    if (shown) {
      this.shown.delete(id);
      this.count(shown, -1);
      return;
    }
    const one = this.failedOne.get(id);
    if (!one) return;
    this.failedOne.delete(id);
    this.count(one.row, -1);
  }

  /**
   * Counts the row in (or, with -1, out of) the facets it counts for, and says how it stands: shown,
   * failing one facet (counted for it alone), or null (failing more, or the text or view: not counted).
   * The filter is the same while a row is counted in and out, so both give the same standing.
   */
  private count(row: FeatureRow, step: 1 | -1): 'shown' | Facet | null {
    const own = this.tests!.own(row);
    if (own === null || own.length > 1) return null;
    const tally = this.tally(row);
    if (own.length + tally.failed.length > 1) return null;
    if (own.length === 1) {
      bumpOwn(this.ownCounts, row, own[0]!, step);
      return own[0]!;
    }
    if (tally.failed.length === 1) {
      tally.only += step;
      return tally.failed[0]!;
    }
    tally.shown += step;
    for (const facet of OWN_FACETS) bumpOwn(this.ownCounts, row, facet, step);
    return 'shown';
  }

  private tally(row: FeatureRow): ChainTally {
    const last = this.lastTally;
    if (last && sameChain(last.row, row)) return last;
    let tallies = this.chains.get(row.documentIds);
    let tally = tallies?.find((t) => sameChain(t.row, row));
    if (!tally) {
      tally = { row, failed: this.tests!.chain(row), shown: 0, only: 0 };
      if (tallies) tallies.push(tally);
      else this.chains.set(row.documentIds, (tallies = [tally]));
    }
    return (this.lastTally = tally);
  }

  /** The chain facets' counts from the tallies; tallies no row counts in any more (a chain re-derived by an edit) go. */
  private chainCounts(): Record<ChainFacet, Map<string, number>> {
    const counts = emptyCounts(CHAIN_FACETS);
    for (const [key, tallies] of this.chains) {
      for (const { row, failed, shown, only } of tallies) {
        if (shown > 0) for (const facet of CHAIN_FACETS) add(counts[facet], facetValuesOf(row, facet), shown);
        if (only > 0) add(counts[failed[0] as ChainFacet], facetValuesOf(row, failed[0]!), only);
      }
      const live = tallies.filter((t) => t.shown > 0 || t.only > 0);
      if (live.length < tallies.length) {
        if (live.length) this.chains.set(key, live);
        else this.chains.delete(key);
      }
    }
    if (this.lastTally && this.lastTally.shown === 0 && this.lastTally.only === 0) this.lastTally = null;
    return counts;
  }
}

// Called for every shown row and own facet of a rebuild (300 000 times at 100 000 places): no arrays made here.
function bumpOwn(counts: Record<OwnFacet, Map<string, number>>, row: FeatureRow, facet: Facet, step: 1 | -1): void {
  if (facet === 'municipality') return bump(counts.municipality, row.municipalityCode, step);
  if (facet === 'layer') return bump(counts.layer, row.layer, step);
  for (const value of row.timeOfDay) bump(counts.timeOfDay, value, step);
}

function bump(map: Map<string, number>, value: string, step: 1 | -1): void {
  const n = (map.get(value) ?? 0) + step;
  if (n > 0) map.set(value, n);
  else map.delete(value);
}

function add(map: Map<string, number>, values: readonly string[], n: number): void {
  for (const value of values) map.set(value, (map.get(value) ?? 0) + n);
}

type OwnFacet = (typeof OWN_FACETS)[number];

function emptyCounts<F extends Facet>(facets: readonly F[]): Record<F, Map<string, number>> {
  return Object.fromEntries(facets.map((f) => [f, new Map<string, number>()])) as Record<F, Map<string, number>>;
}

function copyCounts<F extends Facet>(counts: Record<F, Map<string, number>>): Record<F, Map<string, number>> {
  return Object.fromEntries(Object.entries<Map<string, number>>(counts).map(([f, map]) => [f, new Map(map)])) as Record<F, Map<string, number>>;
}
