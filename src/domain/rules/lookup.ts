import type { Activity } from '../activity';
import type { Contact } from '../contact';
import type { FocusArea } from '../focusArea';
import type { PromiseDocument } from '../promiseDocument';
import type { Issue } from '../result';
import type { Text } from '../text';
import type { SafetyFeature } from '../safetyFeature';
import type { StatusEntry } from '../statusEntry';

/**
 * What a rule may look up about the records around the one it checks. The dataset-wide check
 * answers from the whole dataset; the write door answers from the records the change touches
 * and links to, as they will be once the change is applied.
 */
export interface RecordLookup {
  document(id: string): PromiseDocument | undefined;
  focusArea(id: string): FocusArea | undefined;
  activity(id: string): Activity | undefined;
}

export interface RecordMaps {
  documents: Map<string, PromiseDocument>;
  focusAreas: Map<string, FocusArea>;
  activities: Map<string, Activity>;
  features: Map<string, SafetyFeature>;
  statusEntries: Map<string, StatusEntry>;
  contacts: Map<string, Contact>;
}

export function lookupOf(maps: Pick<RecordMaps, 'documents' | 'focusAreas' | 'activities'>): RecordLookup {
  return {
    document: (id) => maps.documents.get(id),
    focusArea: (id) => maps.focusAreas.get(id),
    activity: (id) => maps.activities.get(id),
  };
}

/** A refusal in both languages; `message` keeps the Swedish one that the server's answers have always carried. */
export function ruleError(code: string, subject: string, message: Text): Issue {
  return { code, severity: 'error', subject, message: message.sv, text: message };
}

export function ruleWarning(code: string, subject: string, message: Text): Issue {
  return { code, severity: 'warning', subject, message: message.sv, text: message };
}

export const isBlocking = (issue: Issue) => issue.severity === 'error';
