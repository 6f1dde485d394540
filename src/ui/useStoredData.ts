import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { classifyStorageError, watchDatabase, type StorageFailure, type StorageProblem } from '../data/databaseHealth';
import { getDatabase, getMunicipalityLocator } from '../data/store';
import { readDataset, type StoredDataset } from '../data/readDataset';
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
const SHIPPED: StoredDataset | null = shippedDataset.ok ? { dataset: shippedDataset.value, issues: [] } : null;

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

  // A failed read must not throw in render (useLiveQuery rethrows): it becomes a failure like the others.
  const read = useLiveQuery(
    (): Promise<Read> | undefined =>
      seeded
        ? readDataset(database).then(
            (stored): Read => ({ ok: true, stored }),
            (error: unknown): Read => ({ ok: false, failure: classifyStorageError(error) }),
          )
        : undefined,
    [seeded],
  );
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
