import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

/** Any constant both API instances agree on: serialises migrating across processes and hosts. */
const MIGRATION_LOCK = 7_305_001;

export interface Migration {
  file: string;
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** The migration files in version order; a malformed name or a duplicate version is an error, not a skip. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE.exec(file);
      if (!match) throw new Error(`Migration file ${file} must be named NNN_name.sql (lower case, digits, _)`);
      const sql = readFileSync(join(dir, file), 'utf8');
      return { file, version: Number(match[1]), name: match[2] as string, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1]?.version === m.version) throw new Error(`Two migration files have version ${m.version}`);
  });
  return migrations;
}

export interface MigrationResult {
  /** Versions this call applied (empty when the database was up to date). */
  applied: number[];
}

/**
 * Applies the pending migrations in order, each in its own transaction with its row in
 * schema_migrations. Refuses to run when an applied migration's file changed or is gone: the
 * database would no longer be what the files describe.
 */
export async function runMigrations(pool: pg.Pool, dir: string = MIGRATIONS_DIR): Promise<MigrationResult> {
  const migrations = readMigrations(dir);
  const client = await pool.connect();
  let broken = false;
  try {
    // A session lock: held across the per-migration transactions; a second instance waits here.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        checksum text NOT NULL
      )`);
      const { rows } = await client.query<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
      const done = new Map(rows.map((row) => [row.version, row]));
      for (const row of rows) {
        const file = migrations.find((m) => m.version === row.version);
        if (!file) throw new Error(`The database has migration ${row.version} (${row.name}), which is not in ${dir}: is this an older build?`);
        if (file.checksum !== row.checksum)
          throw new Error(`Migration ${file.file} changed after it was applied: add a new migration instead of editing it.`);
      }
      const applied: number[] = [];
      for (const migration of migrations.filter((m) => !done.has(m.version))) {
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [migration.version, migration.name, migration.checksum]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`Migration ${migration.file} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        applied.push(migration.version);
      }
      return { applied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } catch (error) {
    // A broken connection must not go back to the pool (and ending it frees the lock anyway).
    broken = true;
    throw error;
  } finally {
    client.release(broken);
  }
}
