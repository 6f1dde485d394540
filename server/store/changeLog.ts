import type { PoolClient, Pool } from 'pg';
import type { ChangeSet, RecordTable } from '../../src/domain/changes';
import type { LoggedChange, PushRequest } from '../../src/domain/sync/push';

/** The one advisory lock that serialises writers of the change log (any constant unique to this app). */
export const CHANGE_LOG_LOCK = 7_318_204;

interface LogRow {
  seq: string;
  change_id: string;
  author: string;
  at: Date;
  label: string | null;
  forward: ChangeSet;
  inverse: ChangeSet;
  result_versions: LoggedChange['versions'];
}

const COLUMNS = 'seq, change_id, author, at, label, forward, inverse, result_versions';

function toEntry(row: LogRow): LoggedChange {
  return { seq: Number(row.seq), changeId: row.change_id, author: row.author, at: row.at.toISOString(), label: row.label ?? '', forward: row.forward, inverse: row.inverse, versions: row.result_versions };
}

export async function readByChangeId(client: PoolClient, changeId: string): Promise<LoggedChange | null> {
  const { rows } = await client.query<LogRow>(`SELECT ${COLUMNS} FROM change_log WHERE change_id = $1`, [changeId]);
  return rows[0] ? toEntry(rows[0]) : null;
}

export async function appendToLog(
  client: PoolClient,
  entry: { seq: number; changeId: string; author: string; label: string; forward: ChangeSet; inverse: ChangeSet; baseVersions: PushRequest['baseVersions']; versions: { [T in RecordTable]?: Record<string, number | null> } },
): Promise<LoggedChange> {
  const { rows } = await client.query<LogRow>(
    `INSERT INTO change_log (seq, change_id, author, label, forward, inverse, base_versions, result_versions)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [entry.seq, entry.changeId, entry.author, entry.label, JSON.stringify(entry.forward), JSON.stringify(entry.inverse), JSON.stringify(entry.baseVersions), JSON.stringify(entry.versions)],
  );
  return toEntry(rows[0]!);
}

/** The log after `since`, oldest first, at most `limit` entries, and the newest sequence number. */
export async function readSince(pool: Pool, since: number, limit: number): Promise<{ changes: LoggedChange[]; lastSeq: number }> {
  const [entries, last] = await Promise.all([
    pool.query<LogRow>(`SELECT ${COLUMNS} FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2`, [since, limit]),
    pool.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM change_log'),
  ]);
  return { changes: entries.rows.map(toEntry), lastSeq: Number(last.rows[0]?.seq ?? 0) };
}
