import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { RECORD_TABLES } from '../../src/domain/changes';
import type { Dataset } from '../../src/domain/dataset';
import { parseShippedDataset } from '../../src/data/shippedDataset';
import { CHANGE_LOG_LOCK } from './changeLog';
import { writeChange } from './records';

/** The shipped dataset read from data/ with the same parser (and integrity check) as the app's build. */
export function readShippedDataset(dataDir: string): Dataset {
  const readAll = (folder: string) =>
    Object.fromEntries(readdirSync(join(dataDir, folder)).filter((f) => /\.(json|geojson)$/.test(f)).map((f) => [f, JSON.parse(readFileSync(join(dataDir, folder, f), 'utf8')) as unknown]));
  const parsed = parseShippedDataset({ documentFiles: readAll('documents'), featureFiles: readAll('features') });
  if (!parsed.ok) throw new Error(`data/ is invalid: ${parsed.error.map((i) => `${i.subject}: ${i.message}`).join('; ')}`);
  return parsed.value;
}

/**
 * An empty server starts with what every browser already holds: the shipped records, at version
 * 0 (no change log entry: nobody made them here). Runs once, under the writers' lock, so two
 * API instances starting together seed once.
 */
export async function seedIfEmpty(pool: Pool, dataset: Dataset): Promise<'seeded' | 'already-stored'> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOG_LOCK]);
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM records');
    if (Number(rows[0]!.n) > 0) {
      await client.query('ROLLBACK');
      return 'already-stored';
    }
    const put = Object.fromEntries(RECORD_TABLES.map((t) => [t, dataset[t]]));
    await writeChange(client, { label: 'seed', put, delete: {} }, 0, 'trygghetskartan');
    await client.query('COMMIT');
    return 'seeded';
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
