import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { TrygghetsDatabase } from '../data/db';
import { readDataset, type StoredDataset } from '../data/readDataset';
import { seedIfEmpty } from '../data/seed';
import { SHIPPED_DATASET_VERSION, shippedDataset } from '../data/shipped';

export type StorageState =
  | { kind: 'loading' }
  | { kind: 'ready'; stored: StoredDataset }
  | { kind: 'unavailable'; reason: string; stored: StoredDataset | null };

const database = new TrygghetsDatabase();
export const getDatabase = () => database;

/** Opens IndexedDB, seeds it on first start, then follows every change live. */
export function useStoredData(): StorageState {
  const [seedError, setSeedError] = useState<string | null>(null);
  const [seeded, setSeeded] = useState(false);

  useEffect(() => {
    if (!shippedDataset.ok) return;
    seedIfEmpty(database, shippedDataset.value, SHIPPED_DATASET_VERSION)
      .then(() => setSeeded(true))
      .catch((error: unknown) => setSeedError(error instanceof Error ? error.message : String(error)));
  }, []);

  const stored = useLiveQuery(() => (seeded ? readDataset(database) : undefined), [seeded]);

  if (seedError)
    return {
      kind: 'unavailable',
      reason: seedError,
      stored: shippedDataset.ok ? { dataset: shippedDataset.value, issues: [] } : null,
    };
  if (!shippedDataset.ok) return { kind: 'unavailable', reason: 'shipped-invalid', stored: null };
  return stored ? { kind: 'ready', stored } : { kind: 'loading' };
}
