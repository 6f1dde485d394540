// The point tiles' grid, apart from the store so the map's bundle does not carry the store's KDBush and MVT encoder.

import type { LayerKind } from '../../domain/layers';

/** The layers whose points may number 100 000 (survey places): drawn from our own tiles (pointTiles/), their other shapes from GeoJSON. */
export const TILED_POINT_LAYERS: readonly LayerKind[] = ['unsafe-place'];

/** The one layer inside each tile, as the style's `source-layer` names it. */
export const POINT_TILE_LAYER = 'places';
/** Each point's property saying how many points its tile holds: the style draws crowded tiles' points smaller. */
export const CROWD_PROPERTY = 'crowd';
/** A tile cell's property (point tiles of many places hold cells, not places, pointStore.ts): how many places it stands for. */
export const COUNT_PROPERTY = 'count';
/**
 * Past this many points shown in a tile (and above the deepest zoom) the tile holds counts per cell
 * instead of points: a screen of five or six tiles then draws at most a few thousand places one by one.
 */
export const AGGREGATE_ABOVE = 1000;
/** A cell's side in tile units: 32 px of a 512-px tile, 16 × 16 cells a tile. */
export const AGGREGATE_CELL = 256;
/** Tile units per tile side (MVT's usual); the deepest zoom with tiles of its own (MapLibre overzooms beyond, ~0.4 m a unit at 59° N). */
export const POINT_TILE_EXTENT = 4096;
export const POINT_TILE_MAX_ZOOM = 14;
/**
 * How far past its edge a tile carries points, in tile units: a circle whose centre is in the next
 * tile still draws its edge here. 17 px (the highlight halo's radius) at 512 px a tile is 136 units.
 */
export const POINT_TILE_BUFFER = 192;

export const mercatorX = (lon: number) => (lon + 180) / 360;
export const mercatorY = (lat: number) => {
  const r = (Math.min(85.05, Math.max(-85.05, lat)) * Math.PI) / 180;
  return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
};

/** Whether tile z/x/y, with its buffer, holds the point at mercator (mx, my): a change there makes the tile stale. */
export function tileHolds(z: number, x: number, y: number, mx: number, my: number): boolean {
  const n = 2 ** z;
  const pad = POINT_TILE_BUFFER / POINT_TILE_EXTENT;
  const fx = mx * n - x;
  const fy = my * n - y;
  return fx >= -pad && fx <= 1 + pad && fy >= -pad && fy <= 1 + pad;
}
