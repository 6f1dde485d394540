import { useEffect, useRef, useState } from 'react';
import { classifyStorageError, watchDatabase, type StorageFailure, type StorageProblem } from '../data/databaseHealth';
import { getDatabase, getMunicipalityLocator } from '../data/store';
import { checkStored, readDataset, readDatasetUnchecked, storedRecordsDistrusted, trustStoredRecordsAgain, type StoredDataset } from '../data/readDataset';
import type { Dataset } from '../domain/dataset';
import type { Issue } from '../domain/result';
import { LiveView, type ViewSnapshot } from '../data/liveView';
import { subscribeToFeed, type FeedEvent } from '../data/changeFeed';
import { seedIfEmpty } from '../data/seed';
import { SHIPPED_DATASET_VERSION, shippedDataset } from '../data/shipped';

/**
 * What the app can do with its database. 'unavailable' always says why (`reason`) and carries the
 * data to show read-only: the shipped dataset, or what was last read from the database when
 * another tab took it over. Nothing can be saved in that state.
 */
export type StorageState =
  | { kind: 'loading' }
  | { kind: 'ready'; stored: StoredDataset }
  | { kind: 'unavailable'; reason: StorageProblem | 'shipped-invalid'; detail: string; stored: StoredDataset | null };

const database = getDatabase();
// Watched from the moment the app loads, before any component queries the database.
const health = watchDatabase(database);
// One object, so a failure does not rebuild the map and the table on every render.
const SHIPPED: StoredDataset | null = shippedDataset.ok ? snapshotStored(new LiveView(shippedDataset.value).snapshot()) : null;

type Read = { ok: true; stored: StoredDataset } | { ok: false; failure: StorageFailure };

/** Opens IndexedDB, seeds it on first start, then follows every change live; says plainly when it cannot. */
export function useStoredData(): StorageState {
  const [failure, setFailure] = useState<StorageFailure | null>(null);
  const [seeded, setSeeded] = useState(false);

  useEffect(() => {
    // Loaded now, not at the first edit: an edit made offline must still be checked.
    void getMunicipalityLocator();
    if (!shippedDataset.ok) return;
    const dataset = shippedDataset.value;
    let live = true;
    const unsubscribe = health.subscribe((f) => live && setFailure(f));
    health
      .open()
      .then(async (openFailure) => {
        if (openFailure) throw openFailure;
        await seedIfEmpty(database, dataset, SHIPPED_DATASET_VERSION);
        if (!live) return;
        // A blocked upgrade that went through once the other tab let go: all is well again.
        setFailure(null);
        setSeeded(true);
      })
      .catch((error: unknown) => {
        if (live) setFailure(isFailure(error) ? error : classifyStorageError(error));
      });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  // Read once, then follow what the write door commits (this tab's, other tabs', pulled changes):
  // the view applies each change set instead of re-reading and re-validating every record.
  const [read, setRead] = useState<Read | undefined>(undefined);
  useEffect(() => {
    if (!seeded) return;
    let live = true;
    let view: LiveView | null = null;
    // Changes committed while the database is being read wait, and are applied after (applying one twice is harmless).
    let waiting: FeedEvent[] | null = [];
    const publish = (v: LiveView) => live && setRead({ ok: true, stored: snapshotStored(v.snapshot()) });
    const start = (dataset: Dataset, issues: Issue[]) => {
      if (view) view.reset(dataset, issues);
      else view = new LiveView(dataset, issues);
      const queued = waiting ?? [];
      waiting = null;
      for (const event of queued) if (event.kind === 'change') view.apply(event.change);
      publish(view);
    };
    const failed = (error: unknown) => live && setRead({ ok: false, failure: classifyStorageError(error) });
    // The view is built from the records as stored (they passed the write door's schema), then
    // checked in the background; a record damaged outside the door brings a re-read through the
    // schema, which leaves it out and reports it (readDataset.ts).
    let reading = 0;
    const load = (checked = false) => {
      waiting ??= [];
      const read = ++reading;
      if (checked || storedRecordsDistrusted())
        return void readDataset(database).then((stored) => {
          if (!stored.issues.length) trustStoredRecordsAgain();
          if (live) start(stored.dataset, stored.issues);
        }, failed);
      readDatasetUnchecked(database).then((dataset) => {
        if (!live) return;
        start(dataset, []);
        void checkStored(dataset, () => !live || read !== reading).then((ok) => {
          if (ok === false && live && read === reading) load(true);
        });
      }, failed);
    };
    const unsubscribe = subscribeToFeed((event) => {
      if (waiting) return void waiting.push(event);
      if (event.kind === 'reset' || !view) return load();
      view.apply(event.change);
      publish(view);
    });
    load();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [seeded]);
  const lastRead = useRef<StoredDataset | null>(null);
  if (read?.ok) lastRead.current = read.stored;

  if (!SHIPPED) return { kind: 'unavailable', reason: 'shipped-invalid', detail: '', stored: null };
  const problem = failure ?? (read && !read.ok ? read.failure : null);
  if (problem) {
    // Another tab took the database over after we read it: what we read is still the truth, read-only.
    const stored = problem.problem === 'upgraded-elsewhere' && lastRead.current ? lastRead.current : SHIPPED;
    return { kind: 'unavailable', reason: problem.problem, detail: problem.detail, stored };
  }
  return read?.ok ? { kind: 'ready', stored: read.stored } : { kind: 'loading' };
}

function isFailure(value: unknown): value is StorageFailure {
  return typeof value === 'object' && value !== null && 'problem' in value && 'detail' in value && !(value instanceof Error);
}

/** The view's state as the app reads it: the records, and (with them) the derived index and rows. */
function snapshotStored(snapshot: ViewSnapshot): StoredDataset {
  return { dataset: snapshot.dataset, issues: snapshot.issues, snapshot };
}
