import type { FastifyPluginAsync } from 'fastify';
import type { Pool } from 'pg';
import { swedishToday } from '../../src/domain/currency';
import { AuthError, type AuthUser } from '../auth/types';
import { readPublicSource } from '../publish/fromDatabase';
import type { PublicAssets } from '../publish/assets';
import { checkedSite, writeSiteAtomically } from '../publish/site';

export interface PublishRouteOptions {
  pool: Pool;
  verifyToken: (authorization: string | undefined) => Promise<AuthUser>;
  /** Where the citizens' site is written (PUBLISH_DIR); null: Publish is not configured (503). */
  publishDir: string | null;
  /** This API's public address (PUBLIC_API_URL), for the site's report form; null: no form. */
  reportUrl?: string | null;
  /** The site's scripts; by default the built ones (publish/assets.ts), built when missing. */
  assets?: PublicAssets;
}

/** Any constant all API instances agree on: one publish at a time across instances. */
const PUBLISH_LOCK = 7_305_005;

/**
 * Publish (issue 13): a planner builds the citizens' site from the server's current data, checked
 * by the privacy check as a visitor would read it, and written to the folder whole or not at all.
 * The site is one site for every municipality, so any planner may publish it.
 */
export const publishRoutes: FastifyPluginAsync<PublishRouteOptions> = async (app, options) => {
  app.post('/api/publish', async (request, reply) => {
    const user = await options.verifyToken(request.headers.authorization);
    if (user.role !== 'planner') throw new AuthError(403, `rollen ${user.role} kan inte publicera medborgarnas sajt, bara planerare`);
    if (!options.publishDir) return reply.code(503).send({ error: 'Publicering är inte inställd på den här servern: ange PUBLISH_DIR (mappen som medborgarnas sajt skrivs till).' });
    const client = await options.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [PUBLISH_LOCK]);
      if (!rows[0]?.locked) return reply.code(409).send({ error: 'En publicering pågår redan; försök igen när den är klar.' });
      try {
        const started = Date.now();
        const source = await readPublicSource(options.pool);
        const site = checkedSite(source, swedishToday(), options.reportUrl ? { reportUrl: options.reportUrl } : {}, options.assets);
        if (!site.ok) return reply.code(422).send({ error: 'Integritetskontrollen stoppade publiceringen; den publicerade sajten är orörd.', problems: site.problems });
        writeSiteAtomically(site.files, options.publishDir);
        const bytes = site.files.reduce((sum, f) => sum + (typeof f.content === 'string' ? Buffer.byteLength(f.content) : f.content.byteLength), 0);
        request.log.info({ by: user.email, files: site.files.length }, 'published the citizens’ site');
        return reply.send({ files: site.files.length, bytes, publishedAt: new Date().toISOString(), milliseconds: Date.now() - started });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [PUBLISH_LOCK]);
      }
    } finally {
      client.release();
    }
  });
};
