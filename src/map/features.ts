import { LAYER_KINDS, type LayerKind } from '../domain/layers';
import type { SafetyFeature } from '../domain/safetyFeature';

export type LayerCollections = Record<LayerKind, GeoJSON.FeatureCollection>;

/**
 * Splits features into one slim FeatureCollection per layer: the map needs only the geometry, the
 * id (for feature-state) and what its styles and labels read; the panel reads the full record.
 */
export function toLayerCollections(features: readonly SafetyFeature[]): LayerCollections {
  const collections = Object.fromEntries(
    LAYER_KINDS.map((layer) => [layer, { type: 'FeatureCollection', features: [] as GeoJSON.Feature[] }]),
  ) as LayerCollections;
  for (const feature of features) {
    collections[feature.layer].features.push({
      type: 'Feature',
      id: feature.id,
      geometry: feature.geometry as GeoJSON.Geometry,
      properties: { id: feature.id, name: feature.name, provenance: feature.provenance },
    });
  }
  return collections;
}
