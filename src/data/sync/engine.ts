import { RECORD_TABLES, touchedIds, type ChangeSet } from '../../domain/changes';
import type { MunicipalityLocator } from '../../domain/places/municipalityLocator';
import type { LoggedChange } from '../../domain/sync/push';
import type { OutboxEntry, TrygghetsDatabase } from '../db';
import { checkedApply } from '../history';
import { rebase, versionKey } from './outbox';
import { restartFromShipped } from './resync';
import type { Dataset } from '../../domain/dataset';

const SYNC_LOCK = 'trygghetskartan-sync';

export type SyncStatus =
  | { kind: 'online'; waiting: number }
  | { kind: 'offline'; waiting: number }
  | { kind: 'conflict'; waiting: number }
  | { kind: 'rejected'; waiting: number; detail: unknown }
  | { kind: 'signed-out'; waiting: number };

export interface SyncOptions {
  db: TrygghetsDatabase;
  /** The server's base URL, ending in '/'. */
  serverUrl: string;
  /** The current access token; null when signed out. */
  token(): Promise<string | null>;
  locator(): Promise<MunicipalityLocator | null>;
  onStatus(status: SyncStatus): void;
  /** How often to pull when nothing else wakes the engine and the live stream is down. */
  pollMs?: number;
  /** The shipped data, the server's version 0: where this browser starts again if the server's log ends before its cursor. */
  shipped?: Dataset;
  /** Told when that happened, so the user hears why the map changed. */
  onRestart?(): void;
  /** How often to pull anyway while the live stream is up (a safety net, not the way changes arrive). */
  livePollMs?: number;
}

/**
 * Offline-first sync with the team server: local change sets wait in the outbox (written in the
 * same transaction as the edit) and go out one at a time, in order, each with an idempotency id,
 * so a retry after a lost answer is applied once. The log is pulled from the last sequence
 * number seen; another user's change enters Dexie through the same write door as a local one
 * (without a local undo step), and our own pushed changes are recognised and not applied twice.
 */
export class SyncEngine {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private stopped = false;
  private lastStatus: SyncStatus | null = null;
  /** Woken while a cycle ran: run again right after it, or the wake-up would wait a whole poll. */
  private again = false;
  private stream: EventSource | null = null;
  private live = false;
  private streamRetry: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: SyncOptions) {}

  start(): void {
    this.stopped = false;
    void this.cycle();
    void this.openStream();
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
  }

  /** Back online: push what waits now, not at the next poll. */
  private readonly onOnline = () => this.kick();

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.streamRetry) clearTimeout(this.streamRetry);
    this.stream?.close();
    this.stream = null;
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
  }

  /** A local edit was queued, or the server announced a change: push and pull now instead of at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.cycle(), 0);
  }

  /**
   * The server's change stream (server-sent events) as the wake-up: each announced change starts
   * a pull, so changes enter Dexie by one path (the pull, in order, from the cursor) whether the
   * stream is up or not. EventSource cannot send headers, so the token goes in the query; when
   * it expires the server ends the stream, and it is opened again with a fresh token.
   */
  private async openStream(): Promise<void> {
    if (this.stopped || this.stream || typeof EventSource === 'undefined') return;
    const token = await this.options.token();
    if (!token || this.stopped) return this.retryStream();
    const cursor = ((await this.options.db.syncMeta.get('cursor'))?.value as number | undefined) ?? 0;
    const url = new URL(`api/changes/stream?since=${cursor}&access_token=${encodeURIComponent(token)}`, this.options.serverUrl);
    const stream = new EventSource(url);
    this.stream = stream;
    stream.addEventListener('change', () => this.kick());
    stream.addEventListener('ready', () => (this.live = true));
    stream.addEventListener('error', () => {
      // Down, for now: poll often until `ready` says the stream is back.
      this.live = false;
      // Still CONNECTING: the browser reconnects by itself (with Last-Event-ID). CLOSED: it gave
      // up (an expired token answers 401), so open a new one with a fresh token, a little later.
      if (stream.readyState !== EventSource.CLOSED) return;
      if (this.stream === stream) this.stream = null;
      this.retryStream();
    });
  }

  private retryStream(): void {
    if (this.stopped) return;
    if (this.streamRetry) clearTimeout(this.streamRetry);
    this.streamRetry = setTimeout(() => void this.openStream(), 3000);
  }

  private async cycle(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    this.again = false;
    try {
      // Every tab of the app shares one IndexedDB and so one outbox and one cursor: only one tab
      // at a time may push or pull, or two tabs would send the same change and apply a pull twice.
      if (typeof navigator !== 'undefined' && navigator.locks) await navigator.locks.request(SYNC_LOCK, () => this.exchange());
      else await this.exchange();
    } finally {
      this.running = false;
      // Offline or waiting to push, try again soon: the stream may look open while the network is gone.
      const settled = this.lastStatus?.kind === 'online' && this.lastStatus.waiting === 0;
      const wait = this.again ? 0 : this.live && settled ? (this.options.livePollMs ?? 15_000) : (this.options.pollMs ?? 1500);
      if (!this.stopped) this.timer = setTimeout(() => void this.cycle(), wait);
    }
  }

  private async exchange(): Promise<void> {
    try {
      const status = await this.pushAll();
      if (status.kind === 'online' || status.kind === 'conflict' || status.kind === 'rejected') {
        const pulled = await this.pull();
        this.report(pulled ?? status);
      } else this.report(status);
    } catch (error) {
      this.report({ kind: 'offline', waiting: await this.options.db.outbox.count() });
      console.warn('sync failed', error);
    }
  }

  private report(status: SyncStatus): void {
    if (JSON.stringify(status) === JSON.stringify(this.lastStatus)) return;
    this.lastStatus = status;
    this.options.onStatus(status);
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response | 'signed-out' | 'offline'> {
    const token = await this.options.token();
    if (!token) return 'signed-out';
    try {
      const response = await fetch(new URL(path, this.options.serverUrl), { ...init, headers: { ...init.headers, authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
      return response.status === 401 ? 'signed-out' : response;
    } catch {
      return 'offline';
    }
  }

  /** Pushes queued changes in order until the outbox is empty or one cannot go (offline, conflict, refused). */
  private async pushAll(): Promise<SyncStatus> {
    const { db } = this.options;
    for (;;) {
      const entry = await db.outbox.orderBy('seq').first();
      const waiting = await db.outbox.count();
      if (!entry) return { kind: 'online', waiting: 0 };
      if (entry.state === 'conflict') return { kind: 'conflict', waiting };
      if (entry.state === 'rejected') return { kind: 'rejected', waiting, detail: entry.detail };
      const response = await this.request('api/changes', {
        method: 'POST',
        body: JSON.stringify({ changeId: entry.changeId, label: entry.change.label, put: entry.change.put, delete: entry.change.delete, baseVersions: entry.baseVersions }),
      });
      if (response === 'signed-out' || response === 'offline') return { kind: response, waiting };
      if (response.status === 201 || response.status === 200) {
        const { seq, versions } = (await response.json()) as { seq: number; versions: OutboxEntry['baseVersions'] };
        await this.accepted(entry, seq, versions);
        continue;
      }
      const detail: unknown = await response.json().catch(() => null);
      if (response.status === 409) {
        await db.outbox.update(entry.seq!, { state: 'conflict', detail });
        return { kind: 'conflict', waiting };
      }
      if (response.status >= 500) return { kind: 'offline', waiting };
      await db.outbox.update(entry.seq!, { state: 'rejected', detail });
      return { kind: 'rejected', waiting, detail };
    }
  }

  /** The server took `entry`: forget it, remember the new versions, and rebase what was queued after it. */
  private async accepted(entry: OutboxEntry, seq: number, versions: OutboxEntry['baseVersions']): Promise<void> {
    const { db } = this.options;
    await db.transaction('rw', [db.outbox, db.versions, db.syncMeta], async () => {
      await db.outbox.delete(entry.seq!);
      const later = await db.outbox.orderBy('seq').toArray();
      await db.outbox.bulkPut(later.map((l) => rebase(l, entry, versions)));
      await db.versions.bulkPut(versionRecords(versions));
      const acked = ((await db.syncMeta.get('acked'))?.value as number[] | undefined) ?? [];
      await db.syncMeta.put({ key: 'acked', value: [...acked, seq] });
    });
  }

  /** Pulls the log after the cursor and applies what others did; null when it could not (status then from push). */
  private async pull(): Promise<SyncStatus | null> {
    const { db } = this.options;
    for (;;) {
      const cursor = ((await db.syncMeta.get('cursor'))?.value as number | undefined) ?? 0;
      const response = await this.request(`api/changes?since=${cursor}&limit=200`);
      if (response === 'signed-out' || response === 'offline') return { kind: response, waiting: await db.outbox.count() };
      if (!response.ok) return null;
      const { changes, lastSeq } = (await response.json()) as { changes: LoggedChange[]; lastSeq: number };
      if (lastSeq < cursor && this.options.shipped) {
        // The server was restored from an older backup: what we pulled after it is gone there.
        await restartFromShipped(db, this.options.shipped, await this.options.locator());
        this.options.onRestart?.();
        continue;
      }
      for (const logged of changes) await this.applyPulled(logged);
      if (changes.length < 200) return null;
    }
  }

  private async applyPulled(logged: LoggedChange): Promise<void> {
    const { db } = this.options;
    const locator = await this.options.locator();
    await db.transaction('rw', [...db.recordTables, db.history, db.outbox, db.versions, db.syncMeta], async () => {
      const acked = ((await db.syncMeta.get('acked'))?.value as number[] | undefined) ?? [];
      // Records with my own queued change keep my version (and the version it was based on) until
      // the server decides, or the user does on a conflict.
      const mine = new Set((await db.outbox.toArray()).flatMap((e) => RECORD_TABLES.flatMap((t) => touchedIds(e.change, t).map((id) => versionKey(t, id)))));
      if (acked.includes(logged.seq)) {
        // Ours, already applied here when it was made.
        await db.syncMeta.put({ key: 'acked', value: acked.filter((s) => s !== logged.seq) });
      } else {
        try {
          await checkedApply(db, withoutKeys(logged.forward as ChangeSet, mine), locator);
        } catch (error) {
          // The server accepted it under the same rules; a refusal here means this copy differs. Keep going, say so.
          console.warn(`change ${logged.seq} from ${logged.author} could not be applied here`, error);
        }
      }
      await db.versions.bulkPut(versionRecords(logged.versions).filter((v) => !mine.has(v.key)));
      await db.syncMeta.put({ key: 'cursor', value: logged.seq });
    });
  }
}

function versionRecords(versions: OutboxEntry['baseVersions']) {
  return RECORD_TABLES.flatMap((table) => Object.entries(versions[table] ?? {}).map(([id, version]) => ({ key: versionKey(table, id), version })));
}

function withoutKeys(change: ChangeSet, keys: Set<string>): ChangeSet {
  if (!keys.size) return change;
  const put: ChangeSet['put'] = {};
  const remove: ChangeSet['delete'] = {};
  for (const table of RECORD_TABLES) {
    const puts = (change.put[table] ?? []).filter((r) => !keys.has(versionKey(table, r.id)));
    const deletes = (change.delete[table] ?? []).filter((id) => !keys.has(versionKey(table, id)));
    if (puts.length) (put as Record<string, unknown[]>)[table] = puts;
    if (deletes.length) remove[table] = deletes;
  }
  return { label: change.label, put, delete: remove };
}
