// Live updates across API instances: every committed push NOTIFYs one channel (inside its
// transaction, so PostgreSQL delivers it exactly when, and only if, it commits), and each API
// instance holds ONE dedicated connection LISTENing on it and fans the signal out to its open
// streams. The signal only says "the log has grown": streams re-read the log from their own
// cursor (the database is the source of truth), so coalesced, duplicated or lost notifications
// cannot make a client miss or repeat a change.
import pg from 'pg';

/** The channel every API instance LISTENs on; the payload is the committed change's seq. */
export const CHANGES_CHANNEL = 'trygghetskartan_changes';

/**
 * change: a push committed with this seq (a hint: read the log, do not trust the payload alone).
 * resync: the listener (re)connected, and notifications sent while it was away are lost: every
 * stream re-reads the log from its cursor.
 */
export type FeedSignal = { kind: 'change'; seq: number } | { kind: 'resync' };

export interface ChangeFeed {
  /** Calls `onSignal` for every signal until the returned function is called. */
  subscribe(onSignal: (signal: FeedSignal) => void): () => void;
  /** How many subscribers are listening (open streams of this instance). */
  readonly subscribers: number;
  /** Whether the LISTEN connection is up right now. */
  readonly connected: boolean;
  /** Connects (idempotent); reconnects by itself from then on. */
  start(): void;
  /** Resolves when the LISTEN connection is up (at once when it is). */
  whenConnected(): Promise<void>;
  close(): Promise<void>;
}

export interface ChangeListenerOptions {
  /** Where to connect: e.g. the API pool's own settings (pool.options). */
  connection: pg.ClientConfig;
  channel?: string;
  /** Reconnect delays: doubling from initialMs up to maxMs (defaults 200 ms, 5 s). */
  backoff?: { initialMs?: number; maxMs?: number };
  /** How often the idle connection is checked with a query, to notice a half-open socket (default 30 s). */
  checkEveryMs?: number;
  log?: (message: string) => void;
}

export function createChangeListener(options: ChangeListenerOptions): ChangeFeed {
  const channel = options.channel ?? CHANGES_CHANNEL;
  const initialMs = options.backoff?.initialMs ?? 200;
  const maxMs = options.backoff?.maxMs ?? 5000;
  const checkEveryMs = options.checkEveryMs ?? 30_000;
  const log = options.log ?? (() => {});
  const subscribers = new Set<(signal: FeedSignal) => void>();
  let client: pg.Client | null = null;
  let connected = false;
  let started = false;
  let closed = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let checkTimer: NodeJS.Timeout | undefined;
  let waiters: (() => void)[] = [];

  const emit = (signal: FeedSignal) => {
    for (const onSignal of [...subscribers]) {
      try {
        onSignal(signal);
      } catch (error) {
        log(`live updates: a subscriber failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    const delay = Math.min(maxMs, initialMs * 2 ** Math.min(failures, 20));
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
    // A listener waiting to reconnect must not keep a stopping process alive.
    retryTimer.unref();
  };

  async function connect(): Promise<void> {
    if (closed || client) return;
    const current = new pg.Client({ ...options.connection, keepAlive: true });
    client = current;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      const wasConnected = connected && client === current;
      if (client === current) {
        client = null;
        connected = false;
      }
      current.end().catch(() => undefined);
      if (closed) return;
      const reason = error?.message ?? 'closed';
      if (wasConnected) log(`live updates: the LISTEN connection to PostgreSQL was lost (${reason}); reconnecting`);
      else if (failures === 0) log(`live updates: cannot reach PostgreSQL for LISTEN (${reason}); retrying`);
      scheduleReconnect();
    };
    // Errors on this connection (PostgreSQL restarted, network gone) are handled by reconnecting;
    // the handler stays attached so a late error after end() cannot crash the process.
    current.on('error', onLost);
    current.on('end', () => onLost());
    current.on('notification', (message) => {
      if (message.channel !== channel) return;
      const seq = Number(message.payload);
      emit(Number.isSafeInteger(seq) && seq > 0 ? { kind: 'change', seq } : { kind: 'resync' });
    });
    try {
      await current.connect();
      await current.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      onLost(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (lost) return;
    if (closed) {
      client = null;
      await current.end().catch(() => undefined);
      return;
    }
    if (failures > 0) log('live updates: LISTEN connection to PostgreSQL is back');
    failures = 0;
    connected = true;
    // Whatever was committed while nobody listened (or before the first connection) is found by
    // re-reading the log from each stream's cursor.
    emit({ kind: 'resync' });
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  }

  /** A socket can die without an error (a cut network): a query that does not answer finds it. */
  const check = async () => {
    const current = client;
    if (!current || !connected) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        current.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer within 10 s')), 10_000);
        }),
      ]);
    } catch (error) {
      if (client === current) current.emit('error', error instanceof Error ? error : new Error(String(error)));
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    subscribe(onSignal) {
      subscribers.add(onSignal);
      return () => void subscribers.delete(onSignal);
    },
    get subscribers() {
      return subscribers.size;
    },
    get connected() {
      return connected;
    },
    start() {
      if (started || closed) return;
      started = true;
      checkTimer = setInterval(() => void check(), checkEveryMs);
      checkTimer.unref();
      void connect();
    },
    whenConnected() {
      if (connected) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(retryTimer);
      clearInterval(checkTimer);
      subscribers.clear();
      const current = client;
      client = null;
      connected = false;
      await current?.end().catch(() => undefined);
    },
  };
}

/** createChangeListener, started. */
export function startChangeListener(options: ChangeListenerOptions): ChangeFeed {
  const feed = createChangeListener(options);
  feed.start();
  return feed;
}
