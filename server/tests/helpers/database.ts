import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { runMigrations } from '../../pg/migrate';

/** Made by globalSetup: every fresh database is copied from it, so PostGIS is installed once, not per file. */
export const TEMPLATE_DATABASE = 'test_template';

export interface FreshDatabase {
  pool: pg.Pool;
  url: string;
  /** Ends the pool and drops the database (even with connections left open). */
  drop(): Promise<void>;
}

/**
 * A database of its own in the suite's cluster (empty but for PostGIS), so test files cannot see
 * each other's rows.
 * `migrated: true` runs server/migrations first (most tests want the real schema).
 */
export async function freshDatabase(options: { migrated?: boolean } = {}): Promise<FreshDatabase> {
  const url = new URL(inject('databaseUrl'));
  // CREATE/DROP DATABASE from the maintenance database: a copied template must have no other sessions.
  url.pathname = '/postgres';
  const adminUrl = url.toString();
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 5 });
  // A dropped test database terminates idle connections: that must not crash the test process.
  pool.on('error', () => {});
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await pool.end();
    await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  };
  if (options.migrated) {
    try {
      await runMigrations(pool);
    } catch (error) {
      await drop();
      throw error;
    }
  }
  return { pool, url: url.toString(), drop };
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}
