import { publishAfterCommit } from './changeFeed';
import type { Dataset } from '../domain/dataset';
import type { TrygghetsDatabase } from './db';

export type SeedOutcome = 'seeded' | 'already-stored';

/**
 * Seeds an empty database with the shipped dataset, once. Runs in one transaction, so a failure
 * leaves the database as it was; a database that holds anything, or was seeded before, is left alone.
 */
export async function seedIfEmpty(db: TrygghetsDatabase, dataset: Dataset, datasetVersion: string): Promise<SeedOutcome> {
  return db.transaction('rw', [...db.recordTables, db.meta], async () => {
    const seeded = await db.meta.get('seed');
    const counts = await Promise.all(db.recordTables.map((t) => t.count()));
    if (seeded || counts.some((n) => n > 0)) return 'already-stored';
    await writeAll(db, dataset);
    await db.meta.put({ key: 'seed', datasetVersion, seededAt: new Date().toISOString() });
    return 'seeded';
  });
}

/** Replaces everything stored (and the edit history) with the shipped dataset, in one transaction. */
export async function restoreShippedData(db: TrygghetsDatabase, dataset: Dataset, datasetVersion: string): Promise<void> {
  await db.transaction('rw', [...db.recordTables, db.meta, db.history], async () => {
    await Promise.all(db.recordTables.map((t) => t.clear()));
    // The old edits no longer apply to the restored records.
    await db.history.clear();
    await writeAll(db, dataset);
    publishAfterCommit({ kind: 'reset' });
    await db.meta.put({ key: 'seed', datasetVersion, seededAt: new Date().toISOString() });
  });
}

async function writeAll(db: TrygghetsDatabase, dataset: Dataset): Promise<void> {
  await db.documents.bulkAdd(dataset.documents);
  await db.focusAreas.bulkAdd(dataset.focusAreas);
  await db.activities.bulkAdd(dataset.activities);
  await db.features.bulkAdd(dataset.features);
  await db.statusEntries.bulkAdd(dataset.statusEntries);
}
