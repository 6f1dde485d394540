import { useCallback, useEffect, useRef, useState } from 'react';
import { AnswersClient } from '../../analysis/answers/client';
import type { AnswerColumns } from '../../analysis/answers/columns';
import { fromTransferable, toTransferable } from '../../analysis/answers/columnsTransfer';
import type { AnswerDensity } from '../../analysis/answers/density';
import type { AnswerFilter } from '../../analysis/answers/filter';
import type { MapView } from '../../map/adapter';
import type { AnswersOnMap } from '../../map/answersLayer';
import type { AnswerSetSummary } from '../../data/answerSets';
import { store } from '../../data/store';
import { subscribeToFeed } from '../../data/changeFeed';
import { same, type Text } from '../../domain/text';
import type { AnswersImport, AnswersImportProgress } from '../../io/answers/answerRows';

export type AnswersImportState =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; progress: AnswersImportProgress; cancel(): void }
  | { kind: 'done'; fileName: string; result: AnswersImport }
  /** The reader's message in both languages, shown in the UI's (an unexpected error has only its own). */
  | { kind: 'failed'; fileName: string; message: Text };

export interface Answers {
  sets: AnswerSetSummary[];
  /** Answers held by the worker (all stored sets). */
  count: number;
  importing: AnswersImportState;
  importFile(file: File): Promise<void>;
  remove(id: string): Promise<void>;
  /** Matching answers per H3 cell, computed in the worker; null while there are none. */
  density(resolution: number, filter: AnswerFilter): Promise<AnswerDensity | null>;
  /** Matching answers in the H3 cell (EVIDENCE_RESOLUTION) of each point; null while there are none. */
  countsAt(points: readonly (readonly [number, number])[], filter: AnswerFilter): Promise<Uint32Array | null>;
  /** Shown on the map (cells zoomed out, points zoomed in)? */
  visible: boolean;
  setVisible(visible: boolean): void;
  /** What the map should draw for this view: null when hidden or there are no answers. */
  forView(view: MapView): Promise<AnswersOnMap | null>;
}

/** An unsafe place's answers are those in its H3 cell at this resolution (an edge of about 200 m, about 0.1 km²). */
export const EVIDENCE_RESOLUTION = 9;
/** Points only when zoomed in this far: a screen then holds a few thousand answers at most. */
export const POINTS_FROM_ZOOM = 13;
const MAX_POINTS = 5000;
/** The H3 resolution for a zoom level: a cell a few dozen pixels across. */
export const resolutionForZoom = (zoom: number) => (zoom < 7 ? 5 : zoom < 9 ? 6 : zoom < 11 ? 7 : zoom < POINTS_FROM_ZOOM ? 8 : 9);

/**
 * The survey answers of this browser: stored per imported set in IndexedDB, held as typed columns
 * with their spatial index in a worker (started only once there are answers), asked for counts
 * and density there. An import reads the file in chunks with progress and can be cancelled; it
 * is committed whole or not at all.
 */
export function useAnswers(): Answers {
  const client = useRef<AnswersClient | null>(null);
  const [sets, setSets] = useState<AnswerSetSummary[]>([]);
  const [count, setCount] = useState(0);
  const [importing, setImporting] = useState<AnswersImportState>({ kind: 'idle' });
  const [visible, setVisible] = useState(true);

  const worker = () => (client.current ??= AnswersClient.start());
  // Bumped whenever the worker's answers change: the map's cells for a resolution are reused until then.
  const generation = useRef(0);
  const lastCells = useRef<{ key: string; shown: AnswersOnMap } | null>(null);
  // The worker holds one filter: a filter and the query made under it run as one step, never
  // interleaved with another caller's (the planner's density and the map ask at the same time).
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const underFilter = <T,>(filter: AnswerFilter, query: (w: AnswersClient) => Promise<T>): Promise<T> => {
    const run = queue.current.then(async () => {
      const w = client.current;
      if (!w) throw new Error('no answers');
      await w.setFilter(filter);
      return query(w);
    });
    queue.current = run.catch(() => undefined);
    return run;
  };
  // Loads every stored set into the worker afresh (at start, and after a set is removed).
  const reload = useCallback(async () => {
    const [summaries, columns] = await Promise.all([store.answers.list(), store.answers.columns()]);
    setSets(summaries);
    if (!columns.length && !client.current) return setCount(0);
    const w = worker();
    generation.current++;
    let size = (await w.clear()).count;
    for (const message of columns) size = (await w.request({ type: 'append', columns: message }, transferOf(message))).count;
    setCount(size);
  }, []);

  useEffect(() => {
    void reload().catch(() => setSets([]));
    // A restored backup replaces the answers as well: load them again.
    const stop = subscribeToFeed((event) => event.kind === 'reset' && void reload().catch(() => setSets([])));
    return () => {
      stop();
      client.current?.close();
      client.current = null;
    };
  }, [reload]);

  const importFile = async (file: File) => {
    const controller = new AbortController();
    const progress: AnswersImportProgress = { fraction: 0, accepted: 0, rejected: 0 };
    setImporting({ kind: 'reading', fileName: file.name, progress, cancel: () => controller.abort() });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      // The readers (and proj4 with them) load with the first import, not with the page.
      const parse = /\.(geo)?json$/i.test(file.name)
        ? (await import('../../io/answers/parseAnswersGeoJson')).parseAnswersGeoJson
        : (await import('../../io/answers/parseAnswersCsv')).parseAnswersCsv;
      const parsed = await parse(bytes, {
        signal: controller.signal,
        // Small steps between yields: each stays well under the 50 ms a long task starts at.
        chunkCharacters: 262_144,
        survey: file.name.replace(/\.[^.]+$/, ''),
        onProgress: (p) => setImporting({ kind: 'reading', fileName: file.name, progress: p, cancel: () => controller.abort() }),
      });
      if (!parsed.ok) return setImporting({ kind: 'failed', fileName: file.name, message: parsed.error.message });
      const columns = parsed.value.columns;
      if (!columns || columns.count === 0) return setImporting({ kind: 'done', fileName: file.name, result: parsed.value });
      await commit(file.name, columns);
      setImporting({ kind: 'done', fileName: file.name, result: parsed.value });
    } catch (error) {
      setImporting({ kind: 'failed', fileName: file.name, message: same(error instanceof Error ? error.message : String(error)) });
    }
  };

  /** Stored first (IndexedDB clones the buffers), then handed to the worker (transferred). */
  const commit = async (fileName: string, columns: AnswerColumns) => {
    const { message } = toTransferable(columns);
    await store.answers.save({ id: `answers-${crypto.randomUUID()}`, fileName, importedAt: new Date().toISOString(), count: columns.count, columns: message });
    const copy = toTransferable(fromTransferable(structuredClone(message)));
    const size = await worker().request({ type: 'append', columns: copy.message }, copy.transfer);
    generation.current++;
    setCount(size.count);
    setSets(await store.answers.list());
  };

  return {
    sets,
    count,
    importing,
    importFile,
    remove: async (id) => {
      await store.answers.remove(id);
      await reload();
    },
    density: async (resolution, filter) => {
      if (!client.current || count === 0) return null;
      return underFilter(filter, (w) => w.density(resolution));
    },
    countsAt: async (points, filter) => {
      if (!client.current || count === 0) return null;
      const packed = new Float64Array(points.length * 2);
      points.forEach(([lon, lat], k) => ((packed[2 * k] = lon), (packed[2 * k + 1] = lat)));
      return (await underFilter(filter, (w) => w.countsAt(packed, EVIDENCE_RESOLUTION))).counts;
    },
    visible,
    setVisible,
    forView: async (view) => {
      if (!client.current || count === 0 || !visible) return null;
      return underFilter({}, async (w): Promise<AnswersOnMap> => {
        if (view.zoom >= POINTS_FROM_ZOOM) {
          const shown = await w.inView(view.bounds, MAX_POINTS);
          if (shown.positions && shown.count <= MAX_POINTS) return { kind: 'points', positions: shown.positions };
        }
        // The cells are every answer's at the zoom's resolution, wherever the view is: a pan at the same
        // zoom gets the same ones, so they are not asked for, outlined and handed to MapLibre again
        // (at 200 000 answers that was a 60–200 ms task per pan).
        const resolution = resolutionForZoom(view.zoom);
        const key = `${generation.current}|${resolution}`;
        if (lastCells.current?.key === key) return lastCells.current.shown;
        const density = await w.density(resolution);
        // H3 in the page only once there are cells to draw.
        const { cellPolygon } = await import('../../analysis/density');
        const cells = density.cells.map((h3, i) => ({ h3, count: density.counts[i] ?? 0, polygon: cellPolygon(h3) }));
        const shown: AnswersOnMap = { kind: 'cells', cells, max: cells[0]?.count ?? 1 };
        lastCells.current = { key, shown };
        return shown;
      });
    },
  };
}

function transferOf(message: { lon: ArrayBuffer; lat: ArrayBuffer; year: ArrayBuffer; timeOfDay: ArrayBuffer; reasons: ArrayBuffer; survey: ArrayBuffer }): ArrayBuffer[] {
  return [message.lon, message.lat, message.year, message.timeOfDay, message.reasons, message.survey];
}
