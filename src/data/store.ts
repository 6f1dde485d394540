import type { ChangeSet, RecordTable } from '../domain/changes';
import type { MunicipalityLocator } from '../domain/places/municipalityLocator';
import type { RecordsSeen } from '../domain/sync/staleBase';
import type { BackupContent } from '../io/backup';
import { checkBackup, restoreBackup } from './backupStore';
import { TrygghetsDatabase } from './db';
import { perform, readLocalRecordHistory, redo, undo } from './history';

export { ChangeConflict, ChangeRejected } from './history';
import { loadMunicipalityLocator } from './municipalityAreas';
import { keepMine, takeTheirs, type OpenConflict } from './sync/conflicts';
import type { SyncEngine } from './sync/engine';

/**
 * The app's one database and its write door. UI code writes only through `store`; the rules'
 * context (the municipality polygons) is bound here once, so no caller can forget it.
 */
const database = new TrygghetsDatabase();
let locator: Promise<MunicipalityLocator | null> | null = null;

export const getDatabase = () => database;
/**
 * The polygons, loaded once. A failed load (offline at the first write, say) is not kept: the
 * next write tries again. The app starts loading them at start-up, so an edit made offline later
 * is still checked.
 */
export const getMunicipalityLocator = () =>
  (locator ??= loadMunicipalityLocator().then((loaded) => {
    if (!loaded) locator = null;
    return loaded;
  }));

/** Set while signed in to a team server: every write then also goes to the outbox, and wakes the engine. */
let team: SyncEngine | null = null;
export function connectTeam(engine: SyncEngine | null): void {
  team?.stop();
  team = engine;
  team?.start();
}
const afterWrite = <T>(result: T) => (team?.kick(), result);

export const store = {
  /** `basedOn`: the records as the editor saw them; if another tab or user changed them since, a ChangeConflict is thrown and nothing written. */
  perform: async (change: ChangeSet, basedOn?: RecordsSeen) => afterWrite(await perform(database, change, await getMunicipalityLocator(), { outbox: team !== null, basedOn })),
  /** `force`: undo even though someone changed the records since (the user saw the conflict and chose so). */
  undo: async (force = false) => afterWrite(await undo(database, await getMunicipalityLocator(), { outbox: team !== null, force })),
  redo: async (force = false) => afterWrite(await redo(database, await getMunicipalityLocator(), { outbox: team !== null, force })),
  checkBackup: async (content: BackupContent) => checkBackup(content, await getMunicipalityLocator()),
  /** The user's choice on a conflict: both end on the server, the outbox goes on. */
  keepMine: async (conflict: OpenConflict) => afterWrite(await keepMine(database, conflict)),
  takeTheirs: async (conflict: OpenConflict) => afterWrite(await takeTheirs(database, conflict, await getMunicipalityLocator())),
  /** One record's done steps in this browser, newest first. */
  localRecordHistory: (table: RecordTable, id: string) => readLocalRecordHistory(database, table, id),
  restoreBackup: async (content: BackupContent) => restoreBackup(database, content, await getMunicipalityLocator()),
};
