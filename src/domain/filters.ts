import type { ResponsibleParty } from './activity';
import type { Bounds } from './geometry';
import type { FeatureRow } from './featureRows';
import { normaliseSearchText } from './featureRows';
import type { ActivityStatus, LayerKind, TimeOfDay } from './layers';

/** The facets a user can filter on; each is "any of the chosen values" (empty = no restriction). */
export const FACETS = ['municipality', 'document', 'focusArea', 'layer', 'responsible', 'status', 'timeOfDay'] as const;
export type Facet = (typeof FACETS)[number];

export interface FilterState {
  municipality: string[];
  document: string[];
  focusArea: string[];
  layer: LayerKind[];
  responsible: ResponsibleParty[];
  status: ActivityStatus[];
  timeOfDay: TimeOfDay[];
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
  }
}

export function searchWords(text: string): string[] {
  return normaliseSearchText(text).split(' ').filter(Boolean);
}

export function isFilterActive(filter: FilterState): boolean {
  return FACETS.some((f) => filter[f].length > 0) || searchWords(filter.text).length > 0 || filter.inView;
}

export function rowMatches(row: FeatureRow, filter: FilterState, view: Bounds | null, skip?: Facet): boolean {
  for (const facet of FACETS) {
    if (facet === skip) continue;
    const chosen = filter[facet] as readonly string[];
    if (chosen.length && !facetValues(row, facet).some((v) => chosen.includes(v))) return false;
  }
  for (const word of searchWords(filter.text)) if (!row.searchText.includes(word)) return false;
  if (filter.inView && view && !intersects(row.bounds, view)) return false;
  return true;
}

export function filterRows(rows: readonly FeatureRow[], filter: FilterState, view: Bounds | null): FeatureRow[] {
  return rows.filter((row) => rowMatches(row, filter, view));
}

/**
 * For each facet, how many rows each value would give: counted with every other facet applied
 * (so the numbers say what choosing that value would show) but not the facet itself.
 */
export function facetCounts(rows: readonly FeatureRow[], filter: FilterState, view: Bounds | null): Record<Facet, Map<string, number>> {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
  for (const row of rows) {
    for (const facet of FACETS) {
      if (!rowMatches(row, filter, view, facet)) continue;
      const map = counts[facet];
      for (const value of facetValues(row, facet)) map.set(value, (map.get(value) ?? 0) + 1);
    }
  }
  return counts;
}

export function intersects(a: Bounds, b: Bounds): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}
