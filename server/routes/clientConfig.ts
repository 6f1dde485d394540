import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';

/** What the browser app needs to sign in against this server's identity provider (public values only). */
export interface ClientConfig {
  issuer: string;
  clientId: string;
}

export interface ClientConfigOptions {
  client: ClientConfig | null;
  /** The built app: its config.json is served with `serverUrl` pointing at this server. */
  staticDir?: string | null;
}

/**
 * GET /api/client-config tells the app where to sign in. When the server also serves the app,
 * /config.json is the built one with `serverUrl` set to this origin, so the same build runs
 * offline from any static host (serverUrl null) and as the team's app from the server.
 */
export const clientConfigRoutes: FastifyPluginAsync<ClientConfigOptions> = async (app, { client, staticDir }) => {
  app.get('/api/client-config', async (_request, reply) => {
    if (!client) return reply.code(404).send({ error: 'Sign-in is not configured on this server.' });
    return client;
  });
  if (!staticDir) return;
  const file = join(staticDir, 'config.json');
  app.get('/config.json', async (_request, reply) => {
    const built = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    return reply.header('cache-control', 'no-cache').send({ ...built, serverUrl: './' });
  });
};
