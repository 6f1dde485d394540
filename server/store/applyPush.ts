import type { Pool, PoolClient } from 'pg';
import { invertChange, RECORD_TABLES, touchedIds, type ChangeSet, type RecordOf, type RecordTable } from '../../src/domain/changes';
import type { MunicipalityLocator } from '../../src/domain/places/municipalityLocator';
import type { Issue } from '../../src/domain/result';
import { text, type Text } from '../../src/domain/text';
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
 * The server's write door: one pushed change set applied whole, or not at all (in one
 * transaction, or its own savepoint of one shared with others waiting at the same time).
 * Pushes are serialised (one transaction-level lock), so the rules see a state nobody changes
 * under them and sequence numbers are handed out in commit order: a client that has pulled up
 * to N can never later find a commit below N. Then, in order: idempotency (a retry is answered
 * with the first result), versions (409 with the current records), who may write what (403),
 * and the same rules as the browser's write door (422).
 */
export function applyPush(pool: Pool, push: PushRequest, author: PushAuthor, locator: MunicipalityLocator | null): Promise<PushOutcome> {
  return new Promise((resolve, reject) => {
    let queue = waiting.get(pool);
    if (!queue) waiting.set(pool, (queue = []));
    queue.push({ push, author, locator, resolve, reject });
    if (!draining.has(pool)) void drain(pool);
  });
}

interface Waiting {
  push: PushRequest;
  author: PushAuthor;
  locator: MunicipalityLocator | null;
  resolve(outcome: PushOutcome): void;
  reject(error: unknown): void;
}

/** At most this many pushes share one transaction (and one commit). */
export const MAX_BATCH = 64;
/** How many transactions carried how many pushes, in this process: the group commit made visible (tests, bench). */
export const batchStats = { transactions: 0, pushes: 0 };
const waiting = new WeakMap<Pool, Waiting[]>();
const draining = new WeakSet<Pool>();

/**
 * Pushes of one instance wait here, in order, rather than each holding a pool connection while
 * it waits for the lock: pulls still find free connections. What waited while a transaction ran
 * goes in the next one together (group commit): one lock, one commit and one fsync for the lot,
 * each push under its own savepoint so a refused one leaves no trace and does not touch the others.
 */
async function drain(pool: Pool): Promise<void> {
  draining.add(pool);
  try {
    for (let queue = waiting.get(pool); queue?.length; queue = waiting.get(pool)) await applyBatch(pool, queue.splice(0, MAX_BATCH));
  } finally {
    draining.delete(pool);
  }
}

type Result = { ok: true; outcome: PushOutcome } | { ok: false; error: unknown };

async function applyBatch(pool: Pool, batch: Waiting[]): Promise<void> {
  let results: Result[];
  try {
    results = await applyInOneTransaction(pool, batch);
  } catch (error) {
    // Nothing of the batch committed: every push fails as a whole (the client retries, idempotently).
    for (const item of batch) item.reject(error);
    return;
  }
  results.forEach((result, i) => (result.ok ? batch[i]!.resolve(result.outcome) : batch[i]!.reject(result.error)));
}

async function applyInOneTransaction(pool: Pool, batch: Waiting[]): Promise<Result[]> {
  const client = await pool.connect();
  const alone = batch.length === 1;
  batchStats.transactions += 1;
  batchStats.pushes += batch.length;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOG_LOCK]);
    const results: Result[] = [];
    let lastSeq: number | null = null;
    // Sequence numbers within the batch are counted here after the first (the lock is held, and
    // a push undone to its savepoint never advanced the count): one query fewer per push.
    const sequence: { next: number | null } = { next: null };
    for (const { push, author, locator } of batch) {
      if (!alone) await client.query('SAVEPOINT push');
      try {
        const outcome = await applyLocked(client, push, author, locator, sequence);
        if (outcome.kind === 'applied') lastSeq = outcome.entry.seq;
        else if (!alone) await client.query('ROLLBACK TO SAVEPOINT push');
        results.push({ ok: true, outcome });
      } catch (error) {
        if (alone) throw error;
        // This push failed (a query error): undo it alone; a broken connection fails the batch here.
        await client.query('ROLLBACK TO SAVEPOINT push');
        results.push({ ok: false, error });
      }
    }
    if (lastSeq === null) {
      await client.query('ROLLBACK');
      return results;
    }
    // Queued with the transaction: every LISTENing API instance hears it when, and only if, it commits.
    await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, String(lastSeq)]);
    await client.query('COMMIT');
    return results;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function applyLocked(client: PoolClient, push: PushRequest, author: PushAuthor, locator: MunicipalityLocator | null, sequence: { next: number | null }): Promise<PushOutcome> {
  const earlier = await readByChangeId(client, push.changeId);
  if (earlier) {
    if (earlier.author !== author.email)
      return { kind: 'rejected', status: 422, issues: [issue('change-id-taken', push.changeId, text('ändringens id används redan av en annan ändring', 'the change id is already used by another change'))] };
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
        missingBase.push(issue('missing-base-version', id, text('ändringen saknar versionen den bygger på', 'the change does not say which version it was based on')));
        continue;
      }
      const stored = current.get(key(table, id));
      const currentVersion = stored?.version ?? null;
      if (base !== currentVersion) conflicts.push({ table, id, baseVersion: base, currentVersion, current: stored?.record ?? null });
    }
  }
  if (missingBase.length) return { kind: 'rejected', status: 422, issues: missingBase };
  if (conflicts.length) return { kind: 'conflict', body: { error: 'conflict', conflicts } };

  const stored = await loadContext(client, change, current);
  const denied = writePermissionIssues(change, { stored }, author);
  if (denied.length) return { kind: 'rejected', status: 403, issues: denied };
  const invalid = checkChange(change, { stored, locator }).filter(isBlocking);
  if (invalid.length) return { kind: 'rejected', status: 422, issues: invalid };

  const inverse = invertChange(change, beforeOf(change, current));
  const seq = sequence.next ?? (await nextSeq(client));
  const versions = await writeChange(client, change, seq, author.email);
  const entry = await appendToLog(client, { seq, changeId: push.changeId, author: author.email, label: push.label, forward: change, inverse, baseVersions: push.baseVersions, versions });
  sequence.next = seq + 1;
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

// Both languages, as the write rules send them; `message` stays the Swedish one older clients read.
const issue = (code: string, subject: string, message: Text): Issue => ({ code, severity: 'error', subject, message: message.sv, text: message });
