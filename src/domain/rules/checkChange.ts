import type { Activity } from '../activity';
import type { Contact } from '../contact';
import { RECORD_TABLES, type ChangeSet, type RecordOf, type RecordTable } from '../changes';
import type { FocusArea } from '../focusArea';
import type { MunicipalityLocator } from '../places/municipalityLocator';
import type { PromiseDocument } from '../promiseDocument';
import type { Issue } from '../result';
import type { SafetyFeature } from '../safetyFeature';
import { outsideSwedenIssue } from './insideSweden';
import { lookupOf, ruleError, type RecordMaps } from './lookup';
import { enCount, svCount } from '../plural';
import { text } from '../text';
import { otherMunicipalityWarnings, placeMunicipalityIssue } from './placeMunicipality';
import { recordSchemaIssue } from './recordSchema';
import { activityReferenceIssues, featureReferenceIssues, focusAreaReferenceIssues, statusEntryReferenceIssues } from './references';
import { sensitivePlaceIssues } from './sensitivePlace';
import { appendOnlyIssues } from './appendOnly';
import type { StatusEntry } from '../statusEntry';

/**
 * The stored records a change's rules need, as they are before the change: every record the
 * change touches, every record a put record links to, and every record that links to a
 * touched one (children of a deleted document, places of a changed activity). Whoever holds
 * the data (Dexie in the browser, PostgreSQL on the server) gathers them; see `contextNeeds`.
 */
export interface ChangeContext {
  stored: { [T in RecordTable]: RecordOf[T][] };
  locator: MunicipalityLocator | null;
}

/**
 * The write door's rules for one change set, applied to the state it would leave: each put
 * record valid, every link resolvable, nothing left pointing at a deleted record, no sensitive
 * activity with a place, every place in Sweden and in its own municipality. Errors refuse the
 * whole change; warnings are for the preview.
 */
export function checkChange(change: ChangeSet, context: ChangeContext): Issue[] {
  const issues: Issue[] = [];
  for (const table of RECORD_TABLES) {
    for (const record of change.put[table] ?? []) {
      const issue = recordSchemaIssue(table, record);
      if (issue) issues.push(issue);
    }
  }
  if (issues.length) return issues;

  const after = stateAfter(change, context.stored);
  const lookup = lookupOf(after);
  const putIds = (table: RecordTable) => new Set((change.put[table] ?? []).map((r) => r.id));

  for (const area of change.put.focusAreas ?? []) issues.push(...focusAreaReferenceIssues(area, lookup));
  for (const activity of change.put.activities ?? []) issues.push(...activityReferenceIssues(activity, lookup));
  for (const entry of change.put.statusEntries ?? []) issues.push(...statusEntryReferenceIssues(entry, lookup));
  issues.push(...appendOnlyIssues(change, new Map(context.stored.statusEntries.map((e) => [e.id, e]))));
  // A focus area turned sensitive makes its activities break the inheritance rule.
  const changedAreas = putIds('focusAreas');
  for (const activity of after.activities.values())
    if (changedAreas.has(activity.focusAreaId) && !putIds('activities').has(activity.id)) issues.push(...activityReferenceIssues(activity, lookup));

  const changedFeatures = putIds('features');
  const changedActivities = putIds('activities');
  for (const feature of after.features.values()) {
    const isPut = changedFeatures.has(feature.id);
    // Places of an activity (or focus area) the change made sensitive are checked as well.
    const linkChanged = feature.activityIds.some((id) => changedActivities.has(id) || changedAreas.has(after.activities.get(id)?.focusAreaId ?? ''));
    if (!isPut && !linkChanged) continue;
    issues.push(...featureReferenceIssues(feature, lookup), ...sensitivePlaceIssues(feature, lookup));
    if (!isPut) continue;
    issues.push(...otherMunicipalityWarnings(feature, lookup));
    const outside = outsideSwedenIssue(feature, context.locator);
    if (outside) issues.push(outside);
    else {
      const wrong = placeMunicipalityIssue(feature, context.locator);
      if (wrong) issues.push(wrong);
    }
  }
  issues.push(...danglingIssues(change, after));
  return issues;
}

/** Records left pointing at a record this change deletes: deleting a document its activities still name. */
function danglingIssues(change: ChangeSet, after: RecordMaps): Issue[] {
  const issues: Issue[] = [];
  const deleted = (table: RecordTable) => new Set(change.delete[table] ?? []);
  const documents = deleted('documents');
  const areas = deleted('focusAreas');
  const activities = deleted('activities');
  const count = new Map<string, number>();
  const note = (id: string) => count.set(id, (count.get(id) ?? 0) + 1);
  for (const area of after.focusAreas.values()) if (documents.has(area.documentId)) note(area.documentId);
  for (const activity of after.activities.values()) {
    if (documents.has(activity.documentId)) note(activity.documentId);
    if (areas.has(activity.focusAreaId)) note(activity.focusAreaId);
  }
  for (const feature of after.features.values()) for (const id of feature.activityIds) if (activities.has(id)) note(id);
  for (const entry of after.statusEntries.values()) if (activities.has(entry.activityId)) note(entry.activityId);
  for (const [id, n] of count) issues.push(
      ruleError(
        'still-referenced',
        id,
        text(`${id} kan inte tas bort: ${svCount(n, 'post hänvisar', 'poster hänvisar')} fortfarande till den`, `${id} cannot be deleted: ${enCount(n, 'record still refers', 'records still refer')} to it`),
      ),
    );
  return issues;
}

/** The context's records with the change applied: puts replace, deletes remove. */
export function stateAfter(change: ChangeSet, stored: ChangeContext['stored']): RecordMaps {
  const apply = <T extends { id: string }>(records: readonly T[], table: RecordTable) => {
    const map = new Map(records.map((r) => [r.id, r]));
    for (const id of change.delete[table] ?? []) map.delete(id);
    for (const record of (change.put[table] ?? []) as unknown as T[]) map.set(record.id, record);
    return map;
  };
  return {
    documents: apply<PromiseDocument>(stored.documents, 'documents'),
    focusAreas: apply<FocusArea>(stored.focusAreas, 'focusAreas'),
    activities: apply<Activity>(stored.activities, 'activities'),
    features: apply<SafetyFeature>(stored.features, 'features'),
    statusEntries: apply<StatusEntry>(stored.statusEntries, 'statusEntries'),
    contacts: apply<Contact>(stored.contacts, 'contacts'),
  };
}

/**
 * Which stored records `checkChange` needs, in two rounds: first by id (touched records and the
 * parents of put records), then by reference (children of touched documents, focus areas and
 * activities: their places and status entries). The second round's parents are included so a
 * child's links can be judged.
 */
export interface ContextNeeds {
  byId: { [T in RecordTable]: Set<string> };
  childrenOf: { documents: Set<string>; focusAreas: Set<string>; activities: Set<string> };
}

export function contextNeeds(change: ChangeSet): ContextNeeds {
  const byId = { documents: new Set<string>(), focusAreas: new Set<string>(), activities: new Set<string>(), features: new Set<string>(), statusEntries: new Set<string>(), contacts: new Set<string>() };
  for (const table of RECORD_TABLES) {
    for (const record of change.put[table] ?? []) byId[table].add(record.id);
    for (const id of change.delete[table] ?? []) byId[table].add(id);
  }
  for (const feature of change.put.features ?? []) for (const id of feature.activityIds ?? []) byId.activities.add(id);
  for (const activity of change.put.activities ?? []) {
    byId.documents.add(activity.documentId);
    byId.focusAreas.add(activity.focusAreaId);
  }
  for (const area of change.put.focusAreas ?? []) byId.documents.add(area.documentId);
  for (const entry of change.put.statusEntries ?? []) {
    byId.activities.add(entry.activityId);
    byId.documents.add(entry.documentId);
  }
  return {
    byId,
    childrenOf: {
      documents: new Set([...(change.put.documents ?? []).map((d) => d.id), ...(change.delete.documents ?? [])]),
      focusAreas: new Set([...(change.put.focusAreas ?? []).map((d) => d.id), ...(change.delete.focusAreas ?? [])]),
      activities: new Set([...(change.put.activities ?? []).map((d) => d.id), ...(change.delete.activities ?? [])]),
    },
  };
}
