import { z } from 'zod';
import { createMunicipalityLocator, type MunicipalityArea, type MunicipalityLocator } from '../domain/places/municipalityLocator';

const ring = z.array(z.array(z.number()).min(2)).min(4);
const areasSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ code: z.string().regex(/^\d{4}$/), name: z.string().min(1) }),
      geometry: z.union([
        z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
        z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
      ]),
    }),
  ).min(1),
});

/**
 * Loads the municipality polygons that the build writes beside the basemap
 * (scripts/build-geodata.mjs → basemap/municipalities.geojson) and indexes them. Null when the
 * build had no geodata: then places cannot be checked, and the write door says so.
 */
export async function loadMunicipalityLocator(baseUrl: string = document.baseURI): Promise<MunicipalityLocator | null> {
  try {
    const response = await fetch(new URL('basemap/municipalities.geojson', baseUrl));
    if (!response.ok) return null;
    const parsed = areasSchema.safeParse(await response.json());
    return parsed.success ? createMunicipalityLocator(parsed.data.features as MunicipalityArea[]) : null;
  } catch {
    return null;
  }
}
