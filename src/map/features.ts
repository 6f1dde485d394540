import type { FeatureRow } from '../domain/featureRows';
import { OWN_FACETS, facetValues } from '../domain/filters';
import { LAYER_KINDS, type LayerKind } from '../domain/layers';

export type LayerCollections = Record<LayerKind, GeoJSON.FeatureCollection>;

/**
 * Multi-valued facet values as one delimited string ("|nacka-2017|nacka-2022|"): GeoJSON sources
 * flatten arrays, and MapLibre's `in` finds a substring, so a filter expression can test membership.
 */
export const packValues = (values: readonly string[]) => `|${values.join('|')}|`;

/**
 * One slim FeatureCollection per layer: the geometry, the id (for feature-state), and the facet
 * values and search text that filter expressions read. The panel reads the full record instead.
 * Built once per data change; filters never rebuild it.
 */
export function toLayerCollections(rows: readonly FeatureRow[]): LayerCollections {
  const collections = Object.fromEntries(
    LAYER_KINDS.map((layer) => [layer, { type: 'FeatureCollection', features: [] as GeoJSON.Feature[] }]),
  ) as LayerCollections;
  for (const row of rows) collections[row.layer].features.push(toMapFeature(row));
  return collections;
}

/**
 * One place as its layer's source holds it: only what the style's filters read of its own (id,
 * its own search text, its municipality, layer and time of day; the name and the rest are the
 * table's and the panel's, read by id) and the key of the chain it shares with every place of the
 * same activities. What the chain says (documents, focus areas, responsible, status, currency,
 * the chain's words) is tested through that key (filterExpression.ts), so an activity's new
 * status changes the filter, not 100 000 map features, and a place costs MapLibre's worker a few
 * short strings instead of its whole chain.
 */
export function toMapFeature(row: FeatureRow): GeoJSON.Feature {
  const properties: Record<string, string> = { id: row.id, text: row.ownText, chain: row.chainKey };
  for (const facet of OWN_FACETS) properties[facet] = packValues(facetValues(row, facet));
  return { type: 'Feature', id: row.id, geometry: row.feature.geometry as GeoJSON.Geometry, properties };
}

/** One row per distinct chain (by key): what the filter expression asks about chains. */
export function chainsOf(rows: readonly FeatureRow[]): ReadonlyMap<string, FeatureRow> {
  const chains = new Map<string, FeatureRow>();
  for (const row of rows) if (!chains.has(row.chainKey)) chains.set(row.chainKey, row);
  return chains;
}

/** What a change touched, as the map's sources take it: places put (new or re-derived) with their layer, and ids gone. */
export interface MapFeatureDiff {
  put: { layer: LayerKind; feature: GeoJSON.Feature }[];
  remove: string[];
}

export function toMapDiff(diff: { put: readonly FeatureRow[]; remove: readonly string[] }): MapFeatureDiff {
  return { put: diff.put.map((row) => ({ layer: row.layer, feature: toMapFeature(row) })), remove: [...diff.remove] };
}
