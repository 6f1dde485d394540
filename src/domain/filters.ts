import type { ResponsibleParty } from './activity';
import type { Bounds } from './geometry';
import type { FeatureRow } from './featureRows';
import { normaliseSearchText } from './featureRows';
import type { ActivityStatus, LayerKind, TimeOfDay } from './layers';
import type { Currency } from './currency';

/** The facets a user can filter on; each is "any of the chosen values" (empty = no restriction). */
export const FACETS = ['municipality', 'document', 'focusArea', 'layer', 'responsible', 'status', 'timeOfDay', 'currency'] as const;
export type Facet = (typeof FACETS)[number];

export interface FilterState {
  municipality: string[];
  document: string[];
  focusArea: string[];
  layer: LayerKind[];
  responsible: ResponsibleParty[];
  status: ActivityStatus[];
  timeOfDay: TimeOfDay[];
  /** Whether the place's promise is current, expired, superseded or upcoming ("current only" = ['current']). */
  currency: Currency[];
  text: string;
  /** Only rows whose geometry reaches into the map's current view. */
  inView: boolean;
}

export const EMPTY_FILTER: FilterState = {
  municipality: [],
  document: [],
  focusArea: [],
  layer: [],
  responsible: [],
  status: [],
  timeOfDay: [],
  currency: [],
  text: '',
  inView: false,
};

/** The values a row has for a facet; the map's feature properties carry the same lists. */
export function facetValues(row: FeatureRow, facet: Facet): readonly string[] {
  switch (facet) {
    case 'municipality':
      return [row.municipalityCode];
    case 'document':
      return row.documentIds;
    case 'focusArea':
      return row.focusAreaIds;
    case 'layer':
      return [row.layer];
    case 'responsible':
      return row.responsible;
    case 'status':
      return row.statuses;
    case 'timeOfDay':
      return row.timeOfDay;
    case 'currency':
      return row.currencies;
  }
}

export function searchWords(text: string): string[] {
  return normaliseSearchText(text).split(' ').filter(Boolean);
}

export function isFilterActive(filter: FilterState): boolean {
  return FACETS.some((f) => filter[f].length > 0) || searchWords(filter.text).length > 0 || filter.inView;
}

/** Facets whose values a place takes from its chain: every row built from one chain has the same lists (featureRows.ts). */
export const CHAIN_FACETS = ['document', 'focusArea', 'responsible', 'status', 'currency'] as const satisfies readonly Facet[];
/** Facets whose values are the place's own. */
export const OWN_FACETS = ['municipality', 'layer', 'timeOfDay'] as const satisfies readonly Facet[];
export type ChainFacet = (typeof CHAIN_FACETS)[number];
const CHAIN_FACET_SET: ReadonlySet<Facet> = new Set(CHAIN_FACETS);
export const isChainFacet = (facet: Facet): facet is ChainFacet => CHAIN_FACET_SET.has(facet);

/**
 * A filter prepared once per change, in two halves: what a row fails of its own (text, view, own
 * facets) and what its chain fails. Rows of one chain fail the same chain facets, so a caller that
 * groups rows by chain (FilteredRows) tests the chain half once per chain, not once per row.
 * Called for every row of a filter change (100 000): neither half allocates for a row that passes
 * or fails one facet (shared, frozen answers), so a filter change leaves no garbage per row.
 */
export interface FilterTests {
  /** null: the row fails the text or the view and matches nothing; otherwise the own facets it fails. */
  own(row: FeatureRow): readonly Facet[] | null;
  /** The chain facets the row fails. */
  chain(row: FeatureRow): readonly Facet[];
}

export function compileFilterTests(filter: FilterState, view: Bounds | null): FilterTests {
  const chosen = (facets: readonly Facet[]) =>
    facets.map((facet) => [facet, new Set(filter[facet] as readonly string[])] as const).filter(([, set]) => set.size > 0);
  const own = chosen(OWN_FACETS);
  const chain = chosen(CHAIN_FACETS);
  const words = searchWords(filter.text);
  const viewBounds = filter.inView ? view : null;
  const failures = (row: FeatureRow, facets: typeof own): readonly Facet[] => {
    let failed: readonly Facet[] = NONE_FAILED;
    for (const [facet, set] of facets) {
      if (hasAnyValue(row, facet, set)) continue;
      failed = failed.length === 0 ? ONE_FAILED[facet] : [...failed, facet];
    }
    return failed;
  };
  return {
    own(row) {
      for (const word of words) if (!row.searchText.includes(word)) return null;
      if (viewBounds && !intersects(row.bounds, viewBounds)) return null;
      return failures(row, own);
    },
    chain: (row) => failures(row, chain),
  };
}

/** Which facets a row fails, or null when it fails the text or the view (it matches nothing). */
export function compileFilter(filter: FilterState, view: Bounds | null): (row: FeatureRow) => readonly Facet[] | null {
  const tests = compileFilterTests(filter, view);
  return (row) => {
    const own = tests.own(row);
    if (own === null) return null;
    const chain = tests.chain(row);
    return chain.length === 0 ? own : own.length === 0 ? chain : [...own, ...chain];
  };
}

const NONE_FAILED: readonly Facet[] = Object.freeze([]);
const ONE_FAILED = Object.fromEntries(FACETS.map((facet) => [facet, Object.freeze([facet])])) as unknown as Record<Facet, readonly Facet[]>;

function hasAnyValue(row: FeatureRow, facet: Facet, set: ReadonlySet<string>): boolean {
  if (facet === 'municipality') return set.has(row.municipalityCode);
  if (facet === 'layer') return set.has(row.layer);
  for (const value of facetValues(row, facet)) if (set.has(value)) return true;
  return false;
}

export function rowMatches(row: FeatureRow, filter: FilterState, view: Bounds | null): boolean {
  return compileFilter(filter, view)(row)?.length === 0;
}

export function filterRows(rows: readonly FeatureRow[], filter: FilterState, view: Bounds | null): FeatureRow[] {
  const failures = compileFilter(filter, view);
  return rows.filter((row) => failures(row)?.length === 0);
}

/**
 * For each facet, how many rows each value would give: counted with every other facet applied
 * (so the numbers say what choosing that value would show) but not the facet itself. One pass:
 * a row that fails no facet counts everywhere, a row failing exactly one counts only for that one.
 */
export function facetCounts(rows: readonly FeatureRow[], filter: FilterState, view: Bounds | null): Record<Facet, Map<string, number>> {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
  const failures = compileFilter(filter, view);
  const add = (row: FeatureRow, facet: Facet) => {
    const map = counts[facet];
    for (const value of facetValues(row, facet)) map.set(value, (map.get(value) ?? 0) + 1);
  };
  for (const row of rows) {
    const failed = failures(row);
    if (!failed || failed.length > 1) continue;
    if (failed.length === 1) add(row, failed[0]!);
    else for (const facet of FACETS) add(row, facet);
  }
  return counts;
}

export function intersects(a: Bounds, b: Bounds): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}
