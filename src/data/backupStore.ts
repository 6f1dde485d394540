import { publishAfterCommit } from './changeFeed';
import { checkIntegrity } from '../domain/rules/integrity';
import { checkHistory } from '../domain/rules/historyReplay';
import { isBlocking } from '../domain/rules/lookup';
import type { MunicipalityLocator } from '../domain/places/municipalityLocator';
import type { BackupContent } from '../io/backup';
import type { TrygghetsDatabase } from './db';
import { ChangeRejected } from './history';

/** Everything stored, for a backup file. */
export async function readBackupContent(db: TrygghetsDatabase): Promise<BackupContent> {
  return db.transaction('r', [...db.recordTables, db.history, db.answerSets], async () => {
    const [documents, focusAreas, activities, features, statusEntries, contacts, history, answerSets] = await Promise.all([
      db.documents.toArray(),
      db.focusAreas.toArray(),
      db.activities.toArray(),
      db.features.toArray(),
      db.statusEntries.toArray(),
      db.contacts.toArray(),
      db.history.orderBy('seq').toArray(),
      db.answerSets.orderBy('importedAt').toArray(),
    ]);
    return { documents, focusAreas, activities, features, statusEntries, contacts, answerSets, history: history.map(({ seq: _seq, ...entry }) => entry) };
  });
}

/**
 * The restore door: a backup passes the same rules as every edit (links, the sensitive-place
 * rule, inside Sweden, the right municipality), and its history must replay cleanly on its own
 * data, or it is refused whole and nothing is written. The issues name each record.
 */
export function checkBackup(content: BackupContent, locator: MunicipalityLocator | null) {
  const issues = checkIntegrity(content, { locator }).filter(isBlocking);
  return issues.length ? issues : checkHistory(content, content.history, locator);
}

/** Replaces everything stored with a backup's content, in one transaction: all of it or none. */
export async function restoreBackup(db: TrygghetsDatabase, content: BackupContent, locator: MunicipalityLocator | null): Promise<void> {
  const issues = checkBackup(content, locator);
  if (issues.length) throw new ChangeRejected(issues);
  await db.transaction('rw', [...db.recordTables, db.history, db.meta, db.answerSets], async () => {
    // Everything is replaced, the survey answers too: a backup without them (older versions) leaves none.
    await Promise.all([...db.recordTables, db.history, db.answerSets].map((t) => t.clear()));
    await db.documents.bulkAdd(content.documents);
    await db.focusAreas.bulkAdd(content.focusAreas);
    await db.activities.bulkAdd(content.activities);
    await db.features.bulkAdd(content.features);
    await db.statusEntries.bulkAdd(content.statusEntries);
    await db.contacts.bulkAdd(content.contacts);
    await db.history.bulkAdd(content.history.map((entry) => ({ ...entry })));
    await db.answerSets.bulkAdd(content.answerSets ?? []);
    publishAfterCommit({ kind: 'reset' });
    await db.meta.put({ key: 'seed', datasetVersion: 'backup', seededAt: new Date().toISOString() });
  });
}
