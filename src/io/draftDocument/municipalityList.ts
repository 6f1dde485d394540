import { z } from 'zod';
import type { Municipality } from '../../domain/promiseDocument';

const areas = z.object({
  features: z.array(z.object({ properties: z.object({ code: z.string().regex(/^\d{4}$/u), name: z.string().min(1) }) })),
});

/**
 * The (code, name) list for DraftMeta.municipalities from the municipality file the build writes
 * (basemap/municipalities.geojson, properties `code` and `name`); [] for anything else, and the
 * draft then leaves the code for the planner.
 */
export function municipalitiesFromAreas(json: unknown): Municipality[] {
  const parsed = areas.safeParse(json);
  return parsed.success ? parsed.data.features.map((f) => ({ code: f.properties.code, name: f.properties.name })) : [];
}
