import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { SafetyFeature } from '../../src/domain/safetyFeature';
import type { PushRequest } from '../../src/domain/sync/push';
import { REPO_ROOT } from '../config';
import { loadMunicipalityLocator } from '../locator';
import { startCluster, type Cluster } from '../pg/cluster';
import { archivedMigrations } from '../pg/dump';
import { readMigrations, runMigrations } from '../pg/migrate';
import { applyPush, type PushAuthor } from '../store/applyPush';
import { readShippedDataset, seedIfEmpty } from '../store/seed';

/**
 * `npm run server:backup` and `npm run server:restore` end to end, on a cluster of their own in
 * a SERVER_DATA_DIR of their own (the suite's shared cluster is not what the commands manage).
 */

const shipped = readShippedDataset(join(REPO_ROOT, 'data'));
const planner: PushAuthor = { email: 'planner@nacka.test', role: 'planner', municipalities: ['0182'] };
const template = shipped.features.find((f) => f.municipalityCode === '0182' && f.geometry.type === 'Point')!;
const locator = loadMunicipalityLocator();
const dataDir = mkdtempSync('/tmp/trygghetskartan-backup-test-');
chmodSync(dataDir, 0o755); // the postgres user must reach SERVER_DATA_DIR/postgres
const env = { ...process.env, SERVER_DATA_DIR: dataDir, SERVER_PG_FSYNC: 'off' };
let cluster: Cluster | null = null;
let pool: pg.Pool | null = null;

async function up(): Promise<pg.Pool> {
  cluster = await startCluster({ dataDir: join(dataDir, 'postgres'), fsync: false, log: () => {} });
  pool = new pg.Pool({ connectionString: cluster.connectionString, max: 2 });
  return pool;
}

async function down(): Promise<void> {
  await pool?.end();
  await cluster?.stop();
  pool = null;
  cluster = null;
}

afterAll(async () => {
  await down().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

const command = (script: 'backup' | 'restore', ...args: string[]) =>
  spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [`server/${script}.ts`, ...args], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 90_000 });

let made = 0;
async function pushPlace(db: pg.Pool, base: { id: string; version: number } | null): Promise<{ id: string; version: number }> {
  made += 1;
  const id = base?.id ?? `backup-test-${made}`;
  const place = { ...template, id, name: `Plats ${made}` } as SafetyFeature;
  const push: PushRequest = { changeId: crypto.randomUUID(), label: `ändring ${made}`, put: { features: [place] }, delete: {}, baseVersions: { features: { [id]: base?.version ?? null } } };
  const outcome = await applyPush(db, push, planner, locator);
  if (outcome.kind !== 'applied') throw new Error(`push not applied: ${JSON.stringify(outcome)}`);
  return { id, version: outcome.entry.seq };
}

/** Everything a restore must bring back: every record (geometry included) and the whole log. */
async function state(db: pg.Pool) {
  const records = await db.query('SELECT table_name, id, version, municipality_code, ST_AsText(geom) AS geom, record, updated_at, updated_by FROM records ORDER BY table_name, id');
  const log = await db.query('SELECT * FROM change_log ORDER BY seq');
  return { records: records.rows, log: log.rows };
}

describe('npm run server:backup and server:restore', () => {
  it('brings back the records and the change log as they were at backup time', async () => {
    const db = await up();
    await runMigrations(db);
    await seedIfEmpty(db, shipped);
    const first = await pushPlace(db, null);
    await pushPlace(db, first);
    await pushPlace(db, null);
    const atBackup = await state(db);
    expect(atBackup.log).toHaveLength(3);

    // While the server's PostgreSQL runs, the backup uses it.
    const made = command('backup');
    expect(made.status, made.stderr).toBe(0);
    const file = made.stdout.trim();
    expect(file).toMatch(new RegExp(`^${dataDir}/backups/trygghetskartan-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ\\.dump$`));
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([file.split('/').pop()]);
    expect(await archivedMigrations(file)).toEqual(readMigrations().map((m) => m.version));

    await pushPlace(db, { id: first.id, version: 2 });
    await pushPlace(db, null);
    const deleted = await applyPush(db, { changeId: crypto.randomUUID(), label: 'ta bort', put: {}, delete: { features: [template.id] }, baseVersions: { features: { [template.id]: 0 } } }, planner, locator);
    expect(deleted.kind).toBe('applied');
    expect((await state(db)).log).toHaveLength(6);

    // Not while the server's PostgreSQL runs: the API could accept changes during the restore.
    const refused = command('restore', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/PostgreSQL is running .*npm run server/);

    await down();
    const restored = command('restore', file);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stderr).toMatch(/Restored: \d+ records, 3 change sets \(last sequence number 3\)/);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false); // it stopped what it started

    const after = await up();
    expect(await state(after)).toEqual(atBackup);
    const { rows } = await after.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.length).toBeGreaterThan(0);
    // The log goes on from where the backup ends, and is still append-only.
    expect((await pushPlace(after, null)).version).toBe(4);
    await expect(after.query('DELETE FROM change_log')).rejects.toThrow(/append-only/);

    // With the server stopped, the backup starts PostgreSQL for itself and stops it again.
    await down();
    const second = command('backup', join(dataDir, 'elsewhere', 'second.dump'));
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout.trim()).toBe(join(dataDir, 'elsewhere', 'second.dump'));
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('refuses what is not a backup, and a data folder without a database', () => {
    const notArchive = command('restore', join(REPO_ROOT, 'package.json'));
    expect(notArchive.status).toBe(1);
    expect(notArchive.stderr).toMatch(/not a pg_dump archive/);
    const empty = mkdtempSync('/tmp/trygghetskartan-backup-empty-');
    try {
      const nothing = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['server/backup.ts'], { cwd: REPO_ROOT, env: { ...env, SERVER_DATA_DIR: empty }, encoding: 'utf8' });
      expect(nothing.status).toBe(1);
      expect(nothing.stderr).toMatch(/nothing to back up/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
