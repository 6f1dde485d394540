import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where Debian's PostgreSQL 15 keeps its programs. They are not on PATH (postgresql-common wraps
 * them per cluster), so the server names them by full path. PG_BIN overrides it for other layouts.
 */
export function postgresBinDir(): string {
  return process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
}

export const pgBinary = (name: 'initdb' | 'pg_ctl' | 'pg_config' | 'pg_dump' | 'pg_restore' | 'psql') => join(postgresBinDir(), name);

const APT_PACKAGES = ['postgresql-15', 'postgresql-15-postgis-3'];

/** True when initdb, pg_ctl and the PostGIS extension files are all there. */
export function postgresInstalled(): boolean {
  if (!existsSync(pgBinary('initdb')) || !existsSync(pgBinary('pg_ctl')) || !existsSync(pgBinary('pg_config'))) return false;
  const shareDir = execFileSync(pgBinary('pg_config'), ['--sharedir'], { encoding: 'utf8' }).trim();
  return existsSync(join(shareDir, 'extension', 'postgis.control'));
}

/**
 * CI starts on a fresh machine: like scripts/ensure-chromium.mjs, install the Debian packages with
 * apt when they are missing and we are root; otherwise say exactly what to install.
 */
export function ensurePostgresInstalled(log: (line: string) => void = console.log): void {
  if (postgresInstalled()) return;
  const command = `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${APT_PACKAGES.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`PostgreSQL 15 with PostGIS 3 is missing (${postgresBinDir()}). Install it: sudo ${command}, or set PG_BIN.`);
  }
  log(`Installing ${APT_PACKAGES.join(' ')} with apt (about a minute)...`);
  // stdout to stderr: callers such as `npm run server` keep their stdout for the URL line.
  execSync(command, { stdio: ['ignore', process.stderr, process.stderr] });
  if (!postgresInstalled()) throw new Error(`apt-get finished but PostgreSQL 15 / PostGIS 3 is still missing in ${postgresBinDir()}.`);
}
