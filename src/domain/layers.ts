/** The map's layer kinds. One English identifier per Swedish domain word (see README.md). */
export const LAYER_KINDS = ['unsafe-place', 'safety-walk', 'watch-area', 'speed-control', 'focus-place'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

type GeometryType = 'Point' | 'LineString' | 'Polygon' | 'MultiPolygon' | 'MultiLineString';

/** Which geometry types each layer accepts; a walk is a route, a watch area an area. */
export const LAYER_GEOMETRY: Record<LayerKind, readonly GeometryType[]> = {
  'unsafe-place': ['Point', 'Polygon'],
  'safety-walk': ['LineString', 'MultiLineString'],
  'watch-area': ['Polygon', 'MultiPolygon'],
  'speed-control': ['LineString', 'MultiLineString'],
  'focus-place': ['Point', 'Polygon', 'MultiPolygon'],
};

/**
 * Where a geometry comes from: the shipped data says how closely it follows its document
 * (document / approximate / illustrative); a planner's own places are drawn or imported.
 */
export const PROVENANCE_KINDS = ['document', 'approximate', 'illustrative', 'drawn', 'imported'] as const;
export type Provenance = (typeof PROVENANCE_KINDS)[number];

export const ACTIVITY_STATUSES = ['planned', 'ongoing', 'done', 'unknown'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const TIMES_OF_DAY = ['dag', 'kvall', 'natt'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];
