// After the run, against the database itself: nothing acknowledged is missing, nothing is there
// twice, and every client saw the whole log in order.
import type pg from 'pg';
import type { ClientResult } from './client';

export interface Verdict {
  logEntries: number;
  /** Acknowledged (201) pushes whose seq is not in change_log with the client's changeId. */
  lost: number;
  /** changeIds logged more than once, plus seqs that break 1..N. */
  duplicated: number;
  seqGaps: number;
  /** Logged change sets no client got a 201 for (a response lost in transit; 0 expected). */
  unacknowledged: number;
  /** Client places whose stored version differs from the one the server last answered. */
  staleRecords: number;
  /** Clients whose pulled sequence numbers are not exactly 1..N in order. */
  clientsWithPullGaps: number;
}

export async function verify(pool: pg.Pool, results: ClientResult[]): Promise<Verdict> {
  const { rows } = await pool.query<{ seq: string; change_id: string }>('SELECT seq, change_id FROM change_log ORDER BY seq');
  const bySeq = new Map(rows.map((r) => [Number(r.seq), r.change_id]));
  const acknowledged = results.flatMap((r) => r.acknowledged);
  const lost = acknowledged.filter((a) => bySeq.get(a.seq) !== a.changeId).length;
  const seqGaps = rows.filter((r, i) => Number(r.seq) !== i + 1).length;
  const duplicated = rows.length - new Set(rows.map((r) => r.change_id)).size + seqGaps;
  const acknowledgedIds = new Set(acknowledged.map((a) => a.changeId));
  const unacknowledged = rows.filter((r) => !acknowledgedIds.has(r.change_id)).length;

  const own = results.flatMap((r) => [...r.ownVersions]);
  const stored = await pool.query<{ id: string; version: number }>(`SELECT id, version FROM records WHERE table_name = 'features' AND id = ANY($1::text[])`, [own.map(([id]) => id)]);
  const storedVersion = new Map(stored.rows.map((r) => [r.id, r.version]));
  const staleRecords = own.filter(([id, version]) => storedVersion.get(id) !== version).length;

  const clientsWithPullGaps = results.filter((r) => r.pulledSeqs.length !== rows.length || r.pulledSeqs.some((seq, i) => seq !== i + 1)).length;
  return { logEntries: rows.length, lost, duplicated, seqGaps, unacknowledged, staleRecords, clientsWithPullGaps };
}
