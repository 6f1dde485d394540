import { z } from 'zod';
import { TIMES_OF_DAY } from './layers';

/**
 * One answer of a map-based safety survey (trygghetsundersökning): a respondent's mark of a place
 * where they feel unsafe. Answers are the evidence behind unsafe places and density cells; a
 * region's survey over a few years passes a million of them, so this schema is the door they
 * pass once, at import. Past it they live as typed columns (src/analysis/answers/columns.ts)
 * and are never parsed again.
 */

/**
 * The reasons a survey offers (skäl), as DOMAIN.md lists them plus the findings walks note.
 * Unsafe places keep free-text reasons (safetyFeature.ts), so there was no fixed list to reuse;
 * this is it. Stored as a bitmask by position: append new reasons at the end, never reorder or
 * remove one, or stored answers change meaning. At most 16 (the mask is a Uint16).
 */
export const SURVEY_REASONS = [
  'belysning',
  'folksamlingar',
  'narkotika',
  'skymd sikt',
  'klotter',
  'nedskräpning',
  'vegetation',
  'tomma lokaler',
  'trafik',
  'annat',
] as const;
export type SurveyReason = (typeof SURVEY_REASONS)[number];

/**
 * Sweden's bounding box in WGS 84, the same as the EPSG:4326 entry of src/io/crsRegistry.ts (a
 * test keeps them equal; domain may not import io). Only a coarse door: whether an answer lies
 * on land in a municipality is the municipality polygons' business.
 */
export const SWEDEN_BOUNDS = { west: 10, south: 55, east: 24.2, north: 69.1 } as const;

export const SURVEY_YEAR_RANGE = { min: 1990, max: 2100 } as const;

/** Survey ids are stored once per survey in a name table, but a name must still stay a name. */
export const SURVEY_NAME_MAX = 200;

export const surveyAnswerSchema = z.object({
  lon: z.number().min(SWEDEN_BOUNDS.west).max(SWEDEN_BOUNDS.east),
  lat: z.number().min(SWEDEN_BOUNDS.south).max(SWEDEN_BOUNDS.north),
  survey: z.string().trim().min(1).max(SURVEY_NAME_MAX),
  year: z.number().int().min(SURVEY_YEAR_RANGE.min).max(SURVEY_YEAR_RANGE.max),
  /** null: the respondent did not say (the survey did not ask, or the cell was empty). */
  timeOfDay: z.enum(TIMES_OF_DAY).nullable(),
  /** Any of the fixed reasons; repeats are harmless (the stored form is a set). */
  reasons: z.array(z.enum(SURVEY_REASONS)),
});
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;
