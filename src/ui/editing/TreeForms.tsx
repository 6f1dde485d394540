import { Suspense, useState } from 'react';
import { recordFormsStrings } from '../strings/recordForms';
import type { Activity } from '../../domain/activity';
import type { ChangeSet } from '../../domain/changes';
import type { FocusArea } from '../../domain/focusArea';
import type { PromiseDocument } from '../../domain/promiseDocument';
import { seenRecords, type RecordsSeen } from '../../domain/sync/staleBase';
import { useI18n } from '../i18n';
import { ActivityForm } from './ActivityForm';
import { DocumentForm } from './DocumentForm';
import { FocusAreaForm } from './FocusAreaForm';
// Drafting a document from its text (and its text analysis) loads apart (lazyParts.tsx).
import { DraftFlow } from '../lazyParts';

/** What the promise tree needs to let a planner write documents, focus areas and activities. */
export interface TreeEditing {
  /** The municipalities this planner may write for (all, in a browser of its own). */
  municipalities: readonly { code: string; name: string }[];
  mayEdit(municipalityCode: string): boolean;
  /** The stored activity (the tree shows it with its current status, which is not the record's). */
  storedActivity(id: string): Activity | undefined;
  save(change: ChangeSet, seen: RecordsSeen, success: string): Promise<boolean>;
}

export type OpenForm =
  | { kind: 'new-document' }
  | { kind: 'draft' }
  | { kind: 'document'; id: string }
  | { kind: 'new-area'; documentId: string }
  | { kind: 'area'; id: string }
  | { kind: 'new-activity'; areaId: string }
  | { kind: 'activity'; id: string };

/** Which form is open in the tree (one at a time) and how each saves: one undoable change of one record. */
export function useTreeForms(editing: TreeEditing | undefined) {
  const { t, language } = useI18n();
  const rf = recordFormsStrings(language);
  const [open, setOpen] = useState<OpenForm | null>(null);
  const close = () => setOpen(null);
  const is = (form: OpenForm) => open !== null && JSON.stringify(open) === JSON.stringify(form);

  const saveDocument = async (document: PromiseDocument, base: PromiseDocument | null) => {
    if (!editing) return false;
    const change: ChangeSet = { label: rf.labelDocument(document.title, !base), put: { documents: [document] }, delete: {} };
    const saved = await editing.save(change, seenRecords('documents', { [document.id]: base }), rf.saved(document.title));
    if (saved) close();
    return saved;
  };
  const saveArea = async (area: FocusArea, base: FocusArea | null) => {
    if (!editing) return false;
    const change: ChangeSet = { label: rf.labelArea(area.title, !base), put: { focusAreas: [area] }, delete: {} };
    const saved = await editing.save(change, seenRecords('focusAreas', { [area.id]: base }), rf.saved(area.title));
    if (saved) close();
    return saved;
  };
  const saveActivity = async (activity: Activity, base: Activity | null) => {
    if (!editing) return false;
    const label = base ? rf.labelActivity(activity.title) : t.activityForm.label(activity.title);
    const change: ChangeSet = { label, put: { activities: [activity] }, delete: {} };
    const saved = await editing.save(change, seenRecords('activities', { [activity.id]: base }), base ? rf.saved(activity.title) : t.activityForm.saved(activity.title));
    if (saved) close();
    return saved;
  };

  return {
    open,
    is,
    show: setOpen,
    close,
    draftFlow: () =>
      editing && (
        <Suspense fallback={<p className="muted">{t.loading}</p>}>
        <DraftFlow
          municipalities={editing.municipalities}
          onCancel={close}
          onSave={async (change) => {
            const seen: RecordsSeen = {};
            for (const table of ['documents', 'focusAreas', 'activities'] as const)
              (seen as Record<string, Record<string, null>>)[table] = Object.fromEntries((change.put[table] ?? []).map((r) => [r.id, null]));
            const saved = await editing.save(change, seen, rf.saved(change.put.documents?.[0]?.title ?? ''));
            if (saved) close();
            return saved;
          }}
        />
        </Suspense>
      ),
    documentForm: (initial?: PromiseDocument) =>
      editing && <DocumentForm municipalities={editing.municipalities} initial={initial} onCancel={close} onSave={(d) => saveDocument(d, initial ?? null)} />,
    areaForm: (documentId: string, initial?: FocusArea) => <FocusAreaForm documentId={documentId} initial={initial} onCancel={close} onSave={(a) => saveArea(a, initial ?? null)} />,
    activityForm: (area: FocusArea, initial?: Activity) => <ActivityForm area={area} initial={initial} onCancel={close} onSave={(a) => saveActivity(a, initial ?? null)} />,
  };
}
