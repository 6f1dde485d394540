// A local OpenID Connect provider for development and tests: oidc-provider with the four test
// accounts, a real password form, and JWT access tokens for the API. It stands in for the
// municipality's real IdP, so the API verifies its tokens exactly as it would a real one's.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import { Provider, errors, type Client, type Configuration } from 'oidc-provider';
import { interactionRoutes } from './interactions';
import { errorPage, loggedOutPage, logoutPage, pageLanguage } from './pages';
import { assertDevEnvironment, TEST_ACCOUNTS, type DevAccount } from './testAccounts';

/** Defaults shared by oidcMain and the API's config, so both sides agree without configuration. */
export const DEV_AUDIENCE = 'urn:trygghetskartan:api';
export const DEV_CLIENT_ID = 'trygghetskartan-web';

export interface DevClient {
  client_id: string;
  redirect_uris: string[];
  /** Where the app may send the user after sign-out; defaults to the redirect URIs. */
  post_logout_redirect_uris?: string[];
}

export interface DevProviderOptions {
  /** 0 picks a free port; the issuer then uses the port actually bound. */
  port: number;
  /** Defaults to http://127.0.0.1:<port>. Must have no path: the provider serves from the root. */
  issuer?: string;
  clients: DevClient[];
  /** The API's resource indicator and the "aud" of its access tokens; an absolute URI. */
  audience: string;
  accessTokenTTL?: number;
}

export interface DevProvider {
  issuer: string;
  port: number;
  stop(): Promise<void>;
}

/** The scopes the app asks for; role and municipalities ride on "profile" so no custom scope is needed. */
const SCOPE = 'openid email profile';

function accountClaims(account: DevAccount) {
  return {
    sub: account.sub,
    email: account.email,
    email_verified: true,
    name: account.name,
    role: account.role,
    municipalities: [...account.municipalities],
  };
}

async function signingKeys(): Promise<Configuration['jwks']> {
  // New keys on every start: nothing to commit, and tokens from an earlier run stop verifying.
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { keys: [{ ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' }] };
}

function configuration(options: DevProviderOptions, jwks: Configuration['jwks'], accounts: readonly DevAccount[]): Configuration {
  const { audience } = options;
  const bySub = (sub: string | undefined) => accounts.find((account) => account.sub === sub);
  return {
    clients: options.clients.map((client) => ({
      client_id: client.client_id,
      client_name: 'Trygghetskartan',
      redirect_uris: client.redirect_uris,
      post_logout_redirect_uris: client.post_logout_redirect_uris ?? client.redirect_uris,
      application_type: 'web',
      // A browser app cannot keep a secret: public client, so oidc-provider requires PKCE (S256).
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    })),
    jwks,
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    async findAccount(_ctx, sub) {
      const account = bySub(sub);
      return account && { accountId: account.sub, claims: () => accountClaims(account) };
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'role', 'municipalities'],
    },
    // Put the scope's claims into the ID token itself, so the app knows the user's role without
    // calling the userinfo endpoint (the access token is for the API, not for userinfo).
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(pageLanguage(ctx.oidc?.params?.ui_locales), form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.type = 'html';
          ctx.body = loggedOutPage(pageLanguage(ctx.oidc?.params?.ui_locales));
        },
      },
      resourceIndicators: {
        enabled: true,
        // The app need not name the API: every authorization is for it.
        defaultResource: async () => audience,
        getResourceServerInfo: async (_ctx, resourceIndicator) => {
          if (resourceIndicator !== audience) throw new errors.InvalidTarget(`unknown resource ${resourceIndicator}`);
          return {
            scope: SCOPE,
            audience,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
        // Without this an "openid" code exchange without resource= yields a userinfo-only token.
        useGrantedResource: async () => true,
      },
    },
    // The API authorises from the access token alone, so it carries the same claims as the ID token.
    async extraTokenClaims(_ctx, token) {
      const account = token.kind === 'AccessToken' ? bySub(token.accountId) : undefined;
      if (!account) return undefined;
      const { email, role, municipalities } = accountClaims(account);
      return { email, role, municipalities };
    },
    // Refresh tokens for the browser client too (rotated on every use, as oidc-provider does for
    // public clients), so the app can renew its short-lived access token without a redirect.
    issueRefreshToken: async (_ctx, client: Client) => client.grantTypeAllowed('refresh_token'),
    // Same as the default (origins of the client's redirect URIs), given to silence its notice.
    clientBasedCORS: (_ctx, origin, client) => client.redirectUris.some((uri) => URL.parse(uri)?.origin === origin),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Code flow only: nothing is handed out in the front channel.
    responseTypes: ['code'],
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage('en', Object.values(out).map(String).join(': '));
    },
    ttl: {
      // Short-lived: the API trusts the token's role until it expires; the app renews it.
      AccessToken: options.accessTokenTTL ?? 15 * 60,
      AuthorizationCode: 60,
      IdToken: 15 * 60,
      Interaction: 15 * 60,
      RefreshToken: 8 * 60 * 60,
      Session: 8 * 60 * 60,
      Grant: 8 * 60 * 60,
    },
  };
}

function checkOptions(options: DevProviderOptions): void {
  if (!URL.parse(options.audience) || options.audience.includes('#')) {
    throw new Error(`The API audience must be an absolute URI without a fragment (it is also the resource indicator): ${options.audience}`);
  }
  if (options.issuer && URL.parse(options.issuer)?.pathname !== '/') {
    throw new Error(`The development issuer must be an origin without a path, such as http://127.0.0.1:8788: ${options.issuer}`);
  }
}

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

export async function startDevProvider(options: DevProviderOptions): Promise<DevProvider> {
  assertDevEnvironment(process.env.NODE_ENV);
  checkOptions(options);
  const jwks = await signingKeys();

  // Bind first so that port 0 works: the issuer must name the real port before the provider exists.
  let handler: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;
  const server = createServer((req, res) => {
    if (!handler) return void res.writeHead(503).end();
    handler(req, res).catch((error: unknown) => {
      console.error('oidc dev provider:', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const port = await listen(server, options.port);
  // URL normalises to a trailing slash; the issuer is the origin without one.
  const issuer = options.issuer ? options.issuer.replace(/\/+$/, '') : `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, configuration(options, jwks, TEST_ACCOUNTS));
  provider.on('server_error', (_ctx, error) => console.error('oidc dev provider:', error));
  const interactions = interactionRoutes(provider, TEST_ACCOUNTS);
  const oidc = provider.callback();
  handler = async (req, res) => {
    if (!(await interactions(req, res))) await oidc(req, res);
  };

  return {
    issuer,
    port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}
