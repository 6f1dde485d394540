import Dexie, { type Table } from 'dexie';
import type { Activity } from '../domain/activity';
import type { Contact } from '../domain/contact';
import type { FocusArea } from '../domain/focusArea';
import type { PromiseDocument } from '../domain/promiseDocument';
import type { SafetyFeature } from '../domain/safetyFeature';
import type { StatusEntry } from '../domain/statusEntry';
import type { ChangeSet, RecordTable } from '../domain/changes';
import { upgradeToV3 } from './migrations/v3';
import { schemaV1, schemaV2, schemaV3, schemaV4, schemaV5, schemaV6, schemaV7, schemaV8 } from './schemas';
import type { SnapshotRecord } from './startupSnapshot';
import type { AnswerColumnsMessage } from '../analysis/answers/columns';

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

/** A local change set waiting for the server, with the server versions it was based on. */
export interface OutboxEntry {
  seq?: number;
  changeId: string;
  change: ChangeSet;
  baseVersions: { [T in RecordTable]?: Record<string, number | null> };
  /** What undoes the change here, should the server refuse it for good (absent in entries queued before it was kept). */
  inverse?: ChangeSet;
  /** 'conflict': the server answered 409 (`conflicts` says what differs); pushing stops there. 'rejected': 403/422, with the reason. */
  state: 'pending' | 'conflict' | 'rejected';
  detail?: unknown;
}

export interface VersionRecord {
  /** "table/id" */
  key: string;
  version: number | null;
}

export interface SyncMetaRecord {
  /** 'joined': the first connection's question about local edits was answered (value: when). */
  key: 'cursor' | 'acked' | 'joined';
  value: number | number[] | string;
}

/** One imported set of survey answers: who/what/when, and the answers as columns (validated once, at the import). */
export interface AnswerSetRecord {
  id: string;
  /** The file it came from. */
  fileName: string;
  importedAt: string;
  count: number;
  columns: AnswerColumnsMessage;
}

export const DATABASE_NAME = 'trygghetskartan';

export class TrygghetsDatabase extends Dexie {
  documents!: Table<PromiseDocument, string>;
  focusAreas!: Table<FocusArea, string>;
  activities!: Table<Activity, string>;
  features!: Table<SafetyFeature, string>;
  statusEntries!: Table<StatusEntry, string>;
  contacts!: Table<Contact, string>;
  meta!: Table<MetaRecord, string>;
  history!: Table<HistoryEntry, number>;
  outbox!: Table<OutboxEntry, number>;
  versions!: Table<VersionRecord, string>;
  syncMeta!: Table<SyncMetaRecord, string>;
  answerSets!: Table<AnswerSetRecord, string>;
  snapshot!: Table<SnapshotRecord, string>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores(schemaV1);
    // v2 only adds a table: no records change, so no upgrade function.
    this.version(2).stores(schemaV2);
    this.version(3).stores(schemaV3).upgrade(upgradeToV3);
    // v4 only adds the sync tables: nothing to upgrade.
    this.version(4).stores(schemaV4);
    // v5 only adds the status entries' table: nothing to upgrade.
    this.version(5).stores(schemaV5);
    // v6 only adds the answer sets: nothing to upgrade.
    this.version(6).stores(schemaV6);
    // v7 only adds the contacts: nothing to upgrade.
    this.version(7).stores(schemaV7);
    // v8 only adds the start-up snapshot: written from the tables on the next start.
    this.version(8).stores(schemaV8);
    // An older tab must let a newer one upgrade instead of blocking it.
    this.on('versionchange', () => {
      this.close();
      return false;
    });
  }

  get recordTables() {
    return [this.documents, this.focusAreas, this.activities, this.features, this.statusEntries, this.contacts] as const;
  }
}
