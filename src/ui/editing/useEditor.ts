import { useCallback, useState, type RefObject } from 'react';
import { deleteFeatures, putFeatures } from '../../domain/changes';
import type { SupportedGeometry } from '../../domain/geometry';
import type { LayerKind } from '../../domain/layers';
import type { SafetyFeature } from '../../domain/safetyFeature';
import type { ChangeSet } from '../../domain/changes';
import { getMunicipalityLocator, store } from '../../data/store';
import { withLocatedMunicipality } from '../../domain/places/municipalityLocator';
import type { DrawableType } from '../../map/draw';
import type { MapAdapter } from '../../map/adapter';
import { formatDate, useI18n } from '../i18n';
import { rejectionText } from '../rejection';
import { draftFromFeature, newDraft, type FeatureDraft } from './featureDraft';

export type EditorState =
  | { kind: 'idle' }
  | { kind: 'choosing' }
  | { kind: 'drawing'; layer: LayerKind; type: DrawableType }
  | { kind: 'form'; draft: FeatureDraft }
  | { kind: 'reshaping'; feature: SafetyFeature };

/** The planner's editing session: which step they are in, and the actions that write changes. */
export function useEditor(adapterRef: RefObject<MapAdapter | null>, onStatus: (message: string) => void, onSaved: (featureId: string | null) => void) {
  const { t, language } = useI18n();
  const [state, setState] = useState<EditorState>({ kind: 'idle' });

  const stop = useCallback(() => {
    adapterRef.current?.stopDrafting();
    setState({ kind: 'idle' });
  }, [adapterRef]);

  const write = async (change: ChangeSet, success: string, selectAfter: string | null) => {
    try {
      // Drawn or reshaped, a place belongs to the municipality it now lies in.
      const locator = await getMunicipalityLocator();
      const features = change.put.features?.map((f) => withLocatedMunicipality(f, locator));
      await store.perform(features ? { ...change, put: { ...change.put, features } } : change);
      onStatus(success);
      onSaved(selectAfter);
      stop();
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
        setState({ kind: 'form', draft: newDraft(layer, geometry, note()) });
      });
    },
    /** The keyboard way to a new point: start at the map's centre and type the coordinates. */
    enterCoordinates(layer: LayerKind) {
      const center = adapterRef.current?.getView()?.center ?? [18.07, 59.33];
      const geometry: SupportedGeometry = { type: 'Point', coordinates: [round(center[0]), round(center[1])] };
      setState({ kind: 'form', draft: newDraft(layer, geometry, note()) });
    },
    editDetails: (feature: SafetyFeature) => setState({ kind: 'form', draft: draftFromFeature(feature) }),
    reshape(feature: SafetyFeature) {
      if (!adapterRef.current?.startReshaping(feature.geometry)) return onStatus(t.edit.reshapeUnsupported);
      setState({ kind: 'reshaping', feature });
    },
    async saveShape() {
      if (state.kind !== 'reshaping') return;
      const geometry = adapterRef.current?.draftGeometry();
      if (!geometry) return stop();
      const feature = { ...state.feature, geometry } as SafetyFeature;
      await write(putFeatures(t.edit.labels.reshape(feature.name), [feature]), t.edit.saved(feature.name), feature.id);
    },
    async save(feature: SafetyFeature) {
      const existed = state.kind === 'form' && state.draft.id !== null;
      const label = existed ? t.edit.labels.change(feature.name) : t.edit.labels.add(feature.name);
      await write(putFeatures(label, [feature]), t.edit.saved(feature.name), feature.id);
    },
    async remove(feature: SafetyFeature) {
      await write(deleteFeatures(t.edit.labels.remove(feature.name), [feature.id]), t.edit.removed(feature.name), null);
    },
    cancel: stop,
  };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
