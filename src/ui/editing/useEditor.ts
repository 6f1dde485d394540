import { useCallback, useState, type RefObject } from 'react';
import { deleteFeatures, putFeatures } from '../../domain/changes';
import type { SupportedGeometry } from '../../domain/geometry';
import type { LayerKind } from '../../domain/layers';
import type { SafetyFeature } from '../../domain/safetyFeature';
import type { Activity } from '../../domain/activity';
import type { StatusEntry } from '../../domain/statusEntry';
import type { NewStatusEntry } from '../StatusEntryForm';
import type { ChangeSet, RecordTable } from '../../domain/changes';
import { ChangeConflict, getMunicipalityLocator, store } from '../../data/store';
import { withLocatedMunicipality } from '../../domain/places/locatedMunicipality';
import type { DrawableType } from '../../map/draw';
import type { MapAdapter } from '../../map/adapter';
import { formatDate, useI18n } from '../i18n';
import { rejectionText } from '../rejection';
import type { StaleChoice } from '../StaleDialog';
import { seenRecords, type RecordsSeen } from '../../domain/sync/staleBase';
import { swedishToday } from '../../domain/currency';
import { mergeRecords } from '../../domain/sync/differences';
import type { FeatureDraft } from './featureDraft';
// The form's field specs load with the form, not with the first page: a draft is made when editing starts.
const drafts = () => import('./featureDraft');

export type EditorState =
  | { kind: 'idle' }
  | { kind: 'choosing' }
  | { kind: 'drawing'; layer: LayerKind; type: DrawableType }
  /** `base`: the place as it was when the form opened (null: a new place), so a change made meanwhile is seen. */
  | { kind: 'form'; draft: FeatureDraft; base: SafetyFeature | null }
  | { kind: 'reshaping'; feature: SafetyFeature };

/** The planner's editing session: which step they are in, and the actions that write changes. */
export function useEditor(adapterRef: RefObject<MapAdapter | null>, onStatus: (message: string) => void, onSaved: (featureId: string | null) => void, onStale: (choice: StaleChoice) => void) {
  const { t, language } = useI18n();
  const [state, setState] = useState<EditorState>({ kind: 'idle' });

  const stop = useCallback(() => {
    adapterRef.current?.stopDrafting();
    setState({ kind: 'idle' });
  }, [adapterRef]);

  /** Writes `change`, made on `base` (the place as the editor saw it; null: new). */
  const write = async (change: ChangeSet, base: { id: string; feature: SafetyFeature | null }, success: string, selectAfter: string | null): Promise<boolean> => {
    let located = change;
    try {
      // Drawn or reshaped, a place belongs to the municipality it now lies in.
      const locator = await getMunicipalityLocator();
      const features = change.put.features?.map((f) => withLocatedMunicipality(f, locator));
      if (features) located = { ...change, put: { ...change.put, features } };
      await store.perform(located, seenRecords('features', { [base.id]: base.feature }));
      onStatus(success);
      onSaved(selectAfter);
      stop();
      return true;
    } catch (error) {
      if (error instanceof ChangeConflict) {
        onStale(staleChoice(located, error, base));
        return false;
      }
      onStatus(t.edit.saveFailed(rejectionText(error, t, language)));
      return false;
    }
  };

  /** Someone changed the place since the form opened: show both, and write mine only if the user says so. */
  const staleChoice = (change: ChangeSet, conflict: ChangeConflict, base: { id: string }): StaleChoice => {
    const stale = conflict.records.find((r) => r.id === base.id);
    const current = (stale?.current ?? null) as SafetyFeature | null;
    const mine = change.put.features?.find((f) => f.id === base.id) ?? null;
    const merged = stale ? mergeRecords(stale.seen as SafetyFeature | null, mine, current) : null;
    const saved = t.edit.saved(mine?.name ?? current?.name ?? '');
    return {
    title: t.team.staleTitle(change.label),
    help: t.team.staleHelp,
    records: conflict.records.map((r) => ({ table: r.table, id: r.id, mine: change.put.features?.find((f) => f.id === r.id) ?? null, theirs: r.current })),
    proceedLabel: t.team.saveMineAnyway,
    abandonLabel: t.team.keepTheirs,
    // Mine over theirs, knowingly: based now on what is stored, so a further change is again a conflict.
    proceed: async () => void (await write(change, { id: base.id, feature: current }, saved, mine ? base.id : null)),
    abandon: () => {
      onStatus(t.edit.keptTheirs);
      stop();
    },
    merge: merged
      ? { label: t.team.saveBoth, help: t.team.bothPossible, run: async () => void (await write(putFeatures(change.label, [merged]), { id: base.id, feature: current }, t.edit.saved(merged.name), base.id)) }
      : undefined,
    };
  };

  /**
   * A planner or police officer follows an activity up: one new dated status entry, an undoable
   * change of one new record. Nobody else can have changed a record that did not exist, so two
   * people following the same activity up at once both keep their entries.
   */
  const addStatusEntry = async (activity: Activity, entry: NewStatusEntry, author: string | null): Promise<boolean> => {
    const record: StatusEntry = { id: newId('status'), activityId: activity.id, documentId: activity.documentId, ...entry, author, recordedAt: new Date().toISOString() };
    const change: ChangeSet = { label: t.statusEntry.label(activity.title, t.statusNames[entry.status]), put: { statusEntries: [record] }, delete: {} };
    try {
      await store.perform(change, seenRecords('statusEntries', { [record.id]: null }));
      onStatus(t.statusEntry.saved(activity.title, t.statusNames[entry.status]));
      return true;
    } catch (error) {
      onStatus(t.edit.saveFailed(rejectionText(error, t, language)));
      return false;
    }
  };

  /**
   * A planner's document, focus area or activity, new or edited, through the write door like a
   * place (undoable, synced, refused outside their municipalities). `seen` is each record as the
   * form opened it (null: new), so a change someone made meanwhile is shown, not overwritten.
   */
  const saveRecords = async (change: ChangeSet, seen: RecordsSeen, success: string): Promise<boolean> => {
    try {
      await store.perform(change, seen);
      onStatus(success);
      return true;
    } catch (error) {
      if (!(error instanceof ChangeConflict)) {
        onStatus(t.edit.saveFailed(rejectionText(error, t, language)));
        return false;
      }
      const mineOf = (table: RecordTable, id: string) => (change.put[table] as { id: string }[] | undefined)?.find((r) => r.id === id) ?? null;
      onStale({
        title: t.team.staleTitle(change.label),
        help: t.team.staleHelp,
        records: error.records.map((r) => ({ table: r.table, id: r.id, mine: mineOf(r.table, r.id), theirs: r.current })),
        proceedLabel: t.team.saveMineAnyway,
        abandonLabel: t.team.keepTheirs,
        // Mine over theirs, knowingly: based now on what is stored, so a further change is again a conflict.
        proceed: async () => {
          const now: RecordsSeen = { ...seen };
          for (const r of error.records) (now as Record<string, Record<string, unknown>>)[r.table] = { ...now[r.table], [r.id]: r.current };
          await saveRecords(change, now, success);
        },
        abandon: () => onStatus(t.edit.keptTheirs),
      });
      return false;
    }
  };

  const note = () => t.edit.drawnNote(formatDate(new Date().toISOString().slice(0, 10), language));

  return {
    state,
    choose: () => setState({ kind: 'choosing' }),
    draw(layer: LayerKind, type: DrawableType) {
      setState({ kind: 'drawing', layer, type });
      adapterRef.current?.startDrawing(type, (geometry: SupportedGeometry) => {
        adapterRef.current?.stopDrafting();
        void drafts().then(({ newDraft }) => setState({ kind: 'form', draft: newDraft(layer, geometry, note()), base: null }));
      });
    },
    /** The keyboard way to a new point: start at the map's centre and type the coordinates. */
    enterCoordinates(layer: LayerKind) {
      const center = adapterRef.current?.getView()?.center ?? [18.07, 59.33];
      const geometry: SupportedGeometry = { type: 'Point', coordinates: [round(center[0]), round(center[1])] };
      void drafts().then(({ newDraft }) => setState({ kind: 'form', draft: newDraft(layer, geometry, note()), base: null }));
    },
    editDetails: (feature: SafetyFeature) => void drafts().then(({ draftFromFeature }) => setState({ kind: 'form', draft: draftFromFeature(feature), base: feature })),
    async reshape(feature: SafetyFeature) {
      if (!(await adapterRef.current?.startReshaping(feature.geometry))) return onStatus(t.edit.reshapeUnsupported);
      setState({ kind: 'reshaping', feature });
    },
    async saveShape() {
      if (state.kind !== 'reshaping') return;
      const geometry = adapterRef.current?.draftGeometry();
      if (!geometry) return stop();
      const feature = { ...state.feature, geometry } as SafetyFeature;
      await write(putFeatures(t.edit.labels.reshape(feature.name), [feature]), { id: feature.id, feature: state.feature }, t.edit.saved(feature.name), feature.id);
    },
    async save(feature: SafetyFeature) {
      const base = state.kind === 'form' ? state.base : null;
      const label = base ? t.edit.labels.change(feature.name) : t.edit.labels.add(feature.name);
      await write(putFeatures(label, [feature]), { id: feature.id, feature: base }, t.edit.saved(feature.name), feature.id);
    },
    addStatusEntry,
    saveRecords,
    /** The place is still felt unsafe: dated evidence from today, so the analyses count it again. */
    async confirm(feature: SafetyFeature) {
      if (feature.layer !== 'unsafe-place') return;
      const confirmed: SafetyFeature = { ...feature, details: { ...feature.details, confirmedOn: swedishToday() } };
      await write(putFeatures(t.freshness.label(feature.name), [confirmed]), { id: feature.id, feature }, t.freshness.confirmed(feature.name), feature.id);
    },
    async remove(feature: SafetyFeature) {
      await write(deleteFeatures(t.edit.labels.remove(feature.name), [feature.id]), { id: feature.id, feature }, t.edit.removed(feature.name), null);
    },
    cancel: stop,
  };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** A random id that cannot clash with another browser's (two planners add entries offline). */
function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}
