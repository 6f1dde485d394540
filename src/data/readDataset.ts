import type { z } from 'zod';
import type { Dataset } from '../domain/dataset';
import { RECORD_TABLES, type RecordTable } from '../domain/changes';
import type { Issue } from '../domain/result';
import { RECORD_SCHEMAS } from '../domain/rules/recordSchema';
import type { TrygghetsDatabase } from './db';
import type { ViewSnapshot } from './liveView';

export interface StoredDataset {
  dataset: Dataset;
  /** Records that no longer match the schema: kept in the database, left out of the view, reported. */
  issues: Issue[];
  /** The live view's state (index, rows, version) when the data came through it (liveView.ts). */
  snapshot?: ViewSnapshot;
}

/** Reads every table through its schema: a damaged record is reported, never allowed to crash the view. */
export async function readDataset(db: TrygghetsDatabase): Promise<StoredDataset> {
  const raw = await readRaw(db);
  const issues: Issue[] = [];
  const dataset = Object.fromEntries(RECORD_TABLES.map((table) => [table, keepValid(raw[table], RECORD_SCHEMAS[table], issues)])) as unknown as Dataset;
  return { dataset, issues };
}

/**
 * The start-up read (issue 12): every record went through the write door's schema when it was
 * written, so the first view is built from the records as stored, and `checkStored` re-checks
 * them in the background in small slices. Only a record damaged outside the door (another
 * version of the app, a browser extension) fails there; then the caller reads again through the
 * schema, and the view leaves that record out and reports it, as `readDataset` does.
 */
export async function readDatasetUnchecked(db: TrygghetsDatabase): Promise<Dataset> {
  return (await readRaw(db)) as unknown as Dataset;
}

const DISTRUST_KEY = 'trygghetskartan.checkStoredOnRead';

/**
 * After a crash, the next start reads through the schema before building anything: a damaged
 * record must not crash the page before the background check reaches it. Kept until a checked
 * read finds every record valid.
 */
export function distrustStoredRecords(): void {
  try {
    localStorage.setItem(DISTRUST_KEY, '1');
  } catch {
    // No storage (private mode): the background check still runs.
  }
}

export function storedRecordsDistrusted(): boolean {
  try {
    return localStorage.getItem(DISTRUST_KEY) === '1';
  } catch {
    return false;
  }
}

export function trustStoredRecordsAgain(): void {
  try {
    localStorage.removeItem(DISTRUST_KEY);
  } catch {
    // Nothing to clear.
  }
}

/** True when every record matches its schema; yields to the page every few milliseconds so no task runs long. */
export async function checkStored(dataset: Dataset, isCancelled: () => boolean = () => false, sliceMs = 8): Promise<boolean | null> {
  let sliceStart = performance.now();
  for (const table of RECORD_TABLES) {
    const schema = RECORD_SCHEMAS[table];
    for (const record of dataset[table] as unknown[]) {
      if (!schema.safeParse(record).success) return false;
      if (performance.now() - sliceStart > sliceMs) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (isCancelled()) return null;
        sliceStart = performance.now();
      }
    }
  }
  return true;
}

async function readRaw(db: TrygghetsDatabase): Promise<Record<RecordTable, unknown[]>> {
  const arrays = await Promise.all(RECORD_TABLES.map((table) => db[table].toArray() as Promise<unknown[]>));
  return Object.fromEntries(RECORD_TABLES.map((table, i) => [table, arrays[i]!])) as Record<RecordTable, unknown[]>;
}

function keepValid<S extends z.ZodType>(records: unknown[], schema: S, issues: Issue[]): z.infer<S>[] {
  const valid: z.infer<S>[] = [];
  for (const record of records) {
    const parsed = schema.safeParse(record);
    if (parsed.success) valid.push(parsed.data);
    else
      issues.push({
        code: 'stored-record-invalid',
        severity: 'warning',
        subject: String((record as { id?: unknown })?.id ?? '?'),
        message: parsed.error.issues.map((i) => i.message).join('; '),
      });
  }
  return valid;
}
