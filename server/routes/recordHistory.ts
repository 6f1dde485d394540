import type { FastifyPluginAsync } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import { RECORD_TABLES } from '../../src/domain/changes';
import { recordHistory } from '../../src/domain/sync/recordHistory';
import type { AuthUser } from '../auth/types';
import { readRecordLog } from '../store/changeLog';

export interface RecordHistoryRouteOptions {
  pool: Pool;
  verifyToken: (authorization: string | undefined) => Promise<AuthUser>;
}

const historyParams = z.object({
  table: z.enum(RECORD_TABLES, { error: `table must be one of ${RECORD_TABLES.join(', ')}` }),
  id: z.string().min(1).max(200),
});

/**
 * GET /api/history/:table/:id: who changed one record, when, and which fields, newest first (at
 * most HISTORY_LIMIT entries), from the change log. Any signed-in role may read it, as any role
 * may pull the whole log; it names fields, not their values.
 */
export const recordHistoryRoutes: FastifyPluginAsync<RecordHistoryRouteOptions> = async (app, { pool, verifyToken }) => {
  app.get('/api/history/:table/:id', async (request, reply) => {
    await verifyToken(request.headers.authorization);
    const params = historyParams.safeParse(request.params);
    if (!params.success) return reply.code(422).send({ error: 'invalid-query', issues: params.error.issues.map((i) => ({ code: 'schema', subject: i.path.join('.'), message: i.message })) });
    const { table, id } = params.data;
    return { entries: recordHistory(await readRecordLog(pool, table, id), table, id) };
  });
};
