import { z } from 'zod';
import { multiPolygonSchema, polygonSchema } from './geometry';

/**
 * The police survey's area index (Polisens trygghetsmätning): per area (kommundel, område) and
 * year, a problem index from 0 (no problem) to 6 (a very large problem) for each question
 * ("Nedskräpning", "Bilar som kör för fort", "Narkotikaförsäljning", ...). A lower index is better.
 */
export const PROBLEM_INDEX_MIN = 0;
export const PROBLEM_INDEX_MAX = 6;
export const MIN_SURVEY_YEAR = 1990;
export const MAX_SURVEY_YEAR = 2100;

const text = (max: number) => z.string().trim().min(1).max(max);

/** One result: an area's problem index for one question in one year. */
export const areaIndexRowSchema = z.object({
  /** The key of the area polygon the row was matched to (AreaPolygon.key). */
  areaKey: text(200),
  /** The area as the file names it, when it does. */
  areaName: text(200).optional(),
  year: z.number().int().min(MIN_SURVEY_YEAR).max(MAX_SURVEY_YEAR),
  question: text(200),
  index: z.number().finite().min(PROBLEM_INDEX_MIN).max(PROBLEM_INDEX_MAX),
});
export type AreaIndexRow = z.infer<typeof areaIndexRowSchema>;

/** One survey area: a polygon with the code and/or name the results refer to it by. */
export const areaPolygonSchema = z
  .object({
    /** Unique within its set: the code when the area has one, else its name. */
    key: text(200),
    code: text(200).nullable(),
    name: text(200).nullable(),
    geometry: z.union([polygonSchema, multiPolygonSchema]),
  })
  .refine((a) => a.code !== null || a.name !== null, 'ett område behöver en kod eller ett namn');
export type AreaPolygon = z.infer<typeof areaPolygonSchema>;

/** The areas of one GeoJSON file, in WGS 84. */
export const areaPolygonSetSchema = z
  .object({
    fileName: z.string().max(300),
    /** The properties the names and codes were read from; null when the file has none. */
    nameProperty: z.string().max(200).nullable(),
    codeProperty: z.string().max(200).nullable(),
    areas: z.array(areaPolygonSchema),
  })
  .refine((set) => new Set(set.areas.map((a) => a.key)).size === set.areas.length, 'två områden har samma nyckel');
export type AreaPolygonSet = z.infer<typeof areaPolygonSetSchema>;

/** What the map colours the areas by: the chosen year's index, or its change since the area's previous survey. */
export type AreaIndexMode = 'level' | 'change';

/** The display name of an area: its name, else its code. */
export const areaLabel = (area: Pick<AreaPolygon, 'name' | 'code' | 'key'>) => area.name ?? area.code ?? area.key;
