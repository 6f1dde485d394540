import type { ExpressionSpecification } from 'maplibre-gl';
import { FACETS, searchWords, type FilterState } from '../domain/filters';

/** What the adapter's setFilter takes; the UI names it without importing MapLibre. */
export type MapFilter = ExpressionSpecification;

/**
 * The filter state as one MapLibre expression over the properties written by toLayerCollections.
 * It mirrors rowMatches in src/domain/filters.ts (a unit test holds them to the same answers),
 * so the map and the table always show the same places. "Only in view" is the view itself.
 * Returns null when nothing is filtered.
 */
export function filterExpression(filter: FilterState): ExpressionSpecification | null {
  const clauses: ExpressionSpecification[] = [];
  for (const facet of FACETS) {
    const chosen = filter[facet] as readonly string[];
    if (!chosen.length) continue;
    const tests = chosen.map((value) => ['in', `|${value}|`, ['get', facet]] as ExpressionSpecification);
    clauses.push(tests.length === 1 ? tests[0]! : (['any', ...tests] as ExpressionSpecification));
  }
  for (const word of searchWords(filter.text)) clauses.push(['in', word, ['get', 'search']]);
  if (!clauses.length) return null;
  return clauses.length === 1 ? clauses[0]! : (['all', ...clauses] as ExpressionSpecification);
}
