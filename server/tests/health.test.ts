import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { AuthError, type AuthUser } from '../auth/types';
import { REPO_ROOT } from '../config';
import { freePort } from '../pg/cluster';
import { freshDatabase, type FreshDatabase } from './helpers/database';

const refuseAll = async (): Promise<AuthUser> => {
  throw new AuthError(401, 'Sign-in required');
};

describe('GET /api/health', () => {
  let db: FreshDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await freshDatabase({ migrated: true });
    app = await buildApp({ pool: db.pool, verifyToken: refuseAll, locator: null });
    // Routes that throw, to see what the error handler lets out.
    app.get('/test/auth', async () => {
      throw new AuthError(403, 'Not your municipality');
    });
    app.get('/test/crash', async () => {
      throw new Error('password=hunter2 at /srv/secret.ts:12');
    });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('answers ok with the real PostgreSQL 15 and PostGIS 3 versions', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ status: string; postgres: string; postgis: string }>();
    expect(body.status).toBe('ok');
    expect(body.postgres).toMatch(/^15\.\d+$/);
    expect(body.postgis).toMatch(/^3\.\d+(\.\d+)?$/);
  });

  it('answers 503 "unavailable" when the database does not answer', async () => {
    const deadPool = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${await freePort()}/none`, connectionTimeoutMillis: 1000 });
    deadPool.on('error', () => {});
    const deadApp = await buildApp({ pool: deadPool, verifyToken: refuseAll, locator: null });
    try {
      const response = await deadApp.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: 'unavailable' });
    } finally {
      await deadApp.close();
      await deadPool.end();
    }
  });

  it('turns an AuthError into its status, and hides what a crash says', async () => {
    const auth = await app.inject({ method: 'GET', url: '/test/auth' });
    expect(auth.statusCode).toBe(403);
    expect(auth.json()).toEqual({ error: 'Not your municipality' });
    const crash = await app.inject({ method: 'GET', url: '/test/crash' });
    expect(crash.statusCode).toBe(500);
    expect(crash.body).not.toContain('hunter2');
    expect(crash.body).not.toContain('secret.ts');
  });

  it('answers unknown API paths with JSON 404 and a body over the limit with 413', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'Not found' });
    const big = await app.inject({ method: 'POST', url: '/api/changes', headers: { 'content-type': 'application/json' }, payload: `"${'x'.repeat(21 * 1024 * 1024)}"` });
    expect(big.statusCode).toBe(413);
  });

  it.skipIf(!existsSync(join(REPO_ROOT, 'dist', 'index.html')))('serves the built app at / when given dist/', async () => {
    const withStatic = await buildApp({ pool: db.pool, verifyToken: refuseAll, locator: null, staticDir: join(REPO_ROOT, 'dist') });
    try {
      const response = await withStatic.inject({ method: 'GET', url: '/' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.body).toContain('<div id="root">');
      expect((await withStatic.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await withStatic.close();
    }
  });
});
