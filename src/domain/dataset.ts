import type { Activity } from './activity';
import type { Contact } from './contact';
import type { FocusArea } from './focusArea';
import type { PromiseDocument } from './promiseDocument';
import type { SafetyFeature } from './safetyFeature';
import { entriesByActivity, withCurrentStatus, type StatusEntry } from './statusEntry';

/** Everything the app knows, as plain records: what Dexie stores and what data/ ships. */
export interface Dataset {
  documents: PromiseDocument[];
  focusAreas: FocusArea[];
  activities: Activity[];
  features: SafetyFeature[];
  /** Dated follow-up of activities, append-only (statusEntry.ts). */
  statusEntries: StatusEntry[];
  /** Whom citizens contact, one per municipality (contact.ts); filled in by planners. */
  contacts: Contact[];
}

/** Lookup maps built once per data change, so resolving a chain never scans arrays. */
export interface DatasetIndex {
  documents: Map<string, PromiseDocument>;
  focusAreas: Map<string, FocusArea>;
  activities: Map<string, Activity>;
  features: Map<string, SafetyFeature>;
  featureIdsByDocument: Map<string, string[]>;
  activityIdsByFocusArea: Map<string, string[]>;
  /** Each activity's status entries, oldest first. */
  statusEntriesByActivity: Map<string, StatusEntry[]>;
}

export function indexDataset(dataset: Dataset): DatasetIndex {
  const byId = <T extends { id: string }>(records: T[]) => new Map(records.map((r) => [r.id, r] as const));
  const statusEntriesByActivity = entriesByActivity(dataset.statusEntries);
  // The index is the view: each activity carries its current status (its latest entry).
  const activities = byId(withCurrentStatus(dataset.activities, statusEntriesByActivity));
  const featureIdsByDocument = new Map<string, string[]>();
  for (const feature of dataset.features) {
    const documentIds = new Set(feature.activityIds.map((id) => activities.get(id)?.documentId).filter(isString));
    for (const documentId of documentIds) push(featureIdsByDocument, documentId, feature.id);
  }
  const activityIdsByFocusArea = new Map<string, string[]>();
  for (const activity of activities.values()) push(activityIdsByFocusArea, activity.focusAreaId, activity.id);
  return {
    documents: byId(dataset.documents),
    focusAreas: byId(dataset.focusAreas),
    activities,
    features: byId(dataset.features),
    featureIdsByDocument,
    activityIdsByFocusArea,
    statusEntriesByActivity,
  };
}

/**
 * The index after a change of places only (the common edit, and every import of places): the
 * features map is copied and patched, only the documents the changed places were or are linked to
 * get new lists, and everything else is shared with the index before. Same content as indexDataset
 * of the changed dataset (a list of a document may hold its ids in another order).
 */
export function withFeatureChanges(index: DatasetIndex, put: readonly SafetyFeature[], remove: readonly string[]): DatasetIndex {
  const touched = new Set([...remove, ...put.map((f) => f.id)]);
  const documentsOf = (feature: SafetyFeature | undefined) =>
    new Set((feature?.activityIds ?? []).map((id) => index.activities.get(id)?.documentId).filter(isString));
  const affected = new Set<string>();
  for (const id of touched) for (const documentId of documentsOf(index.features.get(id))) affected.add(documentId);
  const features = new Map(index.features);
  for (const id of remove) features.delete(id);
  const added = new Map<string, string[]>();
  for (const feature of put) {
    features.set(feature.id, feature);
    for (const documentId of documentsOf(feature)) (affected.add(documentId), push(added, documentId, feature.id));
  }
  const featureIdsByDocument = new Map(index.featureIdsByDocument);
  for (const documentId of affected) {
    const ids = [...(index.featureIdsByDocument.get(documentId) ?? []).filter((id) => !touched.has(id)), ...(added.get(documentId) ?? [])];
    if (ids.length) featureIdsByDocument.set(documentId, ids);
    else featureIdsByDocument.delete(documentId);
  }
  return { ...index, features, featureIdsByDocument };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
