import { useCallback, useState, type RefObject } from 'react';
import { deleteFeatures, putFeatures } from '../../domain/changes';
import type { SupportedGeometry } from '../../domain/geometry';
import type { LayerKind } from '../../domain/layers';
import type { SafetyFeature } from '../../domain/safetyFeature';
import type { Activity } from '../../domain/activity';
import type { ActivityStatus } from '../../domain/layers';
import type { ChangeSet } from '../../domain/changes';
import { ChangeConflict, getMunicipalityLocator, store } from '../../data/store';
import { withLocatedMunicipality } from '../../domain/places/municipalityLocator';
import type { DrawableType } from '../../map/draw';
import type { MapAdapter } from '../../map/adapter';
import { formatDate, useI18n } from '../i18n';
import { rejectionText } from '../rejection';
import type { StaleChoice } from '../StaleDialog';
import { seenRecords } from '../../domain/sync/staleBase';
import { swedishToday } from '../../domain/currency';
import { mergeRecords } from '../../domain/sync/differences';
import { draftFromFeature, newDraft, type FeatureDraft } from './featureDraft';

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
      onStatus(t.edit.saveFailed(rejectionText(error, t)));
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

  /** A planner or police officer follows an activity up: its status, as one undoable change. */
const setActivityStatus = async (activity: Activity, status: ActivityStatus, base: Activity = activity): Promise<void> => {
    const label = t.edit.labels.status(activity.title, t.statusNames[status]);
    const change: ChangeSet = { label, put: { activities: [{ ...activity, status }] }, delete: {} };
    try {
      await store.perform(change, seenRecords('activities', { [activity.id]: base }));
      onStatus(t.edit.statusSaved(activity.title, t.statusNames[status]));
    } catch (error) {
      if (!(error instanceof ChangeConflict)) return onStatus(t.edit.saveFailed(rejectionText(error, t)));
      const theirs = (error.records[0]?.current ?? null) as Activity | null;
      onStale({
        title: t.team.staleTitle(label),
        help: t.team.staleHelp,
        records: [{ table: 'activities', id: activity.id, mine: change.put.activities![0], theirs }],
        proceedLabel: t.team.saveMineAnyway,
        abandonLabel: t.team.keepTheirs,
        proceed: async () => {
          if (theirs) await setActivityStatus(theirs, status, theirs);
        },
        abandon: () => onStatus(t.edit.keptTheirs),
      });
    }
  };

  /** A planner's new activity: through the write door like a place (undoable, synced, refused outside their municipalities). */
  const createActivity = async (activity: Activity): Promise<boolean> => {
    try {
      await store.perform({ label: t.activityForm.label(activity.title), put: { activities: [activity] }, delete: {} }, seenRecords('activities', { [activity.id]: null }));
      onStatus(t.activityForm.saved(activity.title));
      return true;
    } catch (error) {
      onStatus(t.edit.saveFailed(rejectionText(error, t)));
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
        setState({ kind: 'form', draft: newDraft(layer, geometry, note()), base: null });
      });
    },
    /** The keyboard way to a new point: start at the map's centre and type the coordinates. */
    enterCoordinates(layer: LayerKind) {
      const center = adapterRef.current?.getView()?.center ?? [18.07, 59.33];
      const geometry: SupportedGeometry = { type: 'Point', coordinates: [round(center[0]), round(center[1])] };
      setState({ kind: 'form', draft: newDraft(layer, geometry, note()), base: null });
    },
    editDetails: (feature: SafetyFeature) => setState({ kind: 'form', draft: draftFromFeature(feature), base: feature }),
    reshape(feature: SafetyFeature) {
      if (!adapterRef.current?.startReshaping(feature.geometry)) return onStatus(t.edit.reshapeUnsupported);
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
    setActivityStatus,
    createActivity,
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
