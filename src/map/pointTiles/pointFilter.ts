import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { TilePoint } from './pointStore';

/** Which points a filter keeps, tested on the properties the point tiles hold. */
export type PointTest = (properties: TilePoint['properties']) => boolean;

/**
 * The map's filter expression (filterExpression.ts) as a test the point-tile worker runs before it
 * cuts a tile. The worker filters, not the style layer, because at low zoom a tile holds counts of
 * places, not places: a count must be of the places the filter shows. It is MapLibre's own
 * evaluator (the style spec's featureFilter), so the worker answers exactly what the layer's filter
 * would. Null: every point.
 */
export function compilePointFilter(expression: ExpressionSpecification | null): PointTest | null {
  if (!expression) return null;
  const compiled = featureFilter(expression, 'filter');
  const globals = { zoom: 0 };
  // One reused feature object: the evaluator reads its properties and nothing of its geometry.
  const feature = { type: 1 as const, properties: {} as TilePoint['properties'], geometry: [] };
  return (properties) => {
    feature.properties = properties;
    return compiled.filter(globals, feature as never);
  };
}
