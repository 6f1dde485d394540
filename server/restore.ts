// `npm run server:restore FILE`: puts the server's database back to a `server:backup` archive,
// then applies the migrations newer than the archive. Refuses while the server's PostgreSQL runs
// (so while `npm run server` runs): the API would keep serving, and accepting pushes, across the
// restore. The restore is one transaction: when it fails, the database is as it was.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { archivedMigrations, isCustomArchive, restoreDatabase } from './pg/dump';
import { ensurePostgresInstalled } from './pg/install';
import { runMigrations } from './pg/migrate';
import { runningPort, serverClusterDir, withServerDatabase } from './pg/serverCluster';

const log = (line: string) => console.error(line);

export interface RestoreSummary {
  records: number;
  changeSets: number;
  lastSeq: number;
  migrationsApplied: number[];
}

export async function restore(file: string, env: NodeJS.ProcessEnv = process.env): Promise<RestoreSummary> {
  const archive = resolve(file);
  if (!existsSync(archive)) throw new Error(`${archive} does not exist.`);
  if (!isCustomArchive(archive)) throw new Error(`${archive} is not a pg_dump archive in custom format (made by npm run server:backup).`);
  const { dataDir, clusterDir } = serverClusterDir(env);
  const port = await runningPort(clusterDir);
  if (port) {
    throw new Error(
      `The server's PostgreSQL is running (port ${port}, data in ${clusterDir}): is \`npm run server\` running? `
      + 'Stop it (Ctrl+C) and run the restore again, so that no API accepts changes while the database is replaced.',
    );
  }
  return withServerDatabase({ log, env }, async (connectionString) => {
    const pool = new pg.Pool({ connectionString, max: 1 });
    try {
      // Objects of migrations newer than the archive would outlive --clean and then clash with
      // those migrations being applied again.
      const inArchive = new Set(await archivedMigrations(archive));
      const { rows } = await pool.query<{ exists: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`);
      const applied = rows[0]!.exists ? (await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version) : [];
      const newer = applied.filter((v) => !inArchive.has(v));
      if (inArchive.size && newer.length) {
        throw new Error(
          `The database in ${dataDir} has migrations the backup predates (${newer.join(', ')}). `
          + `Restore into an empty data folder instead (SERVER_DATA_DIR=<new folder> npm run server:restore ${archive}); the newer migrations are applied afterwards.`,
        );
      }
      log(`Restoring ${archive} ...`);
      await restoreDatabase(connectionString, archive);
      const { applied: migrationsApplied } = await runMigrations(pool);
      const counts = await pool.query<{ records: string; change_sets: string; last_seq: string }>(
        'SELECT (SELECT count(*) FROM records) AS records, (SELECT count(*) FROM change_log) AS change_sets, (SELECT coalesce(max(seq), 0) FROM change_log) AS last_seq',
      );
      const c = counts.rows[0]!;
      return { records: Number(c.records), changeSets: Number(c.change_sets), lastSeq: Number(c.last_seq), migrationsApplied };
    } finally {
      await pool.end();
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) {
    log('Usage: npm run server:restore FILE (an archive made by npm run server:backup)');
    process.exitCode = 2;
  } else {
    ensurePostgresInstalled(log);
    restore(file).then(
      (s) => {
        log(`Restored: ${s.records} records, ${s.changeSets} change sets (last sequence number ${s.lastSeq})${s.migrationsApplied.length ? `; migrations applied since: ${s.migrationsApplied.join(', ')}` : ''}.`);
        log('Browsers that synced past that sequence number must sync again from the start.');
      },
      (error: unknown) => {
        log(`npm run server:restore: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      },
    );
  }
}
