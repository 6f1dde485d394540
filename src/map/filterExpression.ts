import type { ExpressionSpecification } from 'maplibre-gl';
import type { FeatureRow } from '../domain/featureRows';
import { FACETS, OWN_FACETS, facetValues, searchWords, type Facet, type FilterState } from '../domain/filters';

/** What the adapter's setFilter takes; the UI names it without importing MapLibre. */
export type MapFilter = ExpressionSpecification;

/**
 * The filter state as one MapLibre expression over the properties written by toMapFeature. It
 * mirrors rowMatches in src/domain/filters.ts (a unit test holds them to the same answers), so
 * the map and the table always show the same places. A place's own facets and words are tested
 * on its properties; its chain's facets and words as "its chain key is one of these", the keys
 * found here among `chains` (one row per chain). "Only in view" is the view itself. Null when
 * nothing is filtered.
 */
export function filterExpression(filter: FilterState, chains: ReadonlyMap<string, FeatureRow>): ExpressionSpecification | null {
  const clauses: ExpressionSpecification[] = [];
  const placeFacets = new Set<Facet>(OWN_FACETS);
  const chainKeys = (test: (row: FeatureRow) => boolean) => ['in', ['get', 'chain'], ['literal', [...chains].filter(([, row]) => test(row)).map(([key]) => key)]] as ExpressionSpecification;
  for (const facet of FACETS) {
    const chosen = filter[facet] as readonly string[];
    if (!chosen.length) continue;
    if (placeFacets.has(facet)) {
      const tests = chosen.map((value) => ['in', `|${value}|`, ['get', facet]] as ExpressionSpecification);
      clauses.push(tests.length === 1 ? tests[0]! : (['any', ...tests] as ExpressionSpecification));
    } else {
      const set = new Set(chosen);
      clauses.push(chainKeys((row) => facetValues(row, facet).some((v) => set.has(v))));
    }
  }
  for (const word of searchWords(filter.text)) clauses.push(['any', ['in', word, ['get', 'text']], chainKeys((row) => row.chainText.includes(word))]);
  if (!clauses.length) return null;
  return clauses.length === 1 ? clauses[0]! : (['all', ...clauses] as ExpressionSpecification);
}
