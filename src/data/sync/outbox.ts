import { RECORD_TABLES, touchedIds, type ChangeSet, type RecordTable } from '../../domain/changes';
import type { OutboxEntry, TrygghetsDatabase } from '../db';

export const versionKey = (table: RecordTable, id: string) => `${table}/${id}`;

/**
 * The server versions a local change is based on: the version
 * last seen for each touched record; a record never seen from the server is a shipped one
 * (version 0, as the server seeds them) if it exists here, or new (null). Read inside the
 * writing transaction, before the change is applied.
 */
export async function baseVersionsOf(db: TrygghetsDatabase, change: ChangeSet): Promise<OutboxEntry['baseVersions']> {
  const baseVersions: OutboxEntry['baseVersions'] = {};
  for (const table of RECORD_TABLES) {
    const ids = touchedIds(change, table);
    if (!ids.length) continue;
    const [known, existing] = await Promise.all([db.versions.bulkGet(ids.map((id) => versionKey(table, id))), (db[table] as unknown as import('dexie').Table<{ id: string }, string>).bulkGet(ids)]);
    baseVersions[table] = Object.fromEntries(ids.map((id, i) => [id, known[i] ? known[i]!.version : existing[i] ? 0 : null]));
  }
  return baseVersions;
}

/** Queues `change` (already applied here; `inverse` undoes it here if the server refuses it for good). */
export async function enqueue(db: TrygghetsDatabase, change: ChangeSet, baseVersions: OutboxEntry['baseVersions'], inverse: ChangeSet): Promise<void> {
  await db.outbox.add({ changeId: crypto.randomUUID(), change, baseVersions, inverse, state: 'pending' });
}

/**
 * After the server accepted `entry` with `versions`, later queued changes that were based on
 * the same versions of those records are based on the new ones: they were made on top of it.
 */
export function rebase(later: OutboxEntry, entry: OutboxEntry, versions: OutboxEntry['baseVersions']): OutboxEntry {
  const baseVersions: OutboxEntry['baseVersions'] = { ...later.baseVersions };
  for (const table of RECORD_TABLES) {
    const accepted = versions[table];
    const bases = later.baseVersions[table];
    if (!accepted || !bases) continue;
    const next = { ...bases };
    for (const [id, version] of Object.entries(accepted)) if (id in next && next[id] === entry.baseVersions[table]?.[id]) next[id] = version;
    baseVersions[table] = next;
  }
  return { ...later, baseVersions };
}
