// The API process: one of possibly several stateless instances in front of one PostgreSQL.
// `npm run server` starts it as a child process; a deployment runs it directly (`tsx server/api.ts`)
// with DATABASE_URL, PORT/HOST, OIDC_ISSUER/OIDC_AUDIENCE (and STATIC_DIR) in its environment.
import pg from 'pg';
import { buildApp } from './app';
import { AuthError } from './auth/types';
import { createTokenVerifier } from './auth/verify';
import { join } from 'node:path';
import { readApiConfig, REPO_ROOT } from './config';
import { readShippedDataset, seedIfEmpty } from './store/seed';
import { loadMunicipalityLocator } from './locator';
import { runMigrations } from './pg/migrate';

async function main(): Promise<void> {
  const config = readApiConfig();
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize });
  // An idle connection dropped by a PostgreSQL restart must not crash the process: the pool
  // replaces it on the next query.
  pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));

  const { applied } = await runMigrations(pool);
  if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);
  // A new server starts with the records every browser already holds (shipped data, version 0).
  if ((await seedIfEmpty(pool, readShippedDataset(join(REPO_ROOT, 'data')))) === 'seeded') console.log('Seeded the shipped dataset.');

  const verifyToken = config.oidc
    ? createTokenVerifier(config.oidc)
    : async () => {
        throw new AuthError(401, 'Sign-in is not configured on this server (OIDC_ISSUER is not set).');
      };
  if (!config.oidc) console.warn('OIDC_ISSUER is not set: every request that needs sign-in answers 401.');

  const app = await buildApp({ pool, verifyToken, locator: loadMunicipalityLocator(config.basemapDir), staticDir: config.staticDir, client: config.oidc ? { issuer: config.oidc.issuer, clientId: config.clientId } : null, logger: { level: config.logLevel },
    reports: { publicSiteOrigin: config.publicSiteOrigin },
    publish: { dir: config.publishDir, reportUrl: config.publicApiUrl },
    trustProxy: config.trustProxy,
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    // Stop accepting, let requests in flight finish, then give the connections back.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await app.close();
      await pool.end();
    } finally {
      console.log(`API stopped (${signal}).`);
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const address = await app.listen({ host: config.host, port: config.port });
  console.log(`API listening on ${address}/`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
