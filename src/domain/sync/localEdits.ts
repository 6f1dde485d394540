import { RECORD_TABLES, type ChangeSet, type RecordOf, type RecordTable } from '../changes';
import type { Dataset } from '../dataset';
import type { Issue } from '../result';
import { writePermissionIssues, type Writer } from '../rules/writePermission';
import { sameRecord } from '../sameRecord';

/**
 * What a browser holds beyond the shipped data, as one change set from the shipped data to it:
 * records added or changed here are put, shipped records removed here are deleted. This is what
 * a first connection to a team server has to decide about (the server starts from the shipped
 * data, at version 0).
 */
export function localEdits(local: Dataset, shipped: Dataset, label: string): ChangeSet {
  const change: ChangeSet = { label, put: {}, delete: {} };
  for (const table of RECORD_TABLES) {
    const before = new Map<string, unknown>(shipped[table].map((r) => [r.id, r]));
    const puts = (local[table] as RecordOf[RecordTable][]).filter((r) => !sameRecord(r, before.get(r.id)));
    const here = new Set(local[table].map((r) => r.id));
    const deletes = shipped[table].map((r) => r.id).filter((id) => !here.has(id));
    if (puts.length) (change.put as Record<string, unknown[]>)[table] = puts;
    if (deletes.length) change.delete[table] = deletes;
  }
  return change;
}

export const changeSize = (change: ChangeSet) => RECORD_TABLES.reduce((n, t) => n + (change.put[t]?.length ?? 0) + (change.delete[t]?.length ?? 0), 0);

/**
 * Splits local edits into what this writer may send to the server and what it may not (another
 * municipality's records, a reader's anything), by the same rule the server applies, so the
 * upload is not refused whole for one record outside the writer's scope.
 */
export function splitByPermission(change: ChangeSet, local: Dataset, shipped: Dataset, writer: Writer): { allowed: ChangeSet; refused: { table: RecordTable; id: string; issues: Issue[] }[] } {
  const allowed: ChangeSet = { label: change.label, put: {}, delete: {} };
  const refused: { table: RecordTable; id: string; issues: Issue[] }[] = [];
  // Judged where each record was (the shipped data) and where it ends (here). Documents new here
  // are added to the shipped ones so the focus areas and activities in them find their municipality.
  const shippedDocuments = new Set(shipped.documents.map((d) => d.id));
  const stored = { ...shipped, documents: [...shipped.documents, ...local.documents.filter((d) => !shippedDocuments.has(d.id))] };
  for (const table of RECORD_TABLES) {
    const one = (single: ChangeSet, id: string) => {
      const issues = writePermissionIssues(single, { stored }, writer);
      if (issues.length) refused.push({ table, id, issues });
      return issues.length === 0;
    };
    for (const record of change.put[table] ?? []) {
      if (one({ label: '', put: { [table]: [record] }, delete: {} }, record.id)) ((allowed.put as Record<string, unknown[]>)[table] ??= []).push(record);
    }
    for (const id of change.delete[table] ?? []) {
      if (one({ label: '', put: {}, delete: { [table]: [id] } }, id)) (allowed.delete[table] ??= []).push(id);
    }
  }
  return { allowed, refused };
}
