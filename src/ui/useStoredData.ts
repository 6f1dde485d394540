import { useEffect, useRef, useState } from 'react';
import { classifyStorageError, watchDatabase, type StorageFailure, type StorageProblem } from '../data/databaseHealth';
import { getDatabase, getMunicipalityLocator } from '../data/store';
import { checkStored, readDataset, readDatasetUnchecked, storedRecordsDistrusted, trustStoredRecordsAgain, type StoredDataset } from '../data/readDataset';
import type { Dataset } from '../domain/dataset';
import { RECORD_TABLES, touchedIds, type ChangeSet } from '../domain/changes';
import { RECORD_SCHEMAS } from '../domain/rules/recordSchema';
import { dropSnapshot, readSnapshot, snapshotDataset, verifySnapshot } from '../data/startupSnapshot';
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
  | { kind: 'ready'; stored: StoredDataset; readFrom: ReadFrom }
  | { kind: 'unavailable'; reason: StorageProblem | 'shipped-invalid'; detail: string; stored: StoredDataset | null };

const database = getDatabase();
// Watched from the moment the app loads, before any component queries the database.
const health = watchDatabase(database);
// One object, so a failure does not rebuild the map and the table on every render.
const SHIPPED: StoredDataset | null = shippedDataset.ok ? snapshotStored(new LiveView(shippedDataset.value).snapshot()) : null;

/** Where the first view came from: the start-up snapshot (checked by a worker after) or the tables. */
export type ReadFrom = 'snapshot' | 'tables';
type Read = { ok: true; stored: StoredDataset; readFrom: ReadFrom } | { ok: false; failure: StorageFailure };

const SNAPSHOT_CHECK_DELAY_MS = 300;
const SNAPSHOT_REFRESH_DELAY_MS = 3000;

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
        // Start-up's phases as User Timing marks (tk:…), for a profile or the benchmark to read.
        performance.mark('tk:database-open');
        await seedIfEmpty(database, dataset, SHIPPED_DATASET_VERSION);
        performance.mark('tk:seeded');
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
    let readFrom: ReadFrom = 'tables';
    // Changes committed while the database is being read wait, and are applied after (applying one twice is harmless).
    let waiting: FeedEvent[] | null = [];
    // What the feed changed since the view was started: newer than anything a snapshot check found.
    const touched = new Set<string>();
    const publish = (v: LiveView) => live && setRead({ ok: true, stored: snapshotStored(v.snapshot()), readFrom });
    const follow = (change: ChangeSet) => {
      for (const table of RECORD_TABLES) for (const id of touchedIds(change, table)) touched.add(`${table}/${id}`);
      view!.apply(change);
    };
    const start = (dataset: Dataset, issues: Issue[], from: ReadFrom) => {
      if (view) view.reset(dataset, issues);
      else view = new LiveView(dataset, issues);
      readFrom = from;
      touched.clear();
      const queued = waiting ?? [];
      waiting = null;
      for (const event of queued) if (event.kind === 'change') follow(event.change);
      publish(view);
    };
    const failed = (error: unknown) => live && setRead({ ok: false, failure: classifyStorageError(error) });
    // The view is built from the records as stored (they passed the write door's schema), then
    // checked in the background; a record damaged outside the door brings a re-read through the
    // schema, which leaves it out and reports it (readDataset.ts). At the first read the records
    // come from the start-up snapshot when there is one, and a worker checks it against the
    // tables (startupSnapshot.ts).
    let reading = 0;
    const load = (checked = false, fromSnapshot = false) => {
      waiting ??= [];
      const read = ++reading;
      const current = () => live && read === reading;
      if (checked || storedRecordsDistrusted())
        return void readDataset(database).then((stored) => {
          if (!stored.issues.length) trustStoredRecordsAgain();
          if (!live) return;
          start(stored.dataset, stored.issues, 'tables');
          refreshSnapshot.soon();
        }, failed);
      const records = fromSnapshot ? readSnapshot(database) : Promise.resolve(null);
      void records
        .then(async (snapshot) => (snapshot ? { dataset: snapshotDataset(snapshot), stamp: snapshot.stamp } : { dataset: await readDatasetUnchecked(database), stamp: null }))
        .then(({ dataset, stamp }) => {
          if (!live) return;
          performance.mark('tk:records-read');
          start(dataset, [], stamp ? 'snapshot' : 'tables');
          performance.mark('tk:view-built');
          void checkStored(dataset, () => !current()).then((ok) => {
            if (ok === false && current()) load(true);
          });
          if (!stamp) return refreshSnapshot.soon();
          // After the first frames: the worker's read of every table must not slow this one's start.
          setTimeout(() => {
            void verifySnapshot(database.name, stamp).then((verdict) => {
              if (!current()) return;
              if (verdict.kind === 'same') return;
              if (verdict.kind !== 'changed') return load();
              const change = newerThanFeed(verdict.change, touched);
              // Records changed outside the door are checked as the background check would.
              if (!changeIsValid(change)) return load(true);
              view!.apply(change);
              publish(view!);
            });
          }, SNAPSHOT_CHECK_DELAY_MS);
        }, failed);
    };
    // After edits, a new snapshot a little later, so the next start shows them at once.
    const refreshSnapshot = debounced(() => live && void verifySnapshot(database.name, null), SNAPSHOT_REFRESH_DELAY_MS);
    const unsubscribe = subscribeToFeed((event) => {
      if (waiting) return void waiting.push(event);
      if (event.kind === 'reset' || !view) {
        // Everything was replaced (a restore, another team's data): the old snapshot must not show again at the next start.
        if (event.kind === 'reset') void dropSnapshot(database);
        return load();
      }
      follow(event.change);
      publish(view);
      refreshSnapshot.soon();
    });
    load(false, true);
    return () => {
      live = false;
      refreshSnapshot.cancel();
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
  return read?.ok ? { kind: 'ready', stored: read.stored, readFrom: read.readFrom } : { kind: 'loading' };
}

function isFailure(value: unknown): value is StorageFailure {
  return typeof value === 'object' && value !== null && 'problem' in value && 'detail' in value && !(value instanceof Error);
}

/** The view's state as the app reads it: the records, and (with them) the derived index and rows. */
function snapshotStored(snapshot: ViewSnapshot): StoredDataset {
  return { dataset: snapshot.dataset, issues: snapshot.issues, snapshot };
}

/** The change a snapshot check found, without what the feed has changed since (the feed is newer). */
function newerThanFeed(change: ChangeSet, touched: ReadonlySet<string>): ChangeSet {
  const kept: ChangeSet = { label: change.label, put: {}, delete: {} };
  for (const table of RECORD_TABLES) {
    const put = (change.put[table] ?? []).filter((r) => !touched.has(`${table}/${r.id}`));
    const gone = (change.delete[table] ?? []).filter((id) => !touched.has(`${table}/${id}`));
    if (put.length) (kept.put as Record<string, unknown[]>)[table] = put;
    if (gone.length) kept.delete[table] = gone;
  }
  return kept;
}

function changeIsValid(change: ChangeSet): boolean {
  return RECORD_TABLES.every((table) => (change.put[table] ?? []).every((record) => RECORD_SCHEMAS[table].safeParse(record).success));
}

function debounced(run: () => void, ms: number): { soon: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    soon: () => {
      clearTimeout(timer);
      timer = setTimeout(run, ms);
    },
    cancel: () => clearTimeout(timer),
  };
}
