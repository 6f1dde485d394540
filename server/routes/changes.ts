import type { FastifyPluginAsync } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import type { MunicipalityLocator } from '../../src/domain/places/municipalityLocator';
import { pushSchema } from '../../src/domain/sync/push';
import type { AuthUser } from '../auth/types';
import { applyPush } from '../store/applyPush';
import { readSinceAsJson } from '../store/changeLog';

export interface ChangesRouteOptions {
  pool: Pool;
  verifyToken: (authorization: string | undefined) => Promise<AuthUser>;
  locator: MunicipalityLocator | null;
}

const pullQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/**
 * The change log over HTTP: push one change set, pull everything after a sequence number. Every
 * request carries a bearer token; every write is checked (token, role, municipality scope,
 * schema, the domain rules) and applied in one transaction or not at all.
 */
export const changesRoutes: FastifyPluginAsync<ChangesRouteOptions> = async (app, { pool, verifyToken, locator }) => {
  app.post('/api/changes', async (request, reply) => {
    const user = await verifyToken(request.headers.authorization);
    const parsed = pushSchema.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(422).send({ error: 'invalid-change', issues: parsed.error.issues.slice(0, 20).map((i) => ({ code: 'schema', subject: i.path.join('.') || 'body', message: i.message })) });
    }
    const outcome = await applyPush(pool, parsed.data, { role: user.role, municipalities: user.municipalities, email: user.email }, locator);
    switch (outcome.kind) {
      case 'applied':
        return reply.code(201).send({ seq: outcome.entry.seq, versions: outcome.entry.versions });
      case 'duplicate':
        return reply.code(200).send({ seq: outcome.entry.seq, versions: outcome.entry.versions, duplicate: true });
      case 'conflict':
        return reply.code(409).send(outcome.body);
      case 'rejected':
        return reply.code(outcome.status).send({ error: outcome.status === 403 ? 'forbidden' : 'invalid-change', issues: outcome.issues });
    }
  });

  app.get('/api/changes', async (request, reply) => {
    await verifyToken(request.headers.authorization);
    const query = pullQuery.safeParse(request.query);
    if (!query.success) return reply.code(422).send({ error: 'invalid-query', issues: query.error.issues.map((i) => ({ code: 'schema', subject: i.path.join('.'), message: i.message })) });
    return reply.type('application/json; charset=utf-8').send(await readSinceAsJson(pool, query.data.since, query.data.limit));
  });
};
