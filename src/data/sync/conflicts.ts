import { RECORD_TABLES, type ChangeSet, type RecordTable } from '../../domain/changes';
import type { MunicipalityLocator } from '../../domain/places/municipalityLocator';
import type { ConflictResponse } from '../../domain/sync/push';
import type { OutboxEntry, TrygghetsDatabase } from '../db';
import { ChangeRejected, checkedApply } from '../history';
import { versionKey } from './outbox';

export type Conflict = ConflictResponse['conflicts'][number];

/** The conflicts the server reported for the first blocked change, with my version of each record. */
export interface OpenConflict {
  entry: OutboxEntry;
  records: (Conflict & { mine: unknown })[];
}

export async function readOpenConflict(db: TrygghetsDatabase): Promise<OpenConflict | null> {
  const entry = await db.outbox.orderBy('seq').first();
  if (!entry || entry.state !== 'conflict') return null;
  const conflicts = ((entry.detail as ConflictResponse | null)?.conflicts ?? []) as Conflict[];
  const records = await Promise.all(
    conflicts.map(async (c) => ({ ...c, mine: (await (db[c.table] as unknown as import('dexie').Table<{ id: string }, string>).get(c.id)) ?? null })),
  );
  return { entry, records };
}

/**
 * Keep mine: the change is sent again, now based on the versions the server has, so it knowingly
 * replaces theirs. Nothing is overwritten without this choice.
 */
export async function keepMine(db: TrygghetsDatabase, conflict: OpenConflict): Promise<void> {
  const baseVersions: OutboxEntry['baseVersions'] = structuredClone(conflict.entry.baseVersions);
  for (const c of conflict.records) (baseVersions[c.table] ??= {})[c.id] = c.currentVersion;
  await db.outbox.update(conflict.entry.seq!, { baseVersions, state: 'pending', detail: null });
}

/**
 * Take theirs: my blocked change is dropped (all of it: it was one edit) and their version of
 * each conflicting record is stored here, through the write door, at the server's version.
 */
export async function takeTheirs(db: TrygghetsDatabase, conflict: OpenConflict, locator: MunicipalityLocator | null): Promise<void> {
  const change: ChangeSet = { label: conflict.entry.change.label, put: {}, delete: {} };
  for (const c of conflict.records) {
    if (c.current === null) (change.delete[c.table] ??= []).push(c.id);
    else ((change.put as Record<RecordTable, unknown[]>)[c.table] ??= []).push(c.current);
  }
  await db.transaction('rw', [...db.recordTables, db.history, db.outbox, db.versions], async () => {
    await db.outbox.delete(conflict.entry.seq!);
    if (RECORD_TABLES.some((t) => change.put[t]?.length || change.delete[t]?.length)) await checkedApply(db, change, locator);
    await db.versions.bulkPut(conflict.records.map((c) => ({ key: versionKey(c.table, c.id), version: c.currentVersion })));
  });
}

/** The first queued change, when the server refused it for good (403/422): pushing stops there until the user drops it. */
export async function readRejected(db: TrygghetsDatabase): Promise<OutboxEntry | null> {
  const entry = await db.outbox.orderBy('seq').first();
  return entry?.state === 'rejected' ? entry : null;
}

/**
 * Drop a refused change: it leaves the outbox, so the changes queued after it go out, and it is
 * undone here (through the write door) so this browser does not keep what the team never gets.
 * When the undo no longer fits (a later edit built on it), the change stays here, unsent.
 */
export async function dropRejected(db: TrygghetsDatabase, entry: OutboxEntry, locator: MunicipalityLocator | null): Promise<void> {
  await db.transaction('rw', [...db.recordTables, db.history, db.outbox, db.versions], async () => {
    await db.outbox.delete(entry.seq!);
    if (!entry.inverse) return;
    try {
      await checkedApply(db, entry.inverse, locator);
    } catch (error) {
      // Refused before anything was written: the transaction goes on, the entry is gone.
      if (!(error instanceof ChangeRejected)) throw error;
    }
  });
}
