import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type pg from 'pg';
import { ZodError } from 'zod';
import type { MunicipalityLocator } from '../src/domain/places/municipalityLocator';
import { AuthError, type AuthUser } from './auth/types';
import { clientConfigRoutes, type ClientConfig } from './routes/clientConfig';
import { createChangeListener, type ChangeFeed } from './live/listener';
import { healthRoutes } from './routes/health';
import type { PublicAssets } from './publish/assets';

export interface AppOptions {
  pool: pg.Pool;
  verifyToken: (authorization: string | undefined) => Promise<AuthUser>;
  locator: MunicipalityLocator | null;
  /** The built app (dist/) to serve at `/`; null or absent: API only. */
  staticDir?: string | null;
  /** Where the app signs in (the IdP's issuer and this app's public client id); null: no sign-in. */
  client?: ClientConfig | null;
  /** true: Fastify's JSON log at info level (every request); { level } to log less. */
  logger?: boolean | { level: string };
  /**
   * Live updates (GET /api/changes/stream). By default the app holds its own LISTEN connection,
   * made with the pool's connection settings when the app starts and closed with it; pass
   * `feed` to share one the caller owns (and closes).
   */
  live?: { feed?: ChangeFeed; heartbeatMs?: number; pageSize?: number };
  /** Citizens' reports (issue 13): the public site's origin for CORS (null: any) and the rate limit. */
  reports?: { publicSiteOrigin?: string | null; rateLimit?: { max: number; windowSeconds: number } };
  /** Publish (issue 13): the folder the citizens' site is written to (null: not configured) and this API's public URL for its report form. */
  publish?: { dir: string | null; reportUrl?: string | null; assets?: PublicAssets };
  /** Fastify's trustProxy: behind a load balancer, so the rate limit sees the client's address (TRUST_PROXY). */
  trustProxy?: boolean | string;
}

/** A whole import arrives as one change set: generous, but a bound on what one request may hold. */
export const BODY_LIMIT_BYTES = 20 * 1024 * 1024;

/**
 * The HTTP app without listening, so tests can drive it with inject() and several API processes
 * can share one database. It does not own the pool: whoever made the pool ends it.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logger = options.logger ? { ...(options.logger === true ? {} : options.logger), serializers: { req: requestForLog } } : false;
  const app = Fastify({ logger, bodyLimit: BODY_LIMIT_BYTES, trustProxy: options.trustProxy ?? false });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'Not found' }));

  await app.register(healthRoutes, { pool: options.pool });
  const { changesRoutes } = await import('./routes/changes');
  await app.register(changesRoutes, { pool: options.pool, verifyToken: options.verifyToken, locator: options.locator });
  const { recordHistoryRoutes } = await import('./routes/recordHistory');
  await app.register(recordHistoryRoutes, { pool: options.pool, verifyToken: options.verifyToken });
  const { reportRoutes } = await import('./routes/reports');
  await app.register(reportRoutes, { pool: options.pool, verifyToken: options.verifyToken, locator: options.locator, ...options.reports });
  const { publishRoutes } = await import('./routes/publish');
  await app.register(publishRoutes, { pool: options.pool, verifyToken: options.verifyToken, publishDir: options.publish?.dir ?? null, reportUrl: options.publish?.reportUrl ?? null, assets: options.publish?.assets });
  const feed = options.live?.feed ?? createChangeListener({ connection: options.pool.options, log: (message) => app.log.warn(message) });
  if (!options.live?.feed) {
    app.addHook('onReady', async () => feed.start());
    app.addHook('onClose', async () => feed.close());
  }
  const { changeStreamRoutes } = await import('./routes/changeStream');
  await app.register(changeStreamRoutes, { pool: options.pool, verifyToken: options.verifyToken, feed, heartbeatMs: options.live?.heartbeatMs, pageSize: options.live?.pageSize });

  await app.register(clientConfigRoutes, { client: options.client ?? null, staticDir: options.staticDir ?? null });
  if (options.staticDir) {
    await app.register(fastifyStatic, {
      root: resolve(options.staticDir),
      prefix: '/',
      // Hashed assets may be cached; index.html and config.json must be re-read after a deploy.
      setHeaders(response, path) {
        if (path.endsWith('index.html') || path.endsWith('config.json')) response.setHeader('cache-control', 'no-cache');
      },
      // /config.json is answered by clientConfigRoutes (with serverUrl); the file itself is not served.
      allowedPath: (path) => path !== '/config.json',
    });
  }
  return app;
}

/** Fastify's request log line, without the token the stream route accepts in its query string. */
function requestForLog(request: FastifyRequest) {
  return { method: request.method, url: request.url.replace(/([?&]access_token=)[^&#]*/gi, '$1[redacted]'), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
}

/** AuthError → 401/403, schema errors → 422, everything else 500 without internals (logged instead). */
function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AuthError) return reply.code(error.statusCode).send({ error: error.message });
  if (error instanceof ZodError) {
    const issues = error.issues.slice(0, 20).map((i) => ({ code: 'schema', subject: i.path.join('.') || 'body', message: i.message }));
    return reply.code(422).send({ error: 'invalid-request', issues });
  }
  if (error.validation) return reply.code(422).send({ error: 'invalid-request', message: error.message });
  // Fastify's own client errors (body too large, malformed JSON, wrong content type) keep their
  // status; their messages describe the request, not the server.
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return reply.code(status).send({ error: error.message });
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send({ error: 'Internal server error' });
}
