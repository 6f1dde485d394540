import Dexie, { type Table } from 'dexie';
import type { Activity } from '../domain/activity';
import type { FocusArea } from '../domain/focusArea';
import type { PromiseDocument } from '../domain/promiseDocument';
import type { SafetyFeature } from '../domain/safetyFeature';
import { schemaV1 } from './schemas';

export interface MetaRecord {
  key: 'seed';
  /** Which shipped dataset was seeded, so a later version can offer its new records. */
  datasetVersion: string;
  seededAt: string;
}

export const DATABASE_NAME = 'trygghetskartan';

export class TrygghetsDatabase extends Dexie {
  documents!: Table<PromiseDocument, string>;
  focusAreas!: Table<FocusArea, string>;
  activities!: Table<Activity, string>;
  features!: Table<SafetyFeature, string>;
  meta!: Table<MetaRecord, string>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores(schemaV1);
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
