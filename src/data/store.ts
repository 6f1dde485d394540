import type { ChangeSet, RecordTable } from '../domain/changes';
import type { MunicipalityLocator } from '../domain/places/municipalityLocator';
import type { RecordsSeen } from '../domain/sync/staleBase';
import type { Writer } from '../domain/rules/writePermission';
import type { BackupContent } from '../io/backup';
import { checkBackup, restoreBackup } from './backupStore';
import { TrygghetsDatabase } from './db';
import { perform, readLocalRecordHistory, redo, undo } from './history';

export { ChangeConflict, ChangeRejected } from './history';
import { dropRejected, keepMine, takeTheirs, type OpenConflict } from './sync/conflicts';
import type { AnswerSetRecord, OutboxEntry } from './db';
import { listAnswerSets, readAnswerColumns, removeAnswerSet, saveAnswerSet } from './answerSets';
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
  // The polygons and their spatial index load apart from the page's first JavaScript.
  (locator ??= import('./municipalityAreas').then(({ loadMunicipalityLocator }) => loadMunicipalityLocator()).then((loaded) => {
    if (!loaded) locator = null;
    return loaded;
  }));

/** Set while signed in to a team server: every write then also goes to the outbox, and wakes the engine. */
let team: SyncEngine | null = null;
let writer: Writer | undefined;
export function connectTeam(engine: SyncEngine | null, signedIn?: Writer): void {
  team?.stop();
  team = engine;
  writer = engine ? signedIn : undefined;
  team?.start();
}
const teamOptions = () => ({ outbox: team !== null, writer });
const afterWrite = <T>(result: T) => (team?.kick(), result);

export const store = {
  /** `basedOn`: the records as the editor saw them; if another tab or user changed them since, a ChangeConflict is thrown and nothing written. */
  perform: async (change: ChangeSet, basedOn?: RecordsSeen) => afterWrite(await perform(database, change, await getMunicipalityLocator(), { ...teamOptions(), basedOn })),
  /** `force`: undo even though someone changed the records since (the user saw the conflict and chose so). */
  undo: async (force = false) => afterWrite(await undo(database, await getMunicipalityLocator(), { ...teamOptions(), force })),
  redo: async (force = false) => afterWrite(await redo(database, await getMunicipalityLocator(), { ...teamOptions(), force })),
  checkBackup: async (content: BackupContent) => checkBackup(content, await getMunicipalityLocator()),
  /** The user's choice on a conflict: both end on the server, the outbox goes on. */
  keepMine: async (conflict: OpenConflict) => afterWrite(await keepMine(database, conflict)),
  takeTheirs: async (conflict: OpenConflict) => afterWrite(await takeTheirs(database, conflict, await getMunicipalityLocator())),
  /** A change the server refused for good: out of the outbox and undone here, so the rest can go. */
  dropRejected: async (entry: OutboxEntry) => afterWrite(await dropRejected(database, entry, await getMunicipalityLocator())),
  /** One record's done steps in this browser, newest first. */
  localRecordHistory: (table: RecordTable, id: string) => readLocalRecordHistory(database, table, id),
  restoreBackup: async (content: BackupContent) => restoreBackup(database, content, await getMunicipalityLocator()),
  /** Survey answers: stored whole per imported set, beside the records (answerSets.ts). */
  answers: {
    save: (set: AnswerSetRecord) => saveAnswerSet(database, set),
    remove: (id: string) => removeAnswerSet(database, id),
    list: () => listAnswerSets(database),
    columns: () => readAnswerColumns(database),
  },
};
