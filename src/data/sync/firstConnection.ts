import { publishAfterCommit } from '../changeFeed';
import { RECORD_TABLES, type ChangeSet, type RecordTable } from '../../domain/changes';
import type { Dataset } from '../../domain/dataset';
import type { Issue } from '../../domain/result';
import type { Writer } from '../../domain/rules/writePermission';
import { changeSize, localEdits, splitByPermission } from '../../domain/sync/localEdits';
import type { OutboxEntry, TrygghetsDatabase } from '../db';
import { readDataset } from '../readDataset';

/** What this browser holds that the team server does not, at its first connection. */
export interface LocalEditsAtJoin {
  /** Everything edited here, against the shipped data the server starts from. */
  all: ChangeSet;
  /** What the signed-in user may send (the server's own permission rule). */
  allowed: ChangeSet;
  /** What they may not (another municipality's records, say): kept apart whatever they choose. */
  refused: { table: RecordTable; id: string; issues: Issue[] }[];
  count: number;
}

/**
 * Null when there is nothing to decide: the browser joined before (it has a cursor or answered
 * the question), or holds nothing but the shipped data. Otherwise its edits, split by what the
 * user may write; the sync engine must not start before the user has chosen.
 */
export async function readLocalEditsAtJoin(db: TrygghetsDatabase, shipped: Dataset, writer: Writer, label: string): Promise<LocalEditsAtJoin | null> {
  const [joined, cursor] = await Promise.all([db.syncMeta.get('joined'), db.syncMeta.get('cursor')]);
  if (joined || cursor) return null;
  const { dataset } = await readDataset(db);
  const all = localEdits(dataset, shipped, label);
  const count = changeSize(all);
  if (count === 0) {
    await markJoined(db);
    return null;
  }
  const { allowed, refused } = splitByPermission(all, dataset, shipped, writer);
  return { all, allowed, refused, count };
}

/**
 * Upload: the allowed edits go to the outbox as one change set of the user's, based on the
 * shipped versions (0) of the records the server was seeded with, so a record someone changed on
 * the server since is a conflict shown side by side, not an overwrite. What the user may not
 * send is put back as shipped here (the caller has saved a backup file of it first).
 */
export async function uploadLocalEdits(db: TrygghetsDatabase, edits: LocalEditsAtJoin, shipped: Dataset): Promise<void> {
  await db.transaction('rw', [...db.recordTables, db.outbox, db.syncMeta], async () => {
    if (changeSize(edits.allowed) > 0) await db.outbox.add({ changeId: crypto.randomUUID(), change: edits.allowed, baseVersions: shippedBases(edits.allowed, shipped), state: 'pending' });
    await revert(db, edits.refused, shipped);
    publishAfterCommit({ kind: 'reset' });
    await markJoined(db);
  });
}

/**
 * Keep apart: this browser starts from the team's data (the shipped data, then the server's
 * log from the beginning); the local edits leave the database (the caller has saved them as a
 * backup file, which can be restored in a browser that is not signed in).
 */
export async function keepLocalEditsApart(db: TrygghetsDatabase, shipped: Dataset): Promise<void> {
  await db.transaction('rw', [...db.recordTables, db.history, db.outbox, db.versions, db.syncMeta], async () => {
    await Promise.all([...db.recordTables.map((t) => t.clear()), db.history.clear(), db.outbox.clear(), db.versions.clear(), db.syncMeta.clear()]);
    await db.documents.bulkAdd(shipped.documents);
    await db.focusAreas.bulkAdd(shipped.focusAreas);
    await db.activities.bulkAdd(shipped.activities);
    await db.features.bulkAdd(shipped.features);
    await db.statusEntries.bulkAdd(shipped.statusEntries);
    publishAfterCommit({ kind: 'reset' });
    await markJoined(db);
  });
}

const markJoined = (db: TrygghetsDatabase) => db.syncMeta.put({ key: 'joined', value: new Date().toISOString() });

function shippedBases(change: ChangeSet, shipped: Dataset): OutboxEntry['baseVersions'] {
  const bases: OutboxEntry['baseVersions'] = {};
  for (const table of RECORD_TABLES) {
    const known = new Set(shipped[table].map((r) => r.id));
    const ids = [...(change.put[table] ?? []).map((r) => r.id), ...(change.delete[table] ?? [])];
    if (ids.length) bases[table] = Object.fromEntries(ids.map((id) => [id, known.has(id) ? 0 : null]));
  }
  return bases;
}

/** Puts each refused record back as shipped (or removes it, if it is not shipped). */
async function revert(db: TrygghetsDatabase, refused: LocalEditsAtJoin['refused'], shipped: Dataset): Promise<void> {
  for (const { table, id } of refused) {
    const original = (shipped[table] as { id: string }[]).find((r) => r.id === id);
    const target = db[table] as unknown as import('dexie').Table<{ id: string }, string>;
    if (original) await target.put(original);
    else await target.delete(id);
  }
}
