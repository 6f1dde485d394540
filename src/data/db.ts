import Dexie, { type Table } from 'dexie';
import type { Activity } from '../domain/activity';
import type { FocusArea } from '../domain/focusArea';
import type { PromiseDocument } from '../domain/promiseDocument';
import type { SafetyFeature } from '../domain/safetyFeature';
import type { ChangeSet } from '../domain/changes';
import { upgradeToV3 } from './migrations/v3';
import { schemaV1, schemaV2, schemaV3 } from './schemas';

export interface MetaRecord {
  key: 'seed';
  /** Which shipped dataset was seeded, so a later version can offer its new records. */
  datasetVersion: string;
  seededAt: string;
}

/** One recorded edit: what it did and what undoes it. `undone` is 0/1 because IndexedDB cannot index booleans. */
export interface HistoryEntry {
  seq?: number;
  label: string;
  at: string;
  forward: ChangeSet;
  inverse: ChangeSet;
  undone: 0 | 1;
}

export const DATABASE_NAME = 'trygghetskartan';

export class TrygghetsDatabase extends Dexie {
  documents!: Table<PromiseDocument, string>;
  focusAreas!: Table<FocusArea, string>;
  activities!: Table<Activity, string>;
  features!: Table<SafetyFeature, string>;
  meta!: Table<MetaRecord, string>;
  history!: Table<HistoryEntry, number>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores(schemaV1);
    // v2 only adds a table: no records change, so no upgrade function.
    this.version(2).stores(schemaV2);
    this.version(3).stores(schemaV3).upgrade(upgradeToV3);
    // An older tab must let a newer one upgrade instead of blocking it.
    this.on('versionchange', () => {
      this.close();
      return false;
    });
  }

  get recordTables() {
    return [this.documents, this.focusAreas, this.activities, this.features] as const;
  }
}
