import { useEffect, useMemo, useState } from 'react';
import type { DatasetIndex } from '../../domain/dataset';
import type { LayerKind } from '../../domain/layers';
import type { MunicipalityLocator } from '../../domain/places/municipalityLocator';
import { getMunicipalityLocator } from '../../data/store';
import { appExportPlan } from '../../io/appExport';
import { candidatesToFeatures, type ImportPlan } from '../../io/candidatesToFeatures';
import { adviseImport, defaultLayer, layersFor, type ImportAdvice } from '../../io/importAdvice';
import type { ParsedImport } from '../../io/importTypes';
import { keysHeldElsewhere } from '../../io/naming';

/** 'loading' until the polygons are read; null when the build has none (then nothing can be imported). */
export type LocatorState = MunicipalityLocator | null | 'loading';

/** The municipality polygons, loaded once per app and shared with the write door. */
export function useMunicipalityLocator(): LocatorState {
  const [state, setState] = useState<LocatorState>('loading');
  useEffect(() => {
    let live = true;
    getMunicipalityLocator().then(
      (locator) => live && setState(locator),
      () => live && setState(null),
    );
    return () => void (live = false);
  }, []);
  return state;
}

const newId = () => `import-${crypto.randomUUID()}`;

export interface ImportPreviewState {
  layers: LayerKind[];
  layer: LayerKind | null;
  plan: (ImportPlan & { replaced?: number }) | null;
  advice: ImportAdvice[];
}

/** What the preview shows for the current choices: pure functions of the parsed file, recomputed on change. */
export function useImportPlan(
  parsed: ParsedImport | null,
  chosen: LayerKind | null,
  activityIds: string[],
  index: DatasetIndex,
  exclude: ReadonlySet<string>,
  locator: LocatorState,
): ImportPreviewState {
  const layers = useMemo(() => (parsed ? layersFor(parsed) : []), [parsed]);
  const layer = chosen && layers.includes(chosen) ? chosen : (defaultLayer(parsed) ?? layers[0] ?? null);
  const located = locator === 'loading' ? null : locator;
  const plan = useMemo(() => {
    if (!parsed) return null;
    if (parsed.appExport) return appExportPlan(parsed.appExport, index, located);
    if (!layer) return null;
    return candidatesToFeatures(parsed.candidates, layer, activityIds, parsed.fileName, index, newId, { locator: located, omitKeys: keysHeldElsewhere(parsed), exclude });
  }, [parsed, layer, activityIds, index, exclude, located]);
  const advice = useMemo(
    () => (parsed ? adviseImport({ parsed, layer, plan, activityIds, locatorAvailable: locator !== null }) : []),
    [parsed, layer, plan, activityIds, locator],
  );
  return { layers, layer, plan, advice };
}
