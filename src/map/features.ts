import type { FeatureRow } from '../domain/featureRows';
import { FACETS, facetValues } from '../domain/filters';
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

/** One place as its layer's source holds it. */
export function toMapFeature(row: FeatureRow): GeoJSON.Feature {
  const properties: Record<string, string> = { id: row.id, name: row.name, provenance: row.provenance, search: row.searchText };
  for (const facet of FACETS) properties[facet] = packValues(facetValues(row, facet));
  return { type: 'Feature', id: row.id, geometry: row.feature.geometry as GeoJSON.Geometry, properties };
}

/** What a change touched, as the map's sources take it: places put (new or re-derived) with their layer, and ids gone. */
export interface MapFeatureDiff {
  put: { layer: LayerKind; feature: GeoJSON.Feature }[];
  remove: string[];
}

export function toMapDiff(diff: { put: readonly FeatureRow[]; remove: readonly string[] }): MapFeatureDiff {
  return { put: diff.put.map((row) => ({ layer: row.layer, feature: toMapFeature(row) })), remove: [...diff.remove] };
}
