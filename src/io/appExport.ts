import type { DatasetIndex } from '../domain/dataset';
import { LAYER_KINDS } from '../domain/layers';
import { lookupOf } from '../domain/rules/lookup';
import { isSensitiveActivity } from '../domain/rules/sensitivePlace';
import { safetyFeatureSchema } from '../domain/safetyFeature';
import { schemaMessageText } from '../domain/schemaMessages';
import { text, type Text } from '../domain/text';
import type { RawFeature } from './buildCandidates';
import type { ImportPlan, MunicipalityLookup } from './candidatesToFeatures';
import { reprojectGeometry, type PositionConverter } from './crs';
import type { AppExport, RejectedItem } from './importTypes';
import { whereOutsideSweden } from '../domain/rules/insideSweden';
import { featureLabel } from './importText';
import { positionText } from './validateCandidate';

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** A feature whose properties are one of our records: a layer we know, its activities and its details. */
function carriesRecord(properties: unknown): boolean {
  return (
    isObject(properties) &&
    typeof properties.layer === 'string' &&
    (LAYER_KINDS as readonly string[]).includes(properties.layer) &&
    Array.isArray(properties.activityIds) &&
    isObject(properties.details)
  );
}

/**
 * Recognises Trygghetskartan's own GeoJSON export (featuresToGeoJson, rowsToGeoJson: every field
 * of the record as properties) so it can come back whole instead of being forced under one layer.
 * A file counts as an export when most of its features carry a record; each is then validated
 * with the place schema, the same door every record passes. Undefined for any other file.
 */
export function readAppExport(features: readonly RawFeature[], convert: PositionConverter): AppExport | undefined {
  const carrying = features.filter((f) => carriesRecord(f.properties)).length;
  if (!carrying || carrying * 2 < features.length) return undefined;
  const result: AppExport = { records: [], rejected: [] };
  features.forEach((feature, i) => {
    const index = i + 1;
    const label = featureLabel(index);
    const reject = (detail: Text) => result.rejected.push({ index, label, reason: 'invalid-record', detail });
    if (!carriesRecord(feature.properties)) return reject(text('saknar layer, activityIds eller details', 'has no layer, activityIds or details'));
    const parsed = safetyFeatureSchema.safeParse({
      ...(feature.properties as Record<string, unknown>),
      id: feature.id,
      geometry: reprojectGeometry(feature.geometry, convert),
    });
    if (parsed.success) result.records.push({ index, label, feature: parsed.data });
    else {
      const issue = parsed.error.issues[0];
      if (!issue) return reject(text('ogiltig post', 'invalid record'));
      const message = schemaMessageText(issue.message);
      const path = issue.path.join('.');
      reject(text(`${path}: ${message.sv}`, `${path}: ${message.en}`));
    }
  });
  return result;
}

export interface AppExportPlan extends ImportPlan {
  /** Places whose id is already stored: importing updates them. */
  replaced: number;
}

/**
 * The records of an export as they will be stored: ids, layers, activities and municipality kept.
 * An activity this database does not have, or a sensitive one, rejects that place with the reason;
 * with the municipality polygons, a place outside Sweden is rejected too.
 */
export function appExportPlan(appExport: AppExport, index: DatasetIndex, locator: MunicipalityLookup | null = null): AppExportPlan {
  const lookup = lookupOf(index);
  const plan: AppExportPlan = { features: [], skipped: [], flagged: [], excluded: 0, findings: 0, attributesTrimmed: false, located: locator !== null, replaced: 0 };
  for (const { index: n, label, feature } of appExport.records) {
    const skip = (reason: RejectedItem['reason'], detail: Text) => plan.skipped.push({ index: n, label, reason, detail });
    const missing = feature.activityIds.find((id) => !index.activities.has(id));
    if (missing) {
      skip('missing-activity', text(`aktiviteten ${missing} finns inte`, `the activity ${missing} does not exist`));
      continue;
    }
    const sensitive = feature.activityIds.find((id) => isSensitiveActivity(index.activities.get(id)!, lookup));
    if (sensitive) {
      skip('sensitive-activity', text(`aktiviteten ${sensitive} är känslig`, `the activity ${sensitive} is sensitive`));
      continue;
    }
    const outside = locator ? whereOutsideSweden(feature.geometry, locator) : null;
    if (outside) {
      skip(outside.swapped ? 'lat-lon-swapped' : 'outside-sweden', positionText(outside.position));
      continue;
    }
    if (index.features.has(feature.id)) plan.replaced++;
    plan.features.push(feature);
  }
  return plan;
}
