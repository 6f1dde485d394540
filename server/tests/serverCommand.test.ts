import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config';
import { runAsPostgres } from '../pg/asPostgres';
import { freePort } from '../pg/cluster';
import { pgBinary } from '../pg/install';

/** `npm run server` end to end: PostgreSQL, OIDC provider and API up, then all of it down on SIGTERM. */

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

function waitForLine(child: ChildProcess, output: () => string, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = output().match(pattern);
      if (match) return done(() => resolve(match));
      if (child.exitCode !== null) return done(() => reject(new Error(`server exited (${child.exitCode}) before printing ${pattern}:\n${output()}`)));
    }, 50);
    const timeout = setTimeout(() => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output()}`))), timeoutMs);
    const done = (then: () => void) => (clearInterval(timer), clearTimeout(timeout), then());
  });
}

describe('npm run server', () => {
  const dataDir = mkdtempSync('/tmp/trygghetskartan-server-');
  let clusterDir: string | null = null;
  let child: ChildProcess | null = null;

  afterAll(async () => {
    // Whatever went wrong above, leave no server and no PostgreSQL running.
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (clusterDir && existsSync(join(clusterDir, 'postmaster.pid'))) await runAsPostgres(pgBinary('pg_ctl'), ['-D', clusterDir, '-m', 'immediate', 'stop']);
    rmSync(dataDir, { recursive: true, force: true });
    if (clusterDir) rmSync(clusterDir, { recursive: true, force: true });
  });

  it('starts PostgreSQL, the sign-in provider and the API, serves the app, and stops all of it on SIGTERM', async () => {
    const port = await freePort();
    let stdout = '';
    let stderr = '';
    // SERVER_DATA_DIR is a 0700 folder here, as a clone under /root is on CI: the cluster must move.
    child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: String(port), SERVER_DATA_DIR: dataDir, SERVER_PG_FSYNC: 'off', SERVER_BUILD: '0', OIDC_PORT: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const all = () => `${stdout}\n${stderr}`;

    const [, url] = await waitForLine(child, () => stdout, /running at (http:\/\/\S+)/, 40_000);
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    const pgLine = all().match(/PostgreSQL on 127\.0\.0\.1:(\d+), data in (\S+)/);
    expect(pgLine, all()).not.toBeNull();
    const pgPort = Number(pgLine?.[1]);
    clusterDir = pgLine?.[2] ?? null;
    expect(clusterDir).toMatch(/^\/var\/tmp\/trygghetskartan-pg\/[0-9a-f]{16}$/);
    const oidcUrl = all().match(/provider \(test accounts\) at (http:\/\/\S+)/)?.[1];

    const health = await fetch(`${url}api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', postgres: expect.stringMatching(/^15\./), postgis: expect.stringMatching(/^3\./) });
    expect((await fetch(`${url}api/changes?since=0`)).status).toBe(401);
    if (existsSync(join(REPO_ROOT, 'dist', 'index.html'))) {
      const page = await fetch(url as string);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    }
    if (oidcUrl) expect((await fetch(`${oidcUrl}/.well-known/openid-configuration`)).status).toBe(200);

    const exit = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(all()).toContain('Stopped.');
    expect(existsSync(join(clusterDir as string, 'postmaster.pid'))).toBe(false);
    expect(await portOpen(pgPort)).toBe(false);
    expect(await portOpen(port)).toBe(false);
    if (oidcUrl) expect(await portOpen(Number(new URL(oidcUrl).port))).toBe(false);
  });
});
