import { documentStandings, swedishToday } from '../domain/currency';
import { RECORD_TABLES, type ChangeSet, type RecordOf, type RecordTable } from '../domain/changes';
import { indexDataset, withFeatureChanges, type Dataset, type DatasetIndex } from '../domain/dataset';
import { featureRowDeriver, type FeatureRow } from '../domain/featureRows';
import type { Issue } from '../domain/result';

/** One state of the view: the records, their index, and a row per place. Never mutated. */
export interface ViewSnapshot {
  version: number;
  dataset: Dataset;
  index: DatasetIndex;
  rows: readonly FeatureRow[];
  /** Stored records that failed their schema when the database was read (kept there, left out here). */
  issues: Issue[];
  /** The rows changed from `version` to this snapshot; null: take `rows` whole (too far back, or across a reset). */
  diffFrom(version: number): RowDiff | null;
}

/** What changed between two versions, by place: rows added or re-derived, and places gone. */
export interface RowDiff {
  put: FeatureRow[];
  remove: string[];
}

type Tables = { [T in RecordTable]: Map<string, RecordOf[T]> };

/** How many versions back a consumer (the map) may be and still get a diff instead of everything. */
const KEPT_DIFFS = 64;

/**
 * The records in memory, kept up to date by the change sets the write door commits (this tab's,
 * other tabs', pulled ones: see changeFeed.ts). A change updates the maps, rebuilds the small
 * lookups, and re-derives only the rows of the places it reaches: a place it puts, and the
 * places of an activity, focus area, document or status entry it touches. Nothing is re-read
 * from IndexedDB or re-validated: what the door wrote was checked there.
 */
export class LiveView {
  private tables: Tables;
  private rows = new Map<string, FeatureRow>();
  private issues: Issue[];
  private version = 0;
  private diffs: { version: number; diff: RowDiff }[] = [];
  private current: ViewSnapshot;

  constructor(dataset: Dataset, issues: Issue[] = [], private readonly today: () => string = swedishToday) {
    this.tables = tablesOf(dataset);
    this.issues = issues;
    this.current = this.rebuild();
  }

  snapshot(): ViewSnapshot {
    return this.current;
  }

  /** Everything replaced (a restore, a reset): every row derived again, and no diff to the last version. */
  reset(dataset: Dataset, issues: Issue[] = []): void {
    this.tables = tablesOf(dataset);
    this.issues = issues;
    this.rows.clear();
    this.current = this.rebuild();
  }

  apply(change: ChangeSet): void {
    const before = this.current.index;
    const reached = this.placesReached(change, before);
    for (const table of RECORD_TABLES) {
      const map = this.tables[table] as Map<string, { id: string }>;
      for (const id of change.delete[table] ?? []) map.delete(id);
      for (const record of change.put[table] ?? []) map.set(record.id, record);
    }
    // Places only (an edit, an import): the index is patched and the other tables' arrays are shared.
    const placesOnly = RECORD_TABLES.every((t) => t === 'features' || (!change.put[t]?.length && !change.delete[t]?.length));
    const dataset = placesOnly ? { ...this.current.dataset, features: [...this.tables.features.values()] } : datasetOf(this.tables);
    const index = placesOnly ? withFeatureChanges(before, change.put.features ?? [], change.delete.features ?? []) : indexDataset(dataset);
    // Documents decide each other's currency (a new one supersedes an older one): places of any document whose standing moved are reached too.
    if (change.put.documents?.length || change.delete.documents?.length) {
      const today = this.today();
      const old = documentStandings([...before.documents.values()], today);
      const now = documentStandings([...index.documents.values()], today);
      for (const [id, standing] of now) if (old.get(id)?.currency !== standing.currency) for (const f of index.featureIdsByDocument.get(id) ?? []) reached.add(f);
    }
    const derive = featureRowDeriver(index, this.today());
    const diff: RowDiff = { put: [], remove: [] };
    for (const id of reached) {
      const feature = index.features.get(id);
      if (!feature) {
        if (this.rows.delete(id)) diff.remove.push(id);
        continue;
      }
      const row = derive(feature);
      this.rows.set(id, row);
      diff.put.push(row);
    }
    this.version++;
    this.diffs.push({ version: this.version, diff });
    if (this.diffs.length > KEPT_DIFFS) this.diffs.shift();
    this.current = this.snapshotOf(dataset, index);
  }

  private snapshotOf(dataset: Dataset, index: DatasetIndex): ViewSnapshot {
    const version = this.version;
    return { version, dataset, index, rows: [...this.rows.values()], issues: this.issues, diffFrom: (from) => this.diffBetween(from, version) };
  }

  /** The rows changed since `version`, merged; null when that is too far back (or before a reset): then take everything. */
  diffSince(version: number): RowDiff | null {
    return this.diffBetween(version, this.version);
  }

  private diffBetween(from: number, to: number): RowDiff | null {
    if (from === to) return { put: [], remove: [] };
    const first = this.diffs.findIndex((d) => d.version === from + 1);
    if (first < 0 || from > to) return null;
    const put = new Map<string, FeatureRow>();
    const remove = new Set<string>();
    for (const { diff } of this.diffs.slice(first).filter((d) => d.version <= to)) {
      for (const id of diff.remove) (put.delete(id), remove.add(id));
      for (const row of diff.put) (remove.delete(row.id), put.set(row.id, row));
    }
    return { put: [...put.values()], remove: [...remove] };
  }

  /** The places a change reaches, judged on the state before it (a deleted record's links are only known there) and the change itself. */
  private placesReached(change: ChangeSet, index: DatasetIndex): Set<string> {
    const places = new Set<string>();
    const activities = new Set<string>();
    for (const id of [...(change.put.features ?? []).map((f) => f.id), ...(change.delete.features ?? [])]) places.add(id);
    for (const id of [...(change.put.activities ?? []).map((a) => a.id), ...(change.delete.activities ?? [])]) activities.add(id);
    for (const entry of change.put.statusEntries ?? []) activities.add(entry.activityId);
    for (const id of change.delete.statusEntries ?? []) {
      const entry = this.tables.statusEntries.get(id);
      if (entry) activities.add(entry.activityId);
    }
    const areas = new Set([...(change.put.focusAreas ?? []).map((a) => a.id), ...(change.delete.focusAreas ?? [])]);
    const documents = new Set([...(change.put.documents ?? []).map((d) => d.id), ...(change.delete.documents ?? [])]);
    if (areas.size || documents.size)
      for (const activity of this.tables.activities.values()) if (areas.has(activity.focusAreaId) || documents.has(activity.documentId)) activities.add(activity.id);
    for (const document of documents) for (const id of index.featureIdsByDocument.get(document) ?? []) places.add(id);
    if (activities.size)
      for (const feature of this.tables.features.values()) if (feature.activityIds.some((id) => activities.has(id))) places.add(feature.id);
    return places;
  }

  private rebuild(): ViewSnapshot {
    const dataset = datasetOf(this.tables);
    const index = indexDataset(dataset);
    const derive = featureRowDeriver(index, this.today());
    this.rows.clear();
    for (const feature of index.features.values()) this.rows.set(feature.id, derive(feature));
    this.version++;
    // Diffs never reach across a reset: a consumer behind it takes everything.
    this.diffs = [];
    return this.snapshotOf(dataset, index);
  }
}

function tablesOf(dataset: Dataset): Tables {
  // A loop, not new Map(records.map(r => [r.id, r])): no pair per record (100 000 of them at start-up).
  const byId = (records: readonly { id: string }[]) => {
    const map = new Map<string, { id: string }>();
    for (const record of records) map.set(record.id, record);
    return map;
  };
  return Object.fromEntries(RECORD_TABLES.map((t) => [t, byId(dataset[t] as { id: string }[])])) as Tables;
}

function datasetOf(tables: Tables): Dataset {
  return Object.fromEntries(RECORD_TABLES.map((t) => [t, [...tables[t].values()]])) as unknown as Dataset;
}
