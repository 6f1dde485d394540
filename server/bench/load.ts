// `npm run bench:server`: the team server under load, end to end and on loopback only. A
// throwaway PostgreSQL cluster (fsync on, as in production; BENCH_FSYNC=off to compare), the
// migrations and the shipped dataset, the local OpenID Connect provider, and the API as its own
// process (`tsx server/api.ts`, as deployed). BENCH_CLIENTS clients (50) sign in through the real
// login form, then push and pull for BENCH_SECONDS (60); afterwards the database is checked:
// nothing lost, nothing twice, every client's pull gapless. A human summary, then one JSON line.
// Stops everything it started, also on Ctrl+C. Not part of `npm test`.
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { SafetyFeature } from '../../src/domain/safetyFeature';
import { REPO_ROOT } from '../config';
import { startDevProvider, DEV_AUDIENCE, DEV_CLIENT_ID } from '../dev/oidcProvider';
import { signInWithPkce } from '../dev/signIn';
import { freePort, startCluster, type Cluster } from '../pg/cluster';
import { ensurePostgresInstalled } from '../pg/install';
import { runMigrations } from '../pg/migrate';
import { spawnChild, stopChild, waitForHttp } from '../processes';
import { readShippedDataset, seedIfEmpty } from '../store/seed';
import { BenchClient } from './client';
import { postmasterPid, treeCpuSeconds } from './cpu';
import { Latencies, round } from './stats';
import { verify } from './verify';

const env = process.env;
const bounded = (value: string | undefined, fallback: number, min: number, max: number) => Math.min(max, Math.max(min, Number(value) || fallback));
const SECONDS = bounded(env.BENCH_SECONDS, 60, 1, 600);
const CLIENTS = bounded(env.BENCH_CLIENTS, 50, 1, 500);
const FSYNC = env.BENCH_FSYNC !== 'off';
const POOL_SIZE = bounded(env.BENCH_POOL_SIZE, 10, 1, 100);
/** Profiling: BENCH_PULL_EVERY=0 pushes only, 5 pulls after every fifth push (default 1). */
const PULL_EVERY = /^\d+$/.test(env.BENCH_PULL_EVERY ?? '') ? Math.min(1000, Number(env.BENCH_PULL_EVERY)) : 1;
const REDIRECT_URI = 'http://127.0.0.1:1/callback';
/** Who pushes: the test accounts that may write places, each in a municipality of its own scope. */
const WRITERS = [
  { email: 'planner@nacka.test', municipality: '0182' },
  { email: 'police@nacka.test', municipality: '0120' },
  { email: 'planner@ekero.test', municipality: '0125' },
] as const;
const log = (line: string) => console.error(`bench: ${line}`);

// The local provider refuses to run outside development and tests (its password is public).
env.NODE_ENV ??= 'development';

const aborted = new AbortController();
process.on('SIGINT', () => aborted.abort());
process.on('SIGTERM', () => aborted.abort());

async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}

async function main(): Promise<void> {
  ensurePostgresInstalled(log);
  const parent = mkdtempSync('/tmp/trygghetskartan-bench-');
  chmodSync(parent, 0o755); // the postgres user must be able to enter it
  const cleanups: (() => Promise<unknown>)[] = [async () => rmSync(parent, { recursive: true, force: true })];
  let cluster: Cluster | null = null;
  try {
    cluster = await startCluster({ dataDir: join(parent, 'data'), fsync: FSYNC, log });
    const started = cluster;
    const keepLog = env.BENCH_PG_LOG;
    if (keepLog) cleanups.unshift(async () => copyFileSync(join(started.dataDir, 'postgres.log'), keepLog));
    cleanups.unshift(() => started.stop());
    const pool = new pg.Pool({ connectionString: cluster.connectionString, max: 2 });
    cleanups.unshift(() => pool.end());
    await runMigrations(pool);
    const dataset = readShippedDataset(join(REPO_ROOT, 'data'));
    await seedIfEmpty(pool, dataset);
    // Profiling only: BENCH_PG_SETTINGS="log_min_duration_statement=0,..." (ALTER SYSTEM, reloaded).
    for (const setting of (env.BENCH_PG_SETTINGS ?? '').split(',').filter(Boolean)) {
      const [name = '', value = ''] = setting.split('=');
      await pool.query(`ALTER SYSTEM SET ${pg.escapeIdentifier(name.trim())} = ${pg.escapeLiteral(value.trim())}`);
    }
    await pool.query('SELECT pg_reload_conf()');

    const provider = await startDevProvider({ port: 0, audience: DEV_AUDIENCE, clients: [{ client_id: DEV_CLIENT_ID, redirect_uris: [REDIRECT_URI] }] });
    cleanups.unshift(() => provider.stop());

    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const profileDir = env.BENCH_CPU_PROF;
    const api = spawnChild('API', process.execPath, [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--import', 'tsx', join(REPO_ROOT, 'server/api.ts')], {
      cwd: REPO_ROOT,
      env: { ...env, NODE_ENV: 'production', DATABASE_URL: cluster.connectionString, HOST: '127.0.0.1', PORT: String(apiPort), STATIC_DIR: '', OIDC_ISSUER: provider.issuer, OIDC_AUDIENCE: DEV_AUDIENCE, LOG_LEVEL: 'warn', PG_POOL_SIZE: String(POOL_SIZE) },
    });
    cleanups.unshift(() => stopChild(api));
    await waitForHttp(`${apiUrl}/api/health`, api);
    log(`PostgreSQL 127.0.0.1:${cluster.port} (fsync ${FSYNC ? 'on' : 'off'}), API ${apiUrl} (pool ${POOL_SIZE}), provider ${provider.issuer}`);

    // Every client is its own browser: its own sign-in through the login form, its own token.
    const clients = await inBatches(Array.from({ length: CLIENTS }, (_, i) => i), 10, async (index) => {
      const writer = WRITERS[index % WRITERS.length]!;
      const { accessToken } = await signInWithPkce({ issuer: provider.issuer, clientId: DEV_CLIENT_ID, redirectUri: REDIRECT_URI, email: writer.email, password: 'test' });
      const templates = dataset.features.filter((f) => f.municipalityCode === writer.municipality) as SafetyFeature[];
      return new BenchClient({ index, apiUrl, token: accessToken, templates, createShare: 0.3, pullEvery: PULL_EVERY });
    });
    await Promise.all(clients.map((c) => c.catchUp()));
    log(`${CLIENTS} clients signed in; pushing and pulling for ${SECONDS} s`);

    const pgPid = postmasterPid(cluster.dataDir);
    const cpuBefore = { bench: process.cpuUsage(), api: treeCpuSeconds(api.pid!), postgres: treeCpuSeconds(pgPid) };
    const t0 = performance.now();
    const end = t0 + SECONDS * 1000;
    const progress = setInterval(() => log(`${Math.round((performance.now() - t0) / 1000)} s: ${clients.reduce((n, c) => n + c.result.acknowledged.length, 0)} change sets`), 10_000);
    try {
      await Promise.all(clients.map((c) => c.run(() => aborted.signal.aborted || performance.now() >= end)));
    } finally {
      clearInterval(progress);
    }
    const elapsed = (performance.now() - t0) / 1000;
    const benchCpu = process.cpuUsage(cpuBefore.bench);
    const cpu = {
      apiSeconds: round(treeCpuSeconds(api.pid!) - cpuBefore.api),
      postgresSeconds: round(treeCpuSeconds(pgPid) - cpuBefore.postgres),
      benchClientsSeconds: round((benchCpu.user + benchCpu.system) / 1e6),
    };

    if (aborted.signal.aborted) {
      // Ctrl+C reaches the API and PostgreSQL as well (one process group): nothing left to check.
      log(`interrupted after ${round(elapsed)} s: ${clients.reduce((n, c) => n + c.result.acknowledged.length, 0)} change sets; stopping without the checks`);
      process.exitCode = 130;
      return;
    }
    await Promise.all(clients.map((c) => c.drain()));
    const results = clients.map((c) => c.result);
    const verdict = await verify(pool, results);
    const push = merge(clients.map((c) => c.push));
    const pull = merge(clients.map((c) => c.pull));
    const applied = results.reduce((n, r) => n + r.acknowledged.length, 0);
    const errors = results.flatMap((r) => r.errors);
    const report = {
      bench: 'server',
      fsync: FSYNC ? 'on' : 'off',
      clients: CLIENTS,
      poolSize: POOL_SIZE,
      pgSettings: env.BENCH_PG_SETTINGS ?? '',
      seconds: round(elapsed, 2),
      changeSetsApplied: applied,
      changeSetsPerSecond: round(applied / elapsed),
      pushP50Ms: push.p50Ms,
      pushP99Ms: push.p99Ms,
      pushMaxMs: push.maxMs,
      pulls: pull.count,
      pullEvery: PULL_EVERY,
      pullsPerSecond: round(pull.count / elapsed),
      pulledEntriesPerPull: round(results.reduce((n, r) => n + r.pulledEntries, 0) / Math.max(1, pull.count)),
      pulledMegabytesPerSecond: round(results.reduce((n, r) => n + r.pulledBytes, 0) / 1e6 / elapsed, 2),
      pullP50Ms: pull.p50Ms,
      pullP99Ms: pull.p99Ms,
      pullMaxMs: pull.maxMs,
      conflicts: results.reduce((n, r) => n + r.conflicts, 0),
      errors: errors.length,
      retries: results.reduce((n, r) => n + r.retries, 0),
      ...verdict,
      cpuApiSeconds: cpu.apiSeconds,
      cpuPostgresSeconds: cpu.postgresSeconds,
      cpuBenchClientsSeconds: cpu.benchClientsSeconds,
      cores: (await import('node:os')).availableParallelism(),
      aimChangeSetsPerSecond: 500,
      aimPushP99Ms: 200,
    };
    for (const error of errors.slice(0, 5)) log(`error: ${error}`);
    printSummary(report);
    console.log(JSON.stringify(report));
    if (report.lost || report.duplicated || report.clientsWithPullGaps || report.staleRecords) process.exitCode = 1;
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
    if (cluster && cluster.dataDir !== join(parent, 'data')) rmSync(cluster.dataDir, { recursive: true, force: true });
  }
}

function merge(all: Latencies[]): ReturnType<Latencies['summary']> {
  const merged = new Latencies();
  for (const l of all) for (const ms of l.values()) merged.add(ms);
  return merged.summary();
}

function printSummary(r: Record<string, number | string>): void {
  const ok = (good: boolean) => (good ? 'ok' : 'MISSED');
  console.log(
    [
      `Team server under load: ${r.clients} clients for ${r.seconds} s on ${r.cores} cores, PostgreSQL fsync ${r.fsync}, API pool ${r.poolSize}${r.pgSettings ? `, PostgreSQL settings ${r.pgSettings} (profiling)` : ''}`,
      `  push: ${r.changeSetsApplied} change sets applied, ${r.changeSetsPerSecond}/s (aim ≥ 500: ${ok(Number(r.changeSetsPerSecond) >= 500)}); p50 ${r.pushP50Ms} ms, p99 ${r.pushP99Ms} ms (aim ≤ 200: ${ok(Number(r.pushP99Ms) <= 200)}), max ${r.pushMaxMs} ms`,
      `  pull: ${r.pulls} pulls${Number(r.pullEvery) === 1 ? '' : ` (one per ${r.pullEvery} pushes)`}, ${r.pullsPerSecond}/s, ${r.pulledEntriesPerPull} change sets and ${r.pulledMegabytesPerSecond} MB/s served; p50 ${r.pullP50Ms} ms, p99 ${r.pullP99Ms} ms, max ${r.pullMaxMs} ms`,
      `  conflicts ${r.conflicts}, errors ${r.errors}, retries ${r.retries}`,
      `  checked in the database: ${r.logEntries} log entries; lost ${r.lost}, duplicated ${r.duplicated}, sequence gaps ${r.seqGaps}, unacknowledged ${r.unacknowledged}, stale records ${r.staleRecords}; clients with pull gaps ${r.clientsWithPullGaps}`,
      `  CPU seconds during the run: API ${r.cpuApiSeconds}, PostgreSQL ${r.cpuPostgresSeconds}, bench clients ${r.cpuBenchClientsSeconds} (of ${round(Number(r.seconds) * Number(r.cores))} available)`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
