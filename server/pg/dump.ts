// pg_dump and pg_restore for the server's database (`npm run server:backup` / `server:restore`).
// As root they run as the postgres user, like the cluster's other programs; the archive goes
// through file descriptors we open, so the postgres user needs no access to the backup folder.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';
import { runningAsRoot } from './asPostgres';
import { pgBinary } from './install';

/** libpq's environment for a connection string: no password or URL on a command line (ps shows those). */
export function libpqEnv(connectionString: string): NodeJS.ProcessEnv {
  const url = new URL(connectionString);
  const sslmode = url.searchParams.get('sslmode');
  return {
    PGHOST: decodeURIComponent(url.hostname),
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username) || 'postgres',
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}),
    ...(sslmode ? { PGSSLMODE: sslmode } : {}),
  };
}

function run(program: 'pg_dump' | 'pg_restore', args: string[], io: { connectionString?: string; stdin?: number; stdout?: number }): Promise<string> {
  const [command, argv] = runningAsRoot() ? ['runuser', ['-u', 'postgres', '--', pgBinary(program), ...args]] : [pgBinary(program), args];
  return new Promise((resolve, reject) => {
    const child = spawn(command as string, argv as string[], {
      cwd: '/',
      env: { ...process.env, ...(io.connectionString ? libpqEnv(io.connectionString) : {}) },
      stdio: [io.stdin ?? 'ignore', io.stdout ?? 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`${program} failed (exit ${code}): ${output.trim()}`))));
  });
}

/** The whole database as one custom-format archive (`pg_dump -Fc`), written to `file`. */
export async function dumpDatabase(connectionString: string, file: string): Promise<void> {
  const fd = openSync(file, 'wx', 0o600);
  try {
    await run('pg_dump', ['--format=custom', '--no-password'], { connectionString, stdout: fd });
  } finally {
    closeSync(fd);
  }
}

/** True when `file` starts like a pg_dump custom-format archive. */
export function isCustomArchive(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    return readSync(fd, head, 0, 5, 0) === 5 && head.toString('latin1') === 'PGDMP';
  } finally {
    closeSync(fd);
  }
}

/** The migration versions recorded in an archive (its schema_migrations rows); reads the file only. */
export async function archivedMigrations(file: string): Promise<number[]> {
  const fd = openSync(file, 'r');
  try {
    const sql = await run('pg_restore', ['--data-only', '--table=schema_migrations', '--file=-'], { stdin: fd });
    const copy = /^COPY [^\n]*schema_migrations[^\n]*\n([\s\S]*?)^\\\.$/m.exec(sql);
    return copy ? copy[1]!.split('\n').filter(Boolean).map((line) => Number(line.split('\t')[0])) : [];
  } finally {
    closeSync(fd);
  }
}

/**
 * Restores an archive into the database, in one transaction: the objects it holds are dropped
 * and recreated (`--clean --if-exists`), so a restore that fails halfway changes nothing.
 */
export async function restoreDatabase(connectionString: string, file: string): Promise<void> {
  const fd = openSync(file, 'r');
  try {
    await run('pg_restore', ['--clean', '--if-exists', '--single-transaction', '--exit-on-error', '--no-owner', '--no-acl', '--no-password', `--dbname=${libpqEnv(connectionString).PGDATABASE}`], { connectionString, stdin: fd });
  } finally {
    closeSync(fd);
  }
}
