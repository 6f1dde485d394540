import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppOptions } from '../../app';
import { createTokenVerifier } from '../../auth/verify';
import { REPO_ROOT } from '../../config';
import { startDevProvider, type DevProvider, DEV_AUDIENCE, DEV_CLIENT_ID } from '../../dev/oidcProvider';
import { loadMunicipalityLocator } from '../../locator';
import { readShippedDataset, seedIfEmpty } from '../../store/seed';
import { freshDatabase, type FreshDatabase } from './database';
import { tokenCache } from './oidc';

const AUDIENCE = DEV_AUDIENCE;
const CLIENT_ID = DEV_CLIENT_ID;
const REDIRECT_URI = 'http://127.0.0.1:1/callback';

/**
 * One API over a fresh, migrated and seeded database, with the local provider for sign-in, for
 * the tests of one file: started before them, stopped after. Tokens come from the provider's
 * real login form (PKCE), never minted by the test.
 */
export function useApiApp(extra: () => Partial<AppOptions> = () => ({})) {
  const shipped = readShippedDataset(`${REPO_ROOT}data`);
  let provider: DevProvider;
  let db: FreshDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    provider = await startDevProvider({ port: 0, audience: AUDIENCE, clients: [{ client_id: CLIENT_ID, redirect_uris: [REDIRECT_URI] }] });
    db = await freshDatabase({ migrated: true });
    await seedIfEmpty(db.pool, shipped);
    app = await buildApp({ pool: db.pool, verifyToken: createTokenVerifier({ issuer: provider.issuer, audience: AUDIENCE }), locator: loadMunicipalityLocator(), ...extra() });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await provider?.stop();
  });
  return {
    shipped,
    app: () => app,
    db: () => db,
    tokenOf: tokenCache(() => provider.issuer, CLIENT_ID, REDIRECT_URI),
  };
}
