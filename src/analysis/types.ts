import type { TimeOfDay } from '../domain/layers';

/** Shared shapes of the analysis functions; each function lives in its own file in src/analysis. */

export interface HexCell {
  h3: string;
  /** Sum of weights: an unsafe place counts its number of responses, or 1 when the survey gives none. */
  count: number;
  polygon: GeoJSON.Polygon;
}

export interface DensityFilter {
  timeOfDay?: TimeOfDay[];
  reasons?: string[];
  years?: number[];
}

export interface HexChange {
  h3: string;
  before: number;
  after: number;
  change: number;
  polygon: GeoJSON.Polygon;
}

export interface CoverageOptions {
  /** An unsafe place counts as reached by a safety walk whose route passes within this distance. */
  walkDistanceMetres: number;
}

export interface Coverage {
  featureId: string;
  name: string;
  municipalityCode: string;
  /** Ids of what reaches the place, or null. */
  walkId: string | null;
  focusPlaceId: string | null;
  watchAreaId: string | null;
  nearestWalkMetres: number | null;
  /** True when nothing reaches the place. */
  isGap: boolean;
  /** Responses (or 1): gaps are ranked by it, highest first. */
  weight: number;
  point: [number, number];
}

export type DayType = 'vardag' | 'helg';

export interface PatrolOptions {
  timeOfDay: TimeOfDay;
  dayType: DayType;
  now: Date;
  walkDistanceMetres: number;
  /**
   * Individual survey answers (of the chosen time of day) in each unsafe place's H3 cell, by place
   * id, counted in the answers worker. They are the evidence of a place that has no response count
   * of its own; a place imported with a count keeps it.
   */
  answersInCell?: ReadonlyMap<string, number>;
}

export interface PatrolScorePart {
  key: 'reports' | 'timeOfDay' | 'recency' | 'uncovered' | 'focus';
  points: number;
  /** Swedish, plain: why these points. */
  explanation: string;
}

export interface PatrolItem {
  featureId: string;
  name: string;
  score: number;
  parts: PatrolScorePart[];
  point: [number, number];
}

export interface NearbyItem {
  featureId: string;
  distanceMetres: number;
}
