import type { PoolClient } from 'pg';
import { RECORD_TABLES, touchedIds, type ChangeSet, type RecordOf, type RecordTable } from '../../src/domain/changes';
import { contextNeeds, type ChangeContext } from '../../src/domain/rules/checkChange';

type Stored = ChangeContext['stored'];
export interface VersionedRecord {
  table: RecordTable;
  id: string;
  version: number;
  record: unknown;
}

/**
 * The touched records, locked for the rest of the transaction: two pushes of the same record
 * queue here, so a version check cannot race a write.
 */
export async function lockTouched(client: PoolClient, change: ChangeSet): Promise<Map<string, VersionedRecord>> {
  const tables: string[] = [];
  const ids: string[] = [];
  for (const table of RECORD_TABLES) {
    for (const record of change.put[table] ?? []) (tables.push(table), ids.push(record.id));
    for (const id of change.delete[table] ?? []) (tables.push(table), ids.push(id));
  }
  const { rows } = await client.query<{ table_name: RecordTable; id: string; version: number; record: unknown }>(
    `SELECT r.table_name, r.id, r.version, r.record FROM records r
       JOIN unnest($1::text[], $2::text[]) AS t(table_name, id) ON r.table_name = t.table_name AND r.id = t.id
     ORDER BY r.table_name, r.id FOR UPDATE OF r`,
    [tables, ids],
  );
  return new Map(rows.map((r) => [key(r.table_name, r.id), { table: r.table_name, id: r.id, version: r.version, record: r.record }]));
}

export const key = (table: RecordTable, id: string) => `${table}/${id}`;

/**
 * The stored records the write door's rules need (see contextNeeds in src/domain): by id, then
 * the children of touched documents, focus areas and activities, then the parents of all of
 * them. `known` are records already read in this transaction (the touched ones, locked): not
 * read again. Each round asks for every table at once, so a place's context (the place, its
 * activities, their focus areas and documents) takes two round trips inside the lock.
 */
export async function loadContext(client: PoolClient, change: ChangeSet, known?: Map<string, VersionedRecord>): Promise<Stored> {
  const needs = contextNeeds(change);
  const found = { documents: new Map(), focusAreas: new Map(), activities: new Map(), features: new Map(), statusEntries: new Map(), contacts: new Map() } as { [T in RecordTable]: Map<string, RecordOf[T]> };
  const looked = new Set<string>();
  const keep = (rows: { table_name: RecordTable; record: { id: string } }[]) => {
    for (const row of rows) (found[row.table_name] as Map<string, unknown>).set(row.record.id, row.record);
  };
  if (known) {
    // Every touched record was looked for by lockTouched: those not in `known` do not exist.
    for (const table of RECORD_TABLES) for (const id of touchedIds(change, table)) looked.add(key(table, id));
    for (const record of known.values()) (found[record.table] as Map<string, unknown>).set(record.id, record.record);
  }
  /** Reads, in one query, the records of these (table, id) pairs not found or looked for yet. */
  const byIds = async (wanted: { table: RecordTable; ids: Iterable<string> }[]) => {
    const tables: string[] = [];
    const ids: string[] = [];
    for (const { table, ids: list } of wanted)
      for (const id of list) {
        const k = key(table, id);
        if (looked.has(k)) continue;
        looked.add(k);
        tables.push(table);
        ids.push(id);
      }
    if (!ids.length) return;
    keep((await client.query(`SELECT r.table_name, r.record FROM records r JOIN unnest($1::text[], $2::text[]) AS t(table_name, id) ON r.table_name = t.table_name AND r.id = t.id`, [tables, ids])).rows);
  };
  await byIds(RECORD_TABLES.map((table) => ({ table, ids: needs.byId[table] })));

  const documents = [...needs.childrenOf.documents];
  if (documents.length)
    keep((await client.query(`SELECT table_name, record FROM records WHERE table_name IN ('focusAreas', 'activities') AND record->>'documentId' = ANY($1::text[])`, [documents])).rows);
  const areas = [...needs.childrenOf.focusAreas];
  if (areas.length) keep((await client.query(`SELECT table_name, record FROM records WHERE table_name = 'activities' AND record->>'focusAreaId' = ANY($1::text[])`, [areas])).rows);
  const parentActivities = new Set(needs.childrenOf.activities);
  for (const activity of found.activities.values())
    if (needs.childrenOf.documents.has(activity.documentId) || needs.childrenOf.focusAreas.has(activity.focusAreaId)) parentActivities.add(activity.id);
  if (parentActivities.size)
    keep(
      (
        await client.query(
          `SELECT table_name, record FROM records WHERE (table_name = 'features' AND record->'activityIds' ?| $1::text[])
              OR (table_name = 'statusEntries' AND record->>'activityId' = ANY($1::text[]))`,
          [[...parentActivities]],
        )
      ).rows,
    );

  // Parents, up the chain (place → activity → focus area and document) until nothing is missing.
  for (let round = 0; round < 3; round++) {
    const before = looked.size;
    await byIds([
      { table: 'activities', ids: new Set([...[...found.features.values()].flatMap((f) => f.activityIds), ...[...found.statusEntries.values()].map((e) => e.activityId)]) },
      { table: 'focusAreas', ids: new Set([...found.activities.values()].map((a) => a.focusAreaId)) },
      { table: 'documents', ids: new Set([...found.activities.values(), ...found.focusAreas.values(), ...found.statusEntries.values()].map((r) => r.documentId)) },
    ]);
    if (looked.size === before) break;
  }
  return {
    documents: [...found.documents.values()],
    focusAreas: [...found.focusAreas.values()],
    activities: [...found.activities.values()],
    features: [...found.features.values()],
    statusEntries: [...found.statusEntries.values()],
    contacts: [...found.contacts.values()],
  };
}

/**
 * Writes a checked change: deletes, then puts. A record's version is the sequence number of the
 * change that last wrote it, so a version is never reused, not even by a record deleted and
 * created again under the same id.
 */
export async function writeChange(client: PoolClient, change: ChangeSet, seq: number, author: string): Promise<{ [T in RecordTable]?: Record<string, number | null> }> {
  const versions: { [T in RecordTable]?: Record<string, number | null> } = {};
  const note = (table: RecordTable, id: string, version: number | null) => ((versions[table] ??= {})[id] = version);
  for (const table of RECORD_TABLES) {
    const deletes = change.delete[table] ?? [];
    if (deletes.length) await client.query(`DELETE FROM records WHERE table_name = $1 AND id = ANY($2::text[])`, [table, deletes]);
    for (const id of deletes) note(table, id, null);
    const puts = (change.put[table] ?? []) as { id: string }[];
    if (!puts.length) continue;
    await client.query(
      `INSERT INTO records (table_name, id, version, municipality_code, geom, record, updated_at, updated_by)
       SELECT $1, t.id, $2, t.municipality_code, CASE WHEN t.geom IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON(t.geom), 4326) END, t.record::jsonb, now(), $3
         FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS t(id, municipality_code, geom, record)
       ON CONFLICT (table_name, id) DO UPDATE SET version = EXCLUDED.version, municipality_code = EXCLUDED.municipality_code,
         geom = EXCLUDED.geom, record = EXCLUDED.record, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [
        table,
        seq,
        author,
        puts.map((r) => r.id),
        puts.map((r) => municipalityCode(table, r)),
        puts.map((r) => (table === 'features' ? JSON.stringify((r as { id: string; geometry?: unknown }).geometry) : null)),
        puts.map((r) => JSON.stringify(r)),
      ],
    );
    for (const r of puts) note(table, r.id, seq);
  }
  return versions;
}

function municipalityCode(table: RecordTable, record: unknown): string | null {
  const r = record as { municipalityCode?: unknown; municipality?: { code?: unknown } };
  if (table === 'features' && typeof r.municipalityCode === 'string') return r.municipalityCode;
  if ((table === 'documents' || table === 'contacts') && typeof r.municipality?.code === 'string') return r.municipality.code;
  return null;
}
