import type { PoolClient, Pool } from 'pg';
import { RECORD_TABLES, touchedIds, type ChangeSet, type RecordTable } from '../../src/domain/changes';
import type { LoggedChange, PushRequest } from '../../src/domain/sync/push';
import type { HistorySource } from '../../src/domain/sync/recordHistory';

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
  // The records this entry touched, for their history, as two parallel arrays like
  // writeChange's; the entry and its links in one statement (one round trip inside the lock),
  // and only the time comes back: the rest is what was sent.
  const tables: RecordTable[] = [];
  const ids: string[] = [];
  for (const table of RECORD_TABLES) for (const id of touchedIds(entry.forward, table)) (tables.push(table), ids.push(id));
  const { rows } = await client.query<{ at: Date }>(
    `WITH entry AS (
       INSERT INTO change_log (seq, change_id, author, label, forward, inverse, base_versions, result_versions)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING at),
     links AS (
       INSERT INTO change_log_records (seq, table_name, record_id) SELECT $1::bigint, t, id FROM unnest($9::text[], $10::text[]) AS touched (t, id))
     SELECT at FROM entry`,
    [entry.seq, entry.changeId, entry.author, entry.label, JSON.stringify(entry.forward), JSON.stringify(entry.inverse), JSON.stringify(entry.baseVersions), JSON.stringify(entry.versions), tables, ids],
  );
  return { seq: entry.seq, changeId: entry.changeId, author: entry.author, at: rows[0]!.at.toISOString(), label: entry.label, forward: entry.forward, inverse: entry.inverse, versions: entry.versions };
}

/** The log after `since`, oldest first, at most `limit` entries, and the newest sequence number. */
export async function readSince(pool: Pool, since: number, limit: number): Promise<{ changes: LoggedChange[]; lastSeq: number }> {
  const [entries, last] = await Promise.all([
    pool.query<LogRow>(`SELECT ${COLUMNS} FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2`, [since, limit]),
    pool.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM change_log'),
  ]);
  return { changes: entries.rows.map(toEntry), lastSeq: Number(last.rows[0]?.seq ?? 0) };
}

/** At most this many entries of one record's history are read (newest first). */
export const HISTORY_LIMIT = 200;

interface HistoryRow {
  seq: string;
  author: string;
  at: Date;
  label: string | null;
  forward_put: unknown;
  forward_deleted: boolean;
  inverse_put: unknown;
  inverse_deleted: boolean;
}

/**
 * The log entries that touched one record, newest first, each cut down to that record: a change
 * set of an import holds 100 000 places, and 200 of them must not travel to Node to be searched
 * there. PostgreSQL picks out the record (or its id in a delete list) from the forward change and
 * the inverse; what is left is still a log entry, for recordHistory() in src/domain/sync.
 */
export async function readRecordLog(pool: Pool, table: RecordTable, id: string, limit: number = HISTORY_LIMIT): Promise<HistorySource[]> {
  // `table` is one of RECORD_TABLES (typed, and the route checks it), and is passed as a value anyway.
  const { rows } = await pool.query<HistoryRow>(
    `SELECT l.seq, l.author, l.at, l.label,
       jsonb_path_query_first(l.forward->'put'->$1::text, '$[*] ? (@.id == $id)', jsonb_build_object('id', $2::text)) AS forward_put,
       coalesce(l.forward->'delete'->$1::text ? $2::text, false) AS forward_deleted,
       jsonb_path_query_first(l.inverse->'put'->$1::text, '$[*] ? (@.id == $id)', jsonb_build_object('id', $2::text)) AS inverse_put,
       coalesce(l.inverse->'delete'->$1::text ? $2::text, false) AS inverse_deleted
     FROM change_log_records r JOIN change_log l ON l.seq = r.seq
     WHERE r.table_name = $1 AND r.record_id = $2
     ORDER BY r.seq DESC LIMIT $3`,
    [table, id, limit],
  );
  // The record was read back from the log, which only ever holds records the write door accepted.
  const part = (put: unknown, deleted: boolean, label: string): ChangeSet => ({
    label,
    put: put ? ({ [table]: [put] } as ChangeSet['put']) : {},
    delete: deleted ? { [table]: [id] } : {},
  });
  return rows.map((row) => {
    const label = row.label ?? '';
    return { seq: Number(row.seq), author: row.author, at: row.at.toISOString(), label, forward: part(row.forward_put, row.forward_deleted, label), inverse: part(row.inverse_put, row.inverse_deleted, label) };
  });
}

/**
 * The same page of the log as readSince, as the JSON text of the response body, built by
 * PostgreSQL: the stored JSON goes out as it is, without being parsed into objects and
 * serialised again in Node (under load, pulls of every other client's changes were most of the
 * API's work). Same fields and order as LoggedChange; `at` in ISO 8601 (UTC).
 */
export async function readSinceAsJson(pool: Pool, since: number, limit: number): Promise<string> {
  const { rows } = await pool.query<{ body: string }>(
    `SELECT json_build_object(
        'changes', coalesce((SELECT json_agg(json_build_object(
            'seq', seq, 'changeId', change_id, 'author', author,
            'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'label', coalesce(label, ''),
            'forward', forward, 'inverse', inverse, 'versions', result_versions) ORDER BY seq)
          FROM (SELECT * FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2) page), '[]'::json),
        'lastSeq', (SELECT coalesce(max(seq), 0) FROM change_log))::text AS body`,
    [since, limit],
  );
  return rows[0]!.body;
}
