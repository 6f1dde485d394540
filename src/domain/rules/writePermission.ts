import type { Activity } from '../activity';
import { RECORD_TABLES, type ChangeSet, type RecordTable } from '../changes';
import type { Issue } from '../result';
import { sameRecord } from '../sameRecord';
import { text, type Text } from '../text';
import type { ChangeContext } from './checkChange';
import { stateAfter } from './checkChange';
import { ruleError, type RecordMaps } from './lookup';

export const ROLES = ['planner', 'police', 'reader'] as const;
export type Role = (typeof ROLES)[number];

/** Who writes: the role and the municipalities (kommunkoder) their sign-in gives them. */
export interface Writer {
  role: Role;
  municipalities: readonly string[];
  /** The signed-in user's e-mail: a status entry they add must name them, not someone else. */
  email?: string;
}

/**
 * What each role may write, in which municipalities: a planner edits documents, focus areas,
 * activities and places of their municipalities; police edit places, and only the status of
 * activities, in the municipalities of their police area; a reader writes nothing. A record is
 * judged where it is before and where it ends up, so nothing can be moved out of or into
 * another municipality's data.
 */
export function writePermissionIssues(change: ChangeSet, context: Pick<ChangeContext, 'stored'>, writer: Writer): Issue[] {
  if (writer.role === 'reader') return [ruleError('read-only', 'change', text('rollen läsare kan inte ändra något', 'the reader role cannot change anything'))];
  const before = stateAfter({ label: '', put: {}, delete: {} }, context.stored);
  const after = stateAfter(change, context.stored);
  const allowed = new Set(writer.municipalities);
  const issues: Issue[] = [];
  for (const table of RECORD_TABLES) {
    const ids = new Set([...(change.put[table] ?? []).map((r) => r.id), ...(change.delete[table] ?? [])]);
    for (const id of ids) {
      const kinds = writer.role === 'police' ? POLICE_TABLES : PLANNER_TABLES;
      if (!kinds.has(table)) {
        issues.push(ruleError('role-cannot-write', id, text(`rollen ${writer.role} kan inte ändra ${TABLE_NAMES[table].sv}`, `the ${writer.role} role cannot change ${TABLE_NAMES[table].en}`)));
        continue;
      }
      const places = [municipalityOf(table, id, before), municipalityOf(table, id, after)].filter((m): m is string => m !== null);
      const outside = places.find((m) => !allowed.has(m));
      if (outside)
        issues.push(
          ruleError(
            'outside-scope',
            id,
            text(
              `${TABLE_NAMES[table].sv} i kommun ${outside} ligger utanför dina kommuner (${writer.municipalities.join(', ') || 'inga'})`,
              `${TABLE_NAMES[table].en} in municipality ${outside} lie outside your municipalities (${writer.municipalities.join(', ') || 'none'})`,
            ),
          ),
        );
      if (writer.role === 'police' && table === 'activities') {
        const old = before.activities.get(id);
        const next = after.activities.get(id);
        if (!old || !next || !onlyStatusChanged(old, next)) issues.push(ruleError('police-status-only', id, text('polisen kan bara ändra en aktivitets status', 'the police can only change the status of an activity')));
      }
      const entry = table === 'statusEntries' ? (change.put.statusEntries ?? []).find((e) => e.id === id) : undefined;
      if (entry && writer.email !== undefined && entry.author !== writer.email && !sameRecord(entry, before.statusEntries.get(id)))
        issues.push(
          ruleError(
            'author-not-writer',
            id,
            text(
              `statusposten anger ${entry.author ?? 'ingen'} som författare, men du är inloggad som ${writer.email}`,
              `the status entry names ${entry.author ?? 'no one'} as its author, but you are signed in as ${writer.email}`,
            ),
          ),
        );
    }
  }
  return issues;
}

const PLANNER_TABLES = new Set<RecordTable>(['documents', 'focusAreas', 'activities', 'features', 'statusEntries', 'contacts']);
const POLICE_TABLES = new Set<RecordTable>(['features', 'activities', 'statusEntries']);
const TABLE_NAMES: Record<RecordTable, Text> = {
  documents: text('dokument', 'documents'),
  focusAreas: text('fokusområden', 'focus areas'),
  activities: text('aktiviteter', 'activities'),
  features: text('platser', 'places'),
  statusEntries: text('statusposter', 'status entries'),
  contacts: text('kontaktuppgifter', 'contact details'),
};

/** The municipality a record belongs to in a state; null when the record is not there. */
function municipalityOf(table: RecordTable, id: string, state: RecordMaps): string | null {
  switch (table) {
    case 'documents':
      return state.documents.get(id)?.municipality.code ?? null;
    case 'features':
      return state.features.get(id)?.municipalityCode ?? null;
    case 'focusAreas': {
      const area = state.focusAreas.get(id);
      return area ? (state.documents.get(area.documentId)?.municipality.code ?? null) : null;
    }
    case 'activities': {
      const activity = state.activities.get(id);
      return activity ? (state.documents.get(activity.documentId)?.municipality.code ?? null) : null;
    }
    case 'statusEntries': {
      const entry = state.statusEntries.get(id);
      return entry ? (state.documents.get(entry.documentId)?.municipality.code ?? null) : null;
    }
    case 'contacts':
      return state.contacts.get(id)?.municipality.code ?? null;
  }
}

function onlyStatusChanged(old: Activity, next: Activity): boolean {
  return sameRecord({ ...old, status: null }, { ...next, status: null });
}
