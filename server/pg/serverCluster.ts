// The cluster `npm run server` uses (SERVER_DATA_DIR/postgres), for the commands that work on it
// while the server is stopped or running: backup and restore.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../config';
import { runAsPostgres } from './asPostgres';
import { clusterLocation, startCluster, type Cluster } from './cluster';
import { pgBinary } from './install';

export const SERVER_DATABASE = 'trygghetskartan';

/** The data folder `npm run server` asks for, and where its cluster really lives. */
export function serverClusterDir(env: NodeJS.ProcessEnv = process.env): { dataDir: string; requested: string; clusterDir: string } {
  const dataDir = resolve(env.SERVER_DATA_DIR || join(REPO_ROOT, '.server-data'));
  const requested = join(dataDir, 'postgres');
  return { dataDir, requested, clusterDir: clusterLocation(requested).dir };
}

export const clusterInitialised = (clusterDir: string) => existsSync(join(clusterDir, 'PG_VERSION'));

/** The port of the PostgreSQL running on `clusterDir`, or null when none is (a stale postmaster.pid does not count). */
export async function runningPort(clusterDir: string): Promise<number | null> {
  if (!clusterInitialised(clusterDir)) return null;
  if ((await runAsPostgres(pgBinary('pg_ctl'), ['-D', clusterDir, 'status'])).code !== 0) return null;
  // postmaster.pid: pid, data folder, start time, port, ...
  const port = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
  return Number.isInteger(port) && port > 0 ? port : null;
}

export const connectionStringFor = (port: number) => `postgres://postgres@127.0.0.1:${port}/${SERVER_DATABASE}`;

/**
 * Runs `work` against the server's database: the running cluster when there is one, else the
 * cluster started for the occasion and stopped again afterwards (also when `work` fails).
 */
export async function withServerDatabase<T>(options: { log: (line: string) => void; env?: NodeJS.ProcessEnv }, work: (connectionString: string, started: boolean) => Promise<T>): Promise<T> {
  const env = options.env ?? process.env;
  const { requested, clusterDir } = serverClusterDir(env);
  const port = await runningPort(clusterDir);
  if (port) return work(connectionStringFor(port), false);
  let cluster: Cluster | null = null;
  try {
    cluster = await startCluster({ dataDir: requested, fsync: env.SERVER_PG_FSYNC !== 'off', log: options.log });
    options.log(`PostgreSQL started for this command (port ${cluster.port}); it stops again afterwards.`);
    return await work(cluster.connectionString, true);
  } finally {
    await cluster?.stop();
  }
}
