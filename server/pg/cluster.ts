import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { chownToPostgres, mustRunAsPostgres, postgresCanReach, runAsPostgres, runningAsRoot } from './asPostgres';
import { pgBinary, postgresInstalled } from './install';

export interface ClusterOptions {
  /** The data folder asked for; see clusterLocation for when the cluster lives elsewhere. */
  dataDir: string;
  /** Default: a free port. */
  port?: number;
  /** false only for throwaway test clusters: a crash may then lose data. */
  fsync?: boolean;
  /** Default: trygghetskartan. */
  database?: string;
  log?: (line: string) => void;
}

export interface Cluster {
  connectionString: string;
  port: number;
  /** Where the cluster really lives (may differ from the folder asked for). */
  dataDir: string;
  stop(): Promise<void>;
}

/** Clusters whose folder the postgres user cannot reach live here, one folder per requested path. */
export const FALLBACK_ROOT = '/var/tmp/trygghetskartan-pg';

/**
 * Where the cluster for a requested folder lives. As root, the folder must be reachable by the
 * postgres user: a clone under a 0700 home such as /root is not, so its cluster moves to
 * FALLBACK_ROOT/<hash of the requested path> (the same path always maps to the same cluster).
 */
export function clusterLocation(requested: string): { dir: string; moved: boolean } {
  const wanted = resolve(requested);
  if (!runningAsRoot()) return { dir: wanted, moved: false };
  mkdirSync(dirname(wanted), { recursive: true });
  if (postgresCanReach(dirname(wanted))) return { dir: wanted, moved: false };
  const hash = createHash('sha256').update(wanted).digest('hex').slice(0, 16);
  return { dir: join(FALLBACK_ROOT, hash), moved: true };
}

/** A port that was free a moment ago (the OS picks it when we bind port 0). */
export const freePort = (): Promise<number> => bindable(0);

/** `preferred` when it can be bound on 127.0.0.1 now, else a free port. */
export const portOrFree = (preferred: number): Promise<number> => bindable(preferred).catch(() => freePort());

function bindable(port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error('no free port'))));
    });
  });
}

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

function prepareFolder(dir: string, moved: boolean): void {
  if (moved) {
    mkdirSync(FALLBACK_ROOT, { recursive: true });
    chmodSync(FALLBACK_ROOT, 0o755);
  }
  mkdirSync(dir, { recursive: true });
  chownToPostgres(dir);
}

async function initIfEmpty(dir: string, fsync: boolean, log: (line: string) => void): Promise<void> {
  if (existsSync(join(dir, 'PG_VERSION'))) return;
  if (readdirSync(dir).length > 0) throw new Error(`${dir} is neither empty nor a PostgreSQL data folder: refusing to initialise a cluster there.`);
  log(`PostgreSQL: initialising a cluster in ${dir}`);
  // -U postgres: the same superuser name whoever runs it; trust: it only listens on 127.0.0.1.
  const args = ['-D', dir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C'];
  await mustRunAsPostgres(pgBinary('initdb'), fsync ? args : [...args, '--no-sync']);
}

async function isRunning(dir: string): Promise<boolean> {
  return (await runAsPostgres(pgBinary('pg_ctl'), ['-D', dir, 'status'])).code === 0;
}

async function pgCtlStop(dir: string): Promise<void> {
  if (!(await isRunning(dir))) return;
  await mustRunAsPostgres(pgBinary('pg_ctl'), ['-D', dir, '-m', 'fast', '-w', '-t', '60', 'stop']);
}

function logTail(dir: string): string {
  const file = join(dir, 'postgres.log');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-15).join('\n') : '';
}

async function launch(dir: string, port: number, fsync: boolean): Promise<void> {
  // Unix socket paths are limited to 107 bytes; we connect over TCP anyway, so a long path just
  // turns the socket off instead of failing the start.
  const socketDir = `${dir}/.s.PGSQL.${port}`.length < 100 ? dir : '';
  const settings = [`-p ${port}`, `-k ${shellQuote(socketDir)}`, '-c listen_addresses=127.0.0.1', ...(fsync ? [] : ['-c fsync=off'])];
  const { code, output } = await runAsPostgres(pgBinary('pg_ctl'), ['-D', dir, '-l', join(dir, 'postgres.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
  if (code !== 0) throw new Error(`PostgreSQL did not start in ${dir} on port ${port}: ${output.trim()}\n${logTail(dir)}`);
}

async function createDatabase(port: number, database: string): Promise<string> {
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
  const connectionString = `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS postgis');
  } finally {
    await client.end();
  }
  return connectionString;
}

/**
 * Starts (initialising when empty) a PostgreSQL 15 cluster on 127.0.0.1 with database `database`
 * and PostGIS in it. pg_ctl runs the server as a daemon: call stop() in a finally, or it outlives us.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const log = options.log ?? console.log;
  const fsync = options.fsync ?? true;
  if (!postgresInstalled()) throw new Error('PostgreSQL 15 with PostGIS 3 is not installed: call ensurePostgresInstalled() first.');
  const { dir, moved } = clusterLocation(options.dataDir);
  if (moved) log(`PostgreSQL: the postgres user cannot reach ${resolve(options.dataDir)}, so its cluster lives in ${dir}`);
  prepareFolder(dir, moved);
  await initIfEmpty(dir, fsync, log);
  if (await isRunning(dir)) {
    // Left behind by a run that was killed outright: stop it so this run owns it (and its port).
    log(`PostgreSQL: stopping a server left running in ${dir}`);
    await pgCtlStop(dir);
  }
  const port = options.port ?? (await freePort());
  await launch(dir, port, fsync);
  let stopped: Promise<void> | null = null;
  const stop = () => (stopped ??= pgCtlStop(dir));
  try {
    const connectionString = await createDatabase(port, options.database ?? 'trygghetskartan');
    return { connectionString, port, dataDir: dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
