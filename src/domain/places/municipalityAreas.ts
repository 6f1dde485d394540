import { z } from 'zod';
import { createMunicipalityLocator, type MunicipalityArea, type MunicipalityLocator } from './municipalityLocator';

const ring = z.array(z.array(z.number()).min(2)).min(4);
const areaGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);
const countiesSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.object({ geometry: areaGeometry })) });
const areasSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({ code: z.string().regex(/^\d{4}$/), name: z.string().min(1) }),
        geometry: areaGeometry,
      }),
    )
    .min(1),
});

/**
 * The municipality polygons as the build writes them (scripts/build-geodata.mjs →
 * basemap/municipalities.geojson, with the counties of basemap/regions.geojson), checked and indexed; null when the file is not what the build
 * writes. The page, the import worker and (later) the server all read them through this.
 */
export function municipalityLocatorFromJson(municipalities: unknown, counties?: unknown): MunicipalityLocator | null {
  const parsed = areasSchema.safeParse(municipalities);
  if (!parsed.success) return null;
  // The counties only add the large lakes; without them the locator still works, stricter there.
  const lakes = countiesSchema.safeParse(counties);
  return createMunicipalityLocator(parsed.data.features as MunicipalityArea[], { counties: lakes.success ? lakes.data.features.map((f) => f.geometry) : [] });
}
