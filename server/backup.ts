// `npm run server:backup [FILE]`: the server's database as one pg_dump archive (custom format),
// by default SERVER_DATA_DIR/backups/trygghetskartan-<time>.dump. Works while `npm run server`
// runs (pg_dump reads one consistent snapshot); when it does not, PostgreSQL is started for the
// backup and stopped again. Restore with `npm run server:restore FILE`.
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dumpDatabase } from './pg/dump';
import { ensurePostgresInstalled } from './pg/install';
import { clusterInitialised, serverClusterDir, withServerDatabase } from './pg/serverCluster';

const log = (line: string) => console.error(line);

/** 2026-12-01T23-10-05Z: sorts by time and is a valid file name everywhere. */
const stamp = (date: Date) => date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');

export async function backup(target: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { dataDir, clusterDir } = serverClusterDir(env);
  if (!clusterInitialised(clusterDir)) throw new Error(`There is no server database in ${clusterDir} (SERVER_DATA_DIR=${dataDir}): nothing to back up.`);
  const file = resolve(target ?? join(dataDir, 'backups', `trygghetskartan-${stamp(new Date())}.dump`));
  mkdirSync(dirname(file), { recursive: true });
  // Written under a temporary name first: a backup that fails halfway never looks like a good one.
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    await withServerDatabase({ log, env }, (connectionString) => dumpDatabase(connectionString, partial));
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensurePostgresInstalled(log);
  backup(process.argv[2]).then(
    (file) => {
      log(`Backup written (${Math.ceil(statSync(file).size / 1024)} kB). Restore it with: npm run server:restore ${file}`);
      console.log(file);
    },
    (error: unknown) => {
      log(`npm run server:backup: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
