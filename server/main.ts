// `npm run server`: everything the team map needs on one machine, as child processes of this one:
// PostgreSQL (its own cluster in SERVER_DATA_DIR), the local OpenID Connect provider (development
// only) and the API serving the built app. Ctrl+C or SIGTERM stops all of them, PostgreSQL too;
// so does any of them dying.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from './config';
import { type Cluster, portOrFree, startCluster } from './pg/cluster';
import { ensurePostgresInstalled } from './pg/install';
import { runMigrations } from './pg/migrate';
import { spawnChild, stopChild, waitForHttp } from './processes';

const env = process.env;
const port = Number(env.PORT || 8787);
if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
const host = env.HOST || '127.0.0.1';
const dataDir = resolve(env.SERVER_DATA_DIR || join(REPO_ROOT, '.server-data'));
const nodeEnv = env.NODE_ENV || 'development';
/** Resource indicators must be absolute URIs; a URN stays the same whatever port the API gets. */
const devAudience = 'urn:trygghetskartan:api';
const log = (line: string) => console.error(line);

class StopRequested extends Error {}

const children: ChildProcess[] = [];
let cluster: Cluster | null = null;
let stopRequested = false;
let startupDone = false;
let exitCode = 0;
let shutdown: Promise<void> | null = null;

function stopAll(code: number): Promise<void> {
  if (code) exitCode = code;
  shutdown ??= (async () => {
    // Children first (the API lets its requests finish), PostgreSQL last.
    await Promise.all(children.map((child) => stopChild(child)));
    await cluster?.stop().catch((error: unknown) => log(`PostgreSQL did not stop cleanly: ${String(error)}`));
    log('Stopped.');
    process.exit(exitCode);
  })();
  return shutdown;
}

function requestStop(code: number): void {
  if (code) exitCode = code;
  stopRequested = true;
  // During start-up the start sequence notices the flag after its current step and cleans up.
  if (startupDone) void stopAll(code);
}

const checkpoint = () => {
  if (stopRequested) throw new StopRequested();
};

function watch(name: string, child: ChildProcess): ChildProcess {
  children.push(child);
  child.on('exit', (code, signal) => {
    if (shutdown) return;
    log(`${name} exited (${code ?? signal}): stopping everything.`);
    requestStop(1);
  });
  return child;
}

const tsx = (script: string) => [process.execPath, ['--import', 'tsx', join(REPO_ROOT, script)]] as const;

async function migrate(connectionString: string): Promise<void> {
  const pool = new pg.Pool({ connectionString, max: 1 });
  try {
    const { applied } = await runMigrations(pool);
    log(applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Migrations: up to date');
  } finally {
    await pool.end();
  }
}

function ensureBuilt(): string | null {
  const dist = join(REPO_ROOT, 'dist');
  if (existsSync(join(dist, 'index.html'))) return dist;
  if (env.SERVER_BUILD === '0') {
    log('dist/ is missing and SERVER_BUILD=0: serving the API only. Run `npm run build` for the app at /.');
    return null;
  }
  log('dist/ is missing: running `npm run build` first...');
  const result = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  if (result.status !== 0) throw new Error('npm run build failed');
  return dist;
}

/** The app's own address, also as localhost: the browser may be pointed at either. */
const redirectUris = (appUrl: string) => [`${appUrl}/`, `${appUrl.replace('127.0.0.1', 'localhost')}/`].join(',');

/** The local provider with test accounts, unless a real IdP is configured or this is production. */
async function startDevOidc(appUrl: string): Promise<{ issuer: string; audience: string } | null> {
  if (env.OIDC_ISSUER) return { issuer: env.OIDC_ISSUER, audience: env.OIDC_AUDIENCE ?? '' };
  const script = 'server/dev/oidcMain.ts';
  if (nodeEnv === 'production' || env.SERVER_OIDC === 'off') return null;
  if (!existsSync(join(REPO_ROOT, script))) {
    log(`${script} is not there yet: starting without sign-in.`);
    return null;
  }
  // A stable default port keeps the issuer (and so browser sessions) the same across restarts.
  const oidcPort = Number(env.OIDC_PORT) || (await portOrFree(port === 8787 ? 8788 : 0));
  const issuer = `http://127.0.0.1:${oidcPort}`;
  const audience = env.OIDC_AUDIENCE || devAudience;
  const [command, args] = tsx(script);
  const child = watch(
    'OIDC provider',
    spawnChild('OIDC provider', command, [...args], { cwd: REPO_ROOT, env: { ...env, NODE_ENV: nodeEnv, OIDC_PORT: String(oidcPort), OIDC_ISSUER: issuer, OIDC_AUDIENCE: audience, OIDC_REDIRECT_URIS: redirectUris(appUrl) } }),
  );
  await waitForHttp(`${issuer}/.well-known/openid-configuration`, child);
  log(`Local OpenID Connect provider (test accounts) at ${issuer}`);
  return { issuer, audience };
}

async function start(): Promise<void> {
  // Before anything starts: a port in use would only show up as the API dying at the end.
  if ((await portOrFree(port)) !== port) throw new Error(`PORT ${port} is in use: stop what listens there or set PORT.`);
  ensurePostgresInstalled(log);
  checkpoint();
  const fsync = env.SERVER_PG_FSYNC !== 'off';
  cluster = await startCluster({ dataDir: join(dataDir, 'postgres'), ...(env.PG_PORT ? { port: Number(env.PG_PORT) } : {}), fsync, log });
  log(`PostgreSQL on 127.0.0.1:${cluster.port}, data in ${cluster.dataDir}`);
  checkpoint();
  await migrate(cluster.connectionString);
  checkpoint();
  const staticDir = ensureBuilt();
  checkpoint();
  const appUrl = `http://${host}:${port}`;
  const oidc = await startDevOidc(appUrl);
  checkpoint();
  const [command, args] = tsx('server/api.ts');
  const apiEnv = {
    ...env,
    NODE_ENV: nodeEnv,
    // Errors and warnings only, so the terminal stays readable; LOG_LEVEL=info logs every request.
    LOG_LEVEL: env.LOG_LEVEL || 'warn',
    DATABASE_URL: cluster.connectionString,
    PORT: String(port),
    HOST: host,
    STATIC_DIR: staticDir ?? '',
    OIDC_ISSUER: oidc?.issuer ?? '',
    OIDC_AUDIENCE: oidc?.audience ?? '',
  };
  const api = watch('API', spawnChild('API', command, [...args], { cwd: REPO_ROOT, env: apiEnv }));
  await waitForHttp(`${appUrl}/api/health`, api);
  checkpoint();
  startupDone = true;
  // The one line on stdout: scripts and tests wait for it.
  console.log(`Trygghetskartan is running at ${appUrl}/`);
  log('Press Ctrl+C to stop.');
}

process.on('SIGINT', () => requestStop(0));
process.on('SIGTERM', () => requestStop(0));

start().catch((error: unknown) => {
  if (!(error instanceof StopRequested)) log(`npm run server: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(error instanceof StopRequested ? 0 : 1);
});
