import type { TrygghetsDatabase } from './db';

/**
 * Why the app cannot use its database. Each has its own message in the UI; in every case the app
 * shows data read-only (the shipped data, or what it last read) and edits cannot be saved.
 * - newer-version: the stored database was made by a newer app version than this one;
 * - blocked: this version must upgrade the database, but another tab (an older version) holds it open;
 * - upgraded-elsewhere: another tab upgraded (or deleted) the database, so this tab let go of it;
 * - no-indexeddb: the browser offers no IndexedDB, or refuses it (private mode, storage disabled);
 * - open-failed: anything else; `detail` says what.
 */
export type StorageProblem = 'newer-version' | 'blocked' | 'upgraded-elsewhere' | 'no-indexeddb' | 'open-failed';

export interface StorageFailure {
  problem: StorageProblem;
  /** The browser's or Dexie's own words (or ours, in Swedish, for the first three problems), for bug reports. */
  detail: string;
}

/** Thrown while opening when the stored database has a higher version than this app declares. */
export class NewerDatabaseError extends Error {
  override name = 'NewerDatabaseError';
  constructor(
    readonly storedVersion: number,
    readonly appVersion: number,
  ) {
    super(`databasen har version ${storedVersion}, den här versionen av appen känner bara till version ${appVersion}`);
  }
}

/** The error and every error it wraps (Dexie puts the cause in `inner`). */
function causes(error: unknown): { name: string; message: string }[] {
  const found: { name: string; message: string }[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && found.length < 5) {
    const e = current as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown };
    found.push({ name: String(e.name ?? ''), message: String(e.message ?? '') });
    current = e.inner ?? e.cause;
  }
  if (!found.length) found.push({ name: '', message: String(error) });
  return found;
}

const NO_INDEXEDDB = new Set(['MissingAPIError', 'InvalidStateError', 'SecurityError', 'InvalidAccessError', 'NotAllowedError']);

/** Names the problem behind an error from opening or using the database. */
export function classifyStorageError(error: unknown): StorageFailure {
  const chain = causes(error);
  const detail = chain.find((c) => c.message)?.message ?? chain[0]!.name;
  const names = chain.map((c) => c.name);
  const has = (...wanted: string[]) => names.some((n) => wanted.includes(n));
  if (has('NewerDatabaseError', 'VersionError')) return { problem: 'newer-version', detail };
  // Dexie's own words for a missing IndexedDB end in a short link; the problem says it all.
  if (has('MissingAPIError')) return { problem: 'no-indexeddb', detail: '' };
  if (names.some((n) => NO_INDEXEDDB.has(n))) return { problem: 'no-indexeddb', detail };
  if (has('BlockedError')) return { problem: 'blocked', detail };
  // Closed with no deeper cause: our versionchange handler let go for another tab's upgrade.
  if (names.every((n) => n === 'DatabaseClosedError')) return { problem: 'upgraded-elsewhere', detail };
  return { problem: 'open-failed', detail };
}

export interface DatabaseHealth {
  /** Opens the database (or joins an opening under way): null when it can be used, else why not. Never rejects. */
  open(): Promise<StorageFailure | null>;
  /** Problems that come while opening or later: a blocked upgrade, another tab's upgrade. */
  subscribe(listener: (failure: StorageFailure) => void): () => void;
}

const watched = new WeakMap<TrygghetsDatabase, DatabaseHealth>();

/**
 * Watches one database, once: call it before anything queries the database, so the newer-version
 * check runs on every opening (also Dexie's automatic one on the first query). Dexie 4 opens a
 * database of a higher version as it is; a newer app may have changed what the records mean,
 * so this version must not read or write it.
 */
export function watchDatabase(db: TrygghetsDatabase): DatabaseHealth {
  const known = watched.get(db);
  if (known) return known;
  const listeners = new Set<(failure: StorageFailure) => void>();
  const tell = (failure: StorageFailure) => listeners.forEach((l) => l(failure));

  db.on(
    'ready',
    () => {
      // IndexedDB's version is Dexie's × 10 (+1 when Dexie patched a schema in place).
      const stored = Math.floor(db.backendDB().version / 10);
      const declared = Math.floor(db.verno);
      if (stored > declared) throw new NewerDatabaseError(stored, declared);
    },
    true,
  );
  db.on('blocked', (event: IDBVersionChangeEvent) =>
    tell({ problem: 'blocked', detail: `uppgradering till version ${(event.newVersion ?? 0) / 10} väntar på en annan anslutning med version ${event.oldVersion / 10}` }),
  );
  // Runs before db.ts's own handler (Dexie calls these last-subscribed first), which then closes.
  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    tell({ problem: 'upgraded-elsewhere', detail: event.newVersion ? `en annan flik öppnar version ${event.newVersion / 10}` : 'en annan flik tar bort databasen' });
  });

  const health: DatabaseHealth = {
    open: () =>
      db.open().then(
        () => null,
        (error: unknown) => classifyStorageError(error),
      ),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  watched.set(db, health);
  return health;
}
