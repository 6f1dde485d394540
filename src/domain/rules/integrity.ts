import { RECORD_TABLES } from '../changes';
import type { Dataset } from '../dataset';
import type { MunicipalityLocator } from '../places/municipalityLocator';
import type { Issue } from '../result';
import { text } from '../text';
import { outsideSwedenIssue } from './insideSweden';
import { lookupOf, ruleError } from './lookup';
import { otherMunicipalityWarnings, placeMunicipalityIssue } from './placeMunicipality';
import { activityReferenceIssues, featureReferenceIssues, focusAreaReferenceIssues, statusEntryReferenceIssues } from './references';
import { isSensitiveActivity, sensitivePlaceIssues } from './sensitivePlace';

export interface IntegrityOptions {
  /**
   * The municipality polygons. Given, every place must lie in Sweden and in the municipality it
   * names; left out (undefined), those two rules are not run (e.g. checking links only).
   */
  locator?: MunicipalityLocator | null;
}

/**
 * The rules over a whole dataset (shipped data, a backup before it is restored): ids are unique,
 * every link points at something that exists, no sensitive activity has a place, and, with the
 * polygons, every place lies in Sweden in its own municipality. Same rule functions as the write door.
 */
export function checkIntegrity(dataset: Dataset, options: IntegrityOptions = {}): Issue[] {
  const issues: Issue[] = [];
  const byId = <T extends { id: string }>(records: T[]) => new Map(records.map((r) => [r.id, r]));
  const lookup = lookupOf({ documents: byId(dataset.documents), focusAreas: byId(dataset.focusAreas), activities: byId(dataset.activities) });

  // Only the record tables: a backup passed in as a dataset also carries its history.
  for (const kind of RECORD_TABLES) {
    const records: readonly { id: string }[] = dataset[kind];
    const seen = new Set<string>();
    for (const { id } of records) {
      if (seen.has(id)) issues.push(ruleError('duplicate-id', id, text(`id förekommer mer än en gång bland ${kind}`, `the id occurs more than once among ${kind}`)));
      seen.add(id);
    }
  }
  for (const area of dataset.focusAreas) issues.push(...focusAreaReferenceIssues(area, lookup));
  for (const activity of dataset.activities) issues.push(...activityReferenceIssues(activity, lookup));
  for (const entry of dataset.statusEntries) issues.push(...statusEntryReferenceIssues(entry, lookup));
  for (const feature of dataset.features) {
    issues.push(...featureReferenceIssues(feature, lookup), ...sensitivePlaceIssues(feature, lookup), ...otherMunicipalityWarnings(feature, lookup));
    if (options.locator !== undefined) {
      const outside = outsideSwedenIssue(feature, options.locator);
      if (outside) issues.push(outside);
      else {
        const wrong = placeMunicipalityIssue(feature, options.locator);
        if (wrong) issues.push(wrong);
      }
    }
  }
  return issues;
}

/** An activity is sensitive if it, or the focus area it belongs to, is marked so. */
export function isSensitive(activityId: string, dataset: Pick<Dataset, 'activities' | 'focusAreas'>): boolean {
  const activity = dataset.activities.find((a) => a.id === activityId);
  if (!activity) return false;
  const focusAreas = new Map(dataset.focusAreas.map((f) => [f.id, f]));
  return isSensitiveActivity(activity, { document: () => undefined, focusArea: (id) => focusAreas.get(id), activity: () => undefined });
}
