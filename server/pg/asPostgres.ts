import { execFileSync, spawn } from 'node:child_process';
import { chownSync } from 'node:fs';

/**
 * PostgreSQL refuses to run as root. As root, its programs run as the `postgres` user (the Debian
 * packages create it); as anyone else, as that user, who then owns the cluster.
 */
export const runningAsRoot = () => process.getuid?.() === 0;

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Hands a folder to the user PostgreSQL runs as (a no-op when we are not root). */
export function chownToPostgres(path: string): void {
  if (!runningAsRoot()) return;
  const { uid, gid } = postgresIds();
  chownSync(path, uid, gid);
}

/** Whether the postgres user can reach into `dir` (search permission on it and every ancestor). */
export function postgresCanReach(dir: string): boolean {
  if (!runningAsRoot()) return true;
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface RunResult {
  code: number | null;
  output: string;
}

/**
 * Runs a PostgreSQL program, as postgres when we are root. Resolves on the program's exit, not on
 * its pipes closing: `pg_ctl start` leaves a daemon behind that could hold inherited pipes open.
 */
export function runAsPostgres(program: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  const [command, argv] = runningAsRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  return new Promise((resolve, reject) => {
    // cwd "/": the postgres user may not be allowed into our working directory.
    const child = spawn(command as string, argv as string[], { cwd: '/', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** Like runAsPostgres, but a non-zero exit is an error that carries the program's output. */
export async function mustRunAsPostgres(program: string, args: string[]): Promise<string> {
  const { code, output } = await runAsPostgres(program, args);
  if (code !== 0) throw new Error(`${program.split('/').pop()} ${args[0] ?? ''} failed (exit ${code}): ${output.trim()}`);
  return output;
}
