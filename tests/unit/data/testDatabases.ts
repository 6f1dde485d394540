import 'fake-indexeddb/auto';
import type Dexie from 'dexie';
import { afterEach } from 'vitest';
import { TrygghetsDatabase } from '../../../src/data/db';

let counter = 0;
const opened: Dexie[] = [];

/** A unique database name, so tests never share state. */
export const freshDatabaseName = () => `test-${Date.now()}-${counter++}`;

/** Opens a database on fake-indexeddb that is closed and deleted after the test. */
export function openTestDatabase(name: string = freshDatabaseName()): TrygghetsDatabase {
  return track(new TrygghetsDatabase(name));
}

/** Registers any other Dexie instance (e.g. an old schema version) for clean-up. */
export function track<D extends Dexie>(db: D): D {
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});
