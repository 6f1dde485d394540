import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, readMigrations, runMigrations } from '../pg/migrate';
import { freshDatabase, type FreshDatabase } from './helpers/database';

const appliedRows = async (pool: pg.Pool) =>
  (await pool.query<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations ORDER BY version')).rows;

describe('migrations', () => {
  const opened: FreshDatabase[] = [];
  const fresh = async () => {
    const db = await freshDatabase();
    opened.push(db);
    return db;
  };
  afterAll(async () => {
    await Promise.all(opened.map((db) => db.drop()));
  });

  it('applies every file once, in order, and a second run applies nothing', async () => {
    const { pool } = await fresh();
    const files = readMigrations();
    expect(files[0]).toMatchObject({ version: 1, name: 'init' });
    expect((await runMigrations(pool)).applied).toEqual(files.map((m) => m.version));
    expect((await appliedRows(pool)).map((r) => [r.version, r.name, r.checksum])).toEqual(files.map((m) => [m.version, m.name, m.checksum]));
    expect((await runMigrations(pool)).applied).toEqual([]);
    expect(await appliedRows(pool)).toHaveLength(files.length);
  });

  it('applies each migration once when two API instances start at the same moment', async () => {
    const { url } = await fresh();
    const pools = [new pg.Pool({ connectionString: url, max: 1 }), new pg.Pool({ connectionString: url, max: 1 })];
    try {
      const results = await Promise.all(pools.map((pool) => runMigrations(pool)));
      const all = readMigrations().map((m) => m.version);
      // One runner did the work, the other waited on the lock and found nothing left.
      expect(results.map((r) => r.applied).sort((a, b) => b.length - a.length)).toEqual([all, []]);
      expect((await appliedRows(pools[0] as pg.Pool)).map((r) => r.version)).toEqual(all);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('creates records with a PostGIS geometry (SRID 4326, GiST index) that only places may have', async () => {
    const { pool } = await fresh();
    await runMigrations(pool);
    await pool.query(
      `INSERT INTO records (table_name, id, version, municipality_code, geom, record) VALUES ('features', 'f1', 1, '0182', ST_SetSRID(ST_MakePoint(18.16, 59.31), 4326), '{}')`,
    );
    const { rows } = await pool.query<{ srid: number }>('SELECT ST_SRID(geom) AS srid FROM records');
    expect(rows[0]?.srid).toBe(4326);
    await expect(pool.query(`INSERT INTO records (table_name, id, version, geom, record) VALUES ('features', 'f2', 1, ST_SetSRID(ST_MakePoint(1, 2), 3006), '{}')`)).rejects.toThrow(/SRID/i);
    await expect(pool.query(`INSERT INTO records (table_name, id, version, geom, record) VALUES ('activities', 'a1', 1, ST_SetSRID(ST_MakePoint(18, 59), 4326), '{}')`)).rejects.toThrow(/check constraint/);
    await expect(pool.query(`INSERT INTO records (table_name, id, version, record) VALUES ('users', 'u1', 1, '{}')`)).rejects.toThrow(/check constraint/);
    const index = await pool.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE tablename = 'records' AND indexname = 'records_geom'");
    expect(index.rows[0]?.indexdef).toMatch(/USING gist \(geom\)/);
  });

  it('keeps change_log append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const { pool } = await fresh();
    await runMigrations(pool);
    await pool.query(
      `INSERT INTO change_log (seq, change_id, author, label, forward, inverse, base_versions, result_versions)
       VALUES (1, gen_random_uuid(), 'planner@nacka.test', 'test', '{}', '{}', '{}', '{}')`,
    );
    await expect(pool.query(`UPDATE change_log SET label = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM change_log')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE change_log')).rejects.toThrow(/append-only/);
    // The same idempotency id twice is refused by the database itself.
    const { rows } = await pool.query<{ change_id: string; label: string }>('SELECT change_id, label FROM change_log');
    expect(rows).toEqual([expect.objectContaining({ label: 'test' })]);
    await expect(
      pool.query(`INSERT INTO change_log (seq, change_id, author, forward, inverse, base_versions, result_versions) VALUES (2, $1, 'x', '{}', '{}', '{}', '{}')`, [rows[0]?.change_id]),
    ).rejects.toThrow(/duplicate key/);
  });

  describe('with migration files of its own', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
      dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses to start when an applied migration file was edited afterwards', async () => {
      const { pool } = await fresh();
      writeFileSync(join(dir, '001_first.sql'), 'CREATE TABLE first (id int);');
      await runMigrations(pool, dir);
      writeFileSync(join(dir, '001_first.sql'), 'CREATE TABLE first (id bigint);');
      await expect(runMigrations(pool, dir)).rejects.toThrow(/001_first\.sql changed after it was applied/);
    });

    it('refuses a database with a migration the files do not have (an older build)', async () => {
      const { pool } = await fresh();
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      writeFileSync(join(dir, '900_later.sql'), 'SELECT 1;');
      await runMigrations(pool, dir);
      await expect(runMigrations(pool)).rejects.toThrow(/migration 900 \(later\)/);
    });

    it('rolls a failing migration back whole and records nothing for it', async () => {
      const { pool } = await fresh();
      writeFileSync(join(dir, '001_ok.sql'), 'CREATE TABLE ok (id int);');
      writeFileSync(join(dir, '002_broken.sql'), 'CREATE TABLE half (id int); SELECT * FROM no_such_table;');
      await expect(runMigrations(pool, dir)).rejects.toThrow(/002_broken\.sql failed: .*no_such_table/);
      expect((await appliedRows(pool)).map((r) => r.version)).toEqual([1]);
      expect((await pool.query("SELECT to_regclass('half') AS t")).rows[0]).toEqual({ t: null });
      // The lock was released: the next run (with the file fixed) goes ahead.
      writeFileSync(join(dir, '002_broken.sql'), 'CREATE TABLE half (id int);');
      expect((await runMigrations(pool, dir)).applied).toEqual([2]);
    });

    it('links the change sets logged before 003 to the records they touched, and keeps the links append-only', async () => {
      const { pool } = await fresh();
      for (const file of readMigrations().filter((m) => m.version < 3)) writeFileSync(join(dir, file.file), file.sql);
      await runMigrations(pool, dir);
      const logged = (seq: number, forward: object) =>
        pool.query(`INSERT INTO change_log (seq, change_id, author, label, forward, inverse, base_versions, result_versions) VALUES ($1, gen_random_uuid(), 'planner@nacka.test', 'test', $2, '{}', '{}', '{}')`, [seq, JSON.stringify(forward)]);
      await logged(1, { label: 'import', put: { documents: [{ id: 'd1' }], activities: [{ id: 'a1' }, { id: 'a2' }], features: [{ id: 'f1' }] }, delete: {} });
      // Deleted and put in one change: one link, not two.
      await logged(2, { label: 'ersätt', put: { features: [{ id: 'f1' }] }, delete: { features: ['f1'], focusAreas: ['z1'] } });
      await logged(3, { label: 'tom', put: {}, delete: {} });

      expect((await runMigrations(pool)).applied).toEqual(readMigrations().filter((m) => m.version >= 3).map((m) => m.version));
      const { rows } = await pool.query<{ seq: string; table_name: string; record_id: string }>('SELECT seq, table_name, record_id FROM change_log_records ORDER BY seq, table_name, record_id');
      expect(rows.map((r) => `${r.seq} ${r.table_name} ${r.record_id}`)).toEqual(['1 activities a1', '1 activities a2', '1 documents d1', '1 features f1', '2 features f1', '2 focusAreas z1']);
      const index = await pool.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE tablename = 'change_log_records'");
      expect(index.rows.map((r) => r.indexdef)).toEqual([expect.stringMatching(/UNIQUE INDEX .* \(table_name, record_id, seq\)$/)]);
      await expect(pool.query('DELETE FROM change_log_records')).rejects.toThrow(/change_log_records is append-only/);
      await expect(pool.query(`UPDATE change_log_records SET record_id = 'x'`)).rejects.toThrow(/append-only/);
      await expect(pool.query('TRUNCATE change_log_records')).rejects.toThrow(/append-only/);
    });

    it('refuses badly named files and duplicate versions instead of skipping them', () => {
      writeFileSync(join(dir, '1_init.sql'), 'SELECT 1;');
      expect(() => readMigrations(dir)).toThrow(/NNN_name\.sql/);
      rmSync(join(dir, '1_init.sql'));
      writeFileSync(join(dir, '001_a.sql'), 'SELECT 1;');
      writeFileSync(join(dir, '001_b.sql'), 'SELECT 2;');
      expect(() => readMigrations(dir)).toThrow(/Two migration files have version 1/);
    });
  });
});
