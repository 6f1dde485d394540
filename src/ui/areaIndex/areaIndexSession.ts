import { useSyncExternalStore } from 'react';
import type { AreaIndexMode } from '../../domain/areaIndex';
import { err, type Result } from '../../domain/result';
import { readAreaIndexCsv, readAreaPolygons } from '../../io/areaIndex/readAreaIndexFiles';
import type { AreaIndexFailure, ParsedAreaIndexCsv, ParsedAreaPolygons, PolygonPropertyChoice } from '../../io/areaIndex/types';

/**
 * The loaded area index, in memory for the session: it survives switching tabs, not a reload.
 * Nothing of it is written to IndexedDB or sent anywhere (it is survey results, not the team's records).
 */
export interface AreaIndexSession {
  csv: { fileName: string; result: Result<ParsedAreaIndexCsv, AreaIndexFailure> } | null;
  polygons: { fileName: string; bytes: Uint8Array; choice: PolygonPropertyChoice; result: Result<ParsedAreaPolygons, AreaIndexFailure> } | null;
  reading: string | null;
  question: string | null;
  /** null: each area's latest year. */
  year: number | null;
  mode: AreaIndexMode;
  selectedKey: string | null;
  /** Bumped when a new polygon file arrives, so the view fits the map to it. */
  polygonsVersion: number;
}

const INITIAL: AreaIndexSession = { csv: null, polygons: null, reading: null, question: null, year: null, mode: 'change', selectedKey: null, polygonsVersion: 0 };

let state = INITIAL;
const listeners = new Set<() => void>();
const update = (patch: Partial<AreaIndexSession>) => {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

async function bytesOf(file: File): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    return null;
  }
}

/** A parser bug or a hostile file ends as a message, never as an uncaught error in the UI. */
function guarded<T>(read: () => Result<T, AreaIndexFailure>): Result<T, AreaIndexFailure> {
  try {
    return read();
  } catch {
    return err({ code: 'unreadable' });
  }
}

export const areaIndexActions = {
  async loadCsv(file: File) {
    update({ reading: file.name });
    const bytes = await bytesOf(file);
    const result = bytes ? guarded(() => readAreaIndexCsv(bytes, file.name)) : err<AreaIndexFailure>({ code: 'unreadable' });
    update({ reading: null, csv: { fileName: file.name, result }, question: null, year: null, selectedKey: null });
  },
  async loadPolygons(file: File) {
    update({ reading: file.name });
    const bytes = await bytesOf(file);
    const result = bytes ? guarded(() => readAreaPolygons(bytes, file.name)) : err<AreaIndexFailure>({ code: 'unreadable' });
    update({ reading: null, polygons: { fileName: file.name, bytes: bytes ?? new Uint8Array(), choice: {}, result }, selectedKey: null, polygonsVersion: state.polygonsVersion + 1 });
  },
  /** Re-reads the polygons with another name or code property. */
  chooseProperties(choice: PolygonPropertyChoice) {
    const polygons = state.polygons;
    if (!polygons) return;
    const merged = { ...polygons.choice, ...choice };
    update({ polygons: { ...polygons, choice: merged, result: guarded(() => readAreaPolygons(polygons.bytes, polygons.fileName, merged)) }, selectedKey: null });
  },
  choose(patch: Partial<Pick<AreaIndexSession, 'question' | 'year' | 'mode' | 'selectedKey'>>) {
    update(patch);
  },
  clear() {
    update({ ...INITIAL, polygonsVersion: state.polygonsVersion });
  },
};

export function useAreaIndexSession(): AreaIndexSession {
  return useSyncExternalStore(subscribe, () => state);
}
