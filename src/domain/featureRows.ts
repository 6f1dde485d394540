import type { ResponsibleParty } from './activity';
import { boundsOf, type Bounds } from './geometry';
import type { DatasetIndex } from './dataset';
import type { ActivityStatus, LayerKind, Provenance, TimeOfDay } from './layers';
import type { SafetyFeature } from './safetyFeature';

/**
 * One place with its chain flattened: what the table shows, what filters test, what exports
 * write. Multi-valued fields hold one entry per linked activity (deduplicated).
 */
export interface FeatureRow {
  id: string;
  feature: SafetyFeature;
  name: string;
  layer: LayerKind;
  municipalityCode: string;
  municipalityName: string;
  documentIds: string[];
  documentTitles: string[];
  focusAreaIds: string[];
  focusAreaTitles: string[];
  activityIds: string[];
  activityTitles: string[];
  responsible: ResponsibleParty[];
  responsibleText: string[];
  statuses: ActivityStatus[];
  periodFrom: string | null;
  periodTo: string | null;
  provenance: Provenance;
  timeOfDay: TimeOfDay[];
  bounds: Bounds;
  /** Lower-case text that free-text search looks in; the map filters on the same string. */
  searchText: string;
}

export function normaliseSearchText(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
}

export function buildFeatureRows(index: DatasetIndex): FeatureRow[] {
  const rows: FeatureRow[] = [];
  for (const feature of index.features.values()) rows.push(buildFeatureRow(index, feature));
  return rows;
}

function buildFeatureRow(index: DatasetIndex, feature: SafetyFeature): FeatureRow {
  const activities = feature.activityIds.map((id) => index.activities.get(id)).filter((a) => a !== undefined);
  const documents = unique(activities.map((a) => index.documents.get(a.documentId)).filter((d) => d !== undefined));
  const focusAreas = unique(activities.map((a) => index.focusAreas.get(a.focusAreaId)).filter((f) => f !== undefined));
  const responsible = unique(activities.flatMap((a) => a.responsible.map((r) => r.party)));
  const responsibleText = unique(activities.flatMap((a) => a.responsible.map((r) => (r.unit ? `${r.party}: ${r.unit}` : r.party))));
  const periods = documents.map((d) => d.period);
  const row: Omit<FeatureRow, 'searchText'> = {
    id: feature.id,
    feature,
    name: feature.name,
    layer: feature.layer,
    municipalityCode: feature.municipalityCode,
    municipalityName: documents[0]?.municipality.name ?? feature.municipalityCode,
    documentIds: documents.map((d) => d.id),
    documentTitles: documents.map((d) => d.title),
    focusAreaIds: focusAreas.map((f) => f.id),
    focusAreaTitles: focusAreas.map((f) => f.title),
    activityIds: activities.map((a) => a.id),
    activityTitles: activities.map((a) => a.title),
    responsible,
    responsibleText,
    statuses: unique(activities.map((a) => a.status)),
    periodFrom: periods.length ? periods.map((p) => p.from).sort()[0]! : null,
    periodTo: periods.length ? periods.map((p) => p.to).sort().at(-1)! : null,
    provenance: feature.provenance,
    timeOfDay: feature.layer === 'unsafe-place' ? feature.details.timeOfDay : [],
    bounds: boundsOf([feature.geometry]) ?? [0, 0, 0, 0],
  };
  const street = feature.layer === 'speed-control' ? feature.details.streetName : '';
  return {
    ...row,
    searchText: normaliseSearchText(
      [row.name, street, row.municipalityName, ...row.documentTitles, ...row.focusAreaTitles, ...row.activityTitles, ...responsibleText].join(' '),
    ),
  };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
