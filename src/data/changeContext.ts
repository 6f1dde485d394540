import { contextNeeds, type ChangeContext } from '../domain/rules/checkChange';
import type { ChangeSet } from '../domain/changes';
import type { Activity } from '../domain/activity';
import type { FocusArea } from '../domain/focusArea';
import type { PromiseDocument } from '../domain/promiseDocument';
import type { SafetyFeature } from '../domain/safetyFeature';
import type { StatusEntry } from '../domain/statusEntry';
import type { Contact } from '../domain/contact';
import type { TrygghetsDatabase } from './db';

/**
 * Reads from Dexie the records the write door's rules need for one change (see `contextNeeds`):
 * touched records, their parents, and the children of touched documents, focus areas and
 * activities with their own parents. Must run inside the writing transaction.
 */
export async function loadChangeContext(db: TrygghetsDatabase, change: ChangeSet): Promise<ChangeContext['stored']> {
  const needs = contextNeeds(change);
  const documents = new Map<string, PromiseDocument>();
  const focusAreas = new Map<string, FocusArea>();
  const activities = new Map<string, Activity>();
  const features = new Map<string, SafetyFeature>();
  const statusEntries = new Map<string, StatusEntry>();
  const contacts = new Map<string, Contact>();
  const keep = <T extends { id: string }>(map: Map<string, T>, records: (T | undefined)[]) => {
    for (const r of records) if (r) map.set(r.id, r);
  };

  keep(documents, await db.documents.bulkGet([...needs.byId.documents]));
  keep(focusAreas, await db.focusAreas.bulkGet([...needs.byId.focusAreas]));
  keep(activities, await db.activities.bulkGet([...needs.byId.activities]));
  keep(features, await db.features.bulkGet([...needs.byId.features]));
  keep(statusEntries, await db.statusEntries.bulkGet([...needs.byId.statusEntries]));
  // A contact stands alone: nothing links to it and it links to nothing but its municipality.
  keep(contacts, await db.contacts.bulkGet([...needs.byId.contacts]));

  const { childrenOf } = needs;
  if (childrenOf.documents.size) {
    keep(focusAreas, await db.focusAreas.where('documentId').anyOf([...childrenOf.documents]).toArray());
    keep(activities, await db.activities.where('documentId').anyOf([...childrenOf.documents]).toArray());
  }
  if (childrenOf.focusAreas.size) keep(activities, await db.activities.where('focusAreaId').anyOf([...childrenOf.focusAreas]).toArray());
  const parentActivities = new Set([...childrenOf.activities, ...[...activities.values()].filter((a) => childrenOf.documents.has(a.documentId) || childrenOf.focusAreas.has(a.focusAreaId)).map((a) => a.id)]);
  if (parentActivities.size) {
    keep(features, await db.features.where('activityIds').anyOf([...parentActivities]).distinct().toArray());
    keep(statusEntries, await db.statusEntries.where('activityId').anyOf([...parentActivities]).toArray());
  }

  // Parents of everything loaded, so each child's links can be judged.
  const missingActivities = [...new Set([...[...features.values()].flatMap((f) => f.activityIds), ...[...statusEntries.values()].map((e) => e.activityId)])].filter((id) => !activities.has(id));
  keep(activities, await db.activities.bulkGet(missingActivities));
  const missingAreas = [...new Set([...activities.values()].map((a) => a.focusAreaId))].filter((id) => !focusAreas.has(id));
  keep(focusAreas, await db.focusAreas.bulkGet(missingAreas));
  const missingDocuments = [...new Set([...activities.values(), ...focusAreas.values(), ...statusEntries.values()].map((r) => r.documentId))].filter((id) => !documents.has(id));
  keep(documents, await db.documents.bulkGet(missingDocuments));

  return { documents: [...documents.values()], focusAreas: [...focusAreas.values()], activities: [...activities.values()], features: [...features.values()], statusEntries: [...statusEntries.values()], contacts: [...contacts.values()] };
}
