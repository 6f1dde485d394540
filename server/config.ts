import type { TokenVerifierOptions } from './auth/verify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What the API process reads from its environment (see README, "Server"). */
export interface ApiConfig {
  databaseUrl: string;
  host: string;
  port: number;
  /** null: API only, no app at `/`. */
  staticDir: string | null;
  /** null: sign-in is not configured and every authenticated request is 401. */
  oidc: null | Omit<TokenVerifierOptions, 'clockTolerance'>;
  /** The app's public OIDC client id (OIDC_CLIENT_ID, default trygghetskartan-web). */
  clientId: string;
  poolSize: number;
  /** Where municipalities.geojson and regions.geojson are (default public/basemap). */
  basemapDir: string | undefined;
  /** Fastify/pino level: info logs every request; `npm run server` uses warn. */
  logLevel: string;
  /** Publish writes the citizens' site here (PUBLISH_DIR); null: Publish answers 503. */
  publishDir: string | null;
  /** This API's address as the public site reaches it (PUBLIC_API_URL): the site's report form posts there. */
  publicApiUrl: string | null;
  /** The public site's origin allowed to post reports (PUBLIC_SITE_ORIGIN); null: any origin. */
  publicSiteOrigin: string | null;
  /** Fastify's trustProxy (TRUST_PROXY: "true" or the proxies' addresses): the client's IP behind a load balancer. */
  trustProxy: boolean | string;
}

function portFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, not "${value}"`);
  return port;
}

const optional = (value: string | undefined) => (value ? value : undefined);

export function readApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (postgres://user@host:port/database).');
  const dist = join(REPO_ROOT, 'dist');
  // STATIC_DIR="" turns the app off; unset serves dist/ when it has been built.
  const staticDir = env.STATIC_DIR !== undefined ? optional(env.STATIC_DIR) ?? null : existsSync(join(dist, 'index.html')) ? dist : null;
  const issuer = optional(env.OIDC_ISSUER);
  const audience = optional(env.OIDC_AUDIENCE);
  if (issuer && !audience) throw new Error('OIDC_AUDIENCE must be set with OIDC_ISSUER (the "aud" your identity provider puts into access tokens for this API).');
  const claims = {
    ...(optional(env.OIDC_JWKS_URL) ? { jwksUrl: env.OIDC_JWKS_URL } : {}),
    ...(optional(env.OIDC_ROLE_CLAIM) ? { roleClaim: env.OIDC_ROLE_CLAIM } : {}),
    ...(optional(env.OIDC_MUNICIPALITIES_CLAIM) ? { municipalitiesClaim: env.OIDC_MUNICIPALITIES_CLAIM } : {}),
    ...(optional(env.OIDC_EMAIL_CLAIM) ? { emailClaim: env.OIDC_EMAIL_CLAIM } : {}),
  };
  return {
    databaseUrl,
    host: env.HOST || '127.0.0.1',
    port: portFrom(env.PORT, 8787, 'PORT'),
    staticDir,
    oidc: issuer && audience ? { issuer, audience, ...claims } : null,
    clientId: env.OIDC_CLIENT_ID || 'trygghetskartan-web',
    poolSize: Math.max(1, Number(env.PG_POOL_SIZE) || 10),
    logLevel: env.LOG_LEVEL || 'info',
    basemapDir: optional(env.BASEMAP_DIR),
    publishDir: optional(env.PUBLISH_DIR) ?? null,
    publicApiUrl: optional(env.PUBLIC_API_URL) ?? null,
    publicSiteOrigin: optional(env.PUBLIC_SITE_ORIGIN) ?? null,
    trustProxy: env.TRUST_PROXY === 'true' ? true : optional(env.TRUST_PROXY) ?? false,
  };
}
