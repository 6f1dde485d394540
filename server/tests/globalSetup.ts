import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startCluster } from '../pg/cluster';
import { ensurePostgresInstalled } from '../pg/install';
import { TEMPLATE_DATABASE } from './helpers/database';

/**
 * One throwaway PostgreSQL cluster for the whole server suite (about a second to start); each
 * test file takes its own database from it (helpers/database.ts). Installs PostgreSQL + PostGIS
 * with apt first when the machine has none (CI starts fresh).
 */
export default async function setup(project: TestProject) {
  ensurePostgresInstalled();
  // Under /tmp, which the postgres user can reach; startCluster chowns the folder to it.
  const parent = mkdtempSync('/tmp/trygghetskartan-test-pg-');
  chmodSync(parent, 0o755); // mkdtemp makes it 0700: the postgres user could not enter it.
  const cluster = await startCluster({ dataDir: join(parent, 'data'), fsync: false, log: () => {} });
  await createTemplate(cluster.connectionString);
  project.provide('databaseUrl', cluster.connectionString);
  return async () => {
    try {
      await cluster.stop();
    } finally {
      rmSync(parent, { recursive: true, force: true });
      if (cluster.dataDir !== join(parent, 'data')) rmSync(cluster.dataDir, { recursive: true, force: true });
    }
  };
}

async function createTemplate(clusterUrl: string): Promise<void> {
  const url = new URL(clusterUrl);
  for (const [database, sql] of [
    ['postgres', `CREATE DATABASE ${TEMPLATE_DATABASE}`],
    [TEMPLATE_DATABASE, 'CREATE EXTENSION postgis'],
  ] as const) {
    url.pathname = `/${database}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}
