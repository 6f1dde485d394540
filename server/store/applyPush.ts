import type { Pool, PoolClient } from 'pg';
import { invertChange, RECORD_TABLES, touchedIds, type ChangeSet, type RecordOf, type RecordTable } from '../../src/domain/changes';
import type { MunicipalityLocator } from '../../src/domain/places/municipalityLocator';
import type { Issue } from '../../src/domain/result';
import { checkChange } from '../../src/domain/rules/checkChange';
import { isBlocking } from '../../src/domain/rules/lookup';
import { writePermissionIssues, type Writer } from '../../src/domain/rules/writePermission';
import { changeOfPush, type ConflictResponse, type LoggedChange, type PushRequest } from '../../src/domain/sync/push';
import { CHANGES_CHANNEL } from '../live/listener';
import { appendToLog, CHANGE_LOG_LOCK, readByChangeId } from './changeLog';
import { key, loadContext, lockTouched, writeChange } from './records';

export type PushOutcome =
  | { kind: 'applied'; entry: LoggedChange }
  | { kind: 'duplicate'; entry: LoggedChange }
  | { kind: 'conflict'; body: ConflictResponse }
  | { kind: 'rejected'; status: 403 | 422; issues: Issue[] };

export interface PushAuthor extends Writer {
  email: string;
}

/**
 * The server's write door: one pushed change set applied in one transaction, or not at all.
 * Pushes are serialised (one transaction-level lock), so the rules see a state nobody changes
 * under them and sequence numbers are handed out in commit order: a client that has pulled up
 * to N can never later find a commit below N. Then, in order: idempotency (a retry is answered
 * with the first result), versions (409 with the current records), who may write what (403),
 * and the same rules as the browser's write door (422).
 */
export function applyPush(pool: Pool, push: PushRequest, author: PushAuthor, locator: MunicipalityLocator | null): Promise<PushOutcome> {
  // Pushes of one instance wait here, in order, rather than each holding a pool connection
  // while it waits for the lock: pulls then still find free connections. The advisory lock
  // still serialises pushes across instances.
  const previous = queues.get(pool) ?? Promise.resolve();
  const run = previous.then(() => applyPushNow(pool, push, author, locator));
  queues.set(pool, run.catch(() => undefined));
  return run;
}

const queues = new WeakMap<Pool, Promise<unknown>>();

async function applyPushNow(pool: Pool, push: PushRequest, author: PushAuthor, locator: MunicipalityLocator | null): Promise<PushOutcome> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOG_LOCK]);
    const outcome = await applyLocked(client, push, author, locator);
    if (outcome.kind === 'applied') {
      // Queued with the transaction: every LISTENing API instance hears it when, and only if, it commits.
      await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, String(outcome.entry.seq)]);
      await client.query('COMMIT');
    } else {
      await client.query('ROLLBACK');
    }
    return outcome;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function applyLocked(client: PoolClient, push: PushRequest, author: PushAuthor, locator: MunicipalityLocator | null): Promise<PushOutcome> {
  const earlier = await readByChangeId(client, push.changeId);
  if (earlier) {
    if (earlier.author !== author.email)
      return { kind: 'rejected', status: 422, issues: [issue('change-id-taken', push.changeId, 'ändringens id används redan av en annan ändring')] };
    return { kind: 'duplicate', entry: earlier };
  }
  const change = changeOfPush(push);
  const current = await lockTouched(client, change);

  const missingBase: Issue[] = [];
  const conflicts: ConflictResponse['conflicts'] = [];
  for (const table of RECORD_TABLES) {
    for (const id of touchedIds(change, table)) {
      const base = push.baseVersions[table]?.[id];
      if (base === undefined) {
        missingBase.push(issue('missing-base-version', id, 'ändringen saknar versionen den bygger på'));
        continue;
      }
      const stored = current.get(key(table, id));
      const currentVersion = stored?.version ?? null;
      if (base !== currentVersion) conflicts.push({ table, id, baseVersion: base, currentVersion, current: stored?.record ?? null });
    }
  }
  if (missingBase.length) return { kind: 'rejected', status: 422, issues: missingBase };
  if (conflicts.length) return { kind: 'conflict', body: { error: 'conflict', conflicts } };

  const stored = await loadContext(client, change);
  const denied = writePermissionIssues(change, { stored }, author);
  if (denied.length) return { kind: 'rejected', status: 403, issues: denied };
  const invalid = checkChange(change, { stored, locator }).filter(isBlocking);
  if (invalid.length) return { kind: 'rejected', status: 422, issues: invalid };

  const inverse = invertChange(change, beforeOf(change, current));
  const seq = await nextSeq(client);
  const versions = await writeChange(client, change, seq, author.email);
  const entry = await appendToLog(client, { seq, changeId: push.changeId, author: author.email, label: push.label, forward: change, inverse, baseVersions: push.baseVersions, versions });
  return { kind: 'applied', entry };
}

async function nextSeq(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ seq: string }>('SELECT coalesce(max(seq), 0) + 1 AS seq FROM change_log');
  return Number(rows[0]!.seq);
}

function beforeOf(change: ChangeSet, current: Awaited<ReturnType<typeof lockTouched>>) {
  const before: { [T in RecordTable]?: Map<string, RecordOf[T] | undefined> } = {};
  for (const table of RECORD_TABLES) {
    const ids = touchedIds(change, table);
    if (ids.length) (before as Record<string, Map<string, unknown>>)[table] = new Map(ids.map((id) => [id, current.get(key(table, id))?.record]));
  }
  return before;
}

const issue = (code: string, subject: string, message: string): Issue => ({ code, severity: 'error', subject, message });
