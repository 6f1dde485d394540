import { publishAfterCommit } from '../changeFeed';
import type { Dataset } from '../../domain/dataset';
import type { MunicipalityLocator } from '../../domain/places/municipalityLocator';
import type { TrygghetsDatabase } from '../db';
import { checkedApply } from '../history';

/**
 * The server's log ends before this browser's cursor: it was restored from a backup taken
 * earlier, and what this browser pulled after that point no longer exists on the server. Start
 * again from the shipped data (the server's version 0) and pull the whole log; the edits still
 * waiting in the outbox stay queued and are applied here again, so they are neither lost nor
 * sent blindly (their base versions no longer match, so the server answers with a conflict to
 * decide). The local undo steps are dropped: they refer to records as they were before.
 */
export async function restartFromShipped(db: TrygghetsDatabase, shipped: Dataset, locator: MunicipalityLocator | null): Promise<void> {
  await db.transaction('rw', [...db.recordTables, db.history, db.outbox, db.versions, db.syncMeta], async () => {
    await Promise.all([...db.recordTables.map((t) => t.clear()), db.history.clear(), db.versions.clear()]);
    await db.documents.bulkAdd(shipped.documents);
    await db.focusAreas.bulkAdd(shipped.focusAreas);
    await db.activities.bulkAdd(shipped.activities);
    await db.features.bulkAdd(shipped.features);
    await db.statusEntries.bulkAdd(shipped.statusEntries);
    for (const entry of await db.outbox.orderBy('seq').toArray()) {
      // A queued change that no longer fits (its records are gone) stays queued: the server says why.
      await checkedApply(db, entry.change, locator).catch(() => undefined);
    }
    publishAfterCommit({ kind: 'reset' });
    await db.syncMeta.bulkPut([
      { key: 'cursor', value: 0 },
      { key: 'acked', value: [] },
    ]);
  });
}
