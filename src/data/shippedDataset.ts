import { z } from 'zod';
import { activitySchema } from '../domain/activity';
import type { Dataset } from '../domain/dataset';
import { focusAreaSchema } from '../domain/focusArea';
import { promiseDocumentSchema } from '../domain/promiseDocument';
import type { Issue, Result } from '../domain/result';
import { checkIntegrity } from '../domain/rules/integrity';
import { safetyFeatureSchema } from '../domain/safetyFeature';

/** The shape of data/documents/<id>.json: one source document with its focus areas and activities. */
const documentFileSchema = z.object({
  document: promiseDocumentSchema,
  focusAreas: z.array(focusAreaSchema),
  activities: z.array(activitySchema),
});

/** data/features/<id>.geojson: plain GeoJSON so a planner can open it in QGIS as it is. */
const featureFileSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string().min(1),
      geometry: z.unknown(),
      properties: z.record(z.string(), z.unknown()),
    }),
  ),
});

export interface ShippedFiles {
  documentFiles: Record<string, unknown>;
  featureFiles: Record<string, unknown>;
}

/** Validates every shipped file; any problem fails the whole dataset so nothing half-valid is seeded. */
export function parseShippedDataset(files: ShippedFiles): Result<Dataset, Issue[]> {
  const issues: Issue[] = [];
  // Status entries and contacts are written in the app; the shipped documents carry each activity's status as published.
  const dataset: Dataset = { documents: [], focusAreas: [], activities: [], features: [], statusEntries: [], contacts: [] };
  for (const [path, raw] of Object.entries(files.documentFiles)) {
    const parsed = documentFileSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...zodIssues(path, parsed.error));
      continue;
    }
    dataset.documents.push(parsed.data.document);
    dataset.focusAreas.push(...parsed.data.focusAreas);
    dataset.activities.push(...parsed.data.activities);
  }
  for (const [path, raw] of Object.entries(files.featureFiles)) {
    const parsed = featureFileSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...zodIssues(path, parsed.error));
      continue;
    }
    for (const geoJsonFeature of parsed.data.features) {
      const feature = safetyFeatureSchema.safeParse({
        ...geoJsonFeature.properties,
        id: geoJsonFeature.id,
        geometry: geoJsonFeature.geometry,
      });
      if (feature.success) dataset.features.push(feature.data);
      else issues.push(...zodIssues(`${path} ${geoJsonFeature.id}`, feature.error));
    }
  }
  // Broken links or a sensitive activity with a place must never reach the database.
  if (!issues.length) issues.push(...checkIntegrity(dataset));
  return issues.length ? { ok: false, error: issues } : { ok: true, value: dataset };
}


function zodIssues(subject: string, error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    code: 'schema',
    severity: 'error',
    subject: `${subject}${issue.path.length ? ` (${issue.path.join('.')})` : ''}`,
    message: issue.message,
  }));
}
