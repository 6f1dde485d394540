import type { ChangeSet } from '../domain/changes';
import type { MunicipalityLocator } from '../domain/places/municipalityLocator';
import type { BackupContent } from '../io/backup';
import { checkBackup, restoreBackup } from './backupStore';
import { TrygghetsDatabase } from './db';
import { perform, redo, undo } from './history';
import { loadMunicipalityLocator } from './municipalityAreas';

/**
 * The app's one database and its write door. UI code writes only through `store`; the rules'
 * context (the municipality polygons) is bound here once, so no caller can forget it.
 */
const database = new TrygghetsDatabase();
let locator: Promise<MunicipalityLocator | null> | null = null;

export const getDatabase = () => database;
export const getMunicipalityLocator = () => (locator ??= loadMunicipalityLocator());

export const store = {
  perform: async (change: ChangeSet) => perform(database, change, await getMunicipalityLocator()),
  undo: async () => undo(database, await getMunicipalityLocator()),
  redo: async () => redo(database, await getMunicipalityLocator()),
  checkBackup: async (content: BackupContent) => checkBackup(content, await getMunicipalityLocator()),
  restoreBackup: async (content: BackupContent) => restoreBackup(database, content, await getMunicipalityLocator()),
};
