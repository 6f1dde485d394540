import type { FastifyPluginAsync } from 'fastify';
import type pg from 'pg';

/** Longer than a healthy answer ever takes, shorter than a load balancer's health-check timeout. */
const TIMEOUT_MS = 3000;

async function versions(pool: pg.Pool): Promise<{ postgres: string; postgis: string }> {
  const { rows } = await pool.query<{ server_version: string; postgis: string }>(
    "SELECT current_setting('server_version') AS server_version, postgis_lib_version() AS postgis",
  );
  const row = rows[0];
  if (!row) throw new Error('no row');
  // server_version reads like "15.20 (Debian 15.20-0+deb12u1)": the number is what we promise.
  return { postgres: row.server_version.split(' ')[0] ?? row.server_version, postgis: row.postgis };
}

/** GET /api/health: ok with the real PostgreSQL and PostGIS versions, 503 when the database does not answer. */
export const healthRoutes: FastifyPluginAsync<{ pool: pg.Pool }> = async (app, { pool }) => {
  app.get('/api/health', async (request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS)));
    try {
      return { status: 'ok', ...(await Promise.race([versions(pool), timeout])) };
    } catch (error) {
      request.log.warn({ err: error }, 'health check: database unavailable');
      return reply.code(503).send({ status: 'unavailable' });
    } finally {
      clearTimeout(timer);
    }
  });
};
