// Sign-in against the local OpenID Connect provider through its real login form (PKCE), and the
// API's token verification. Needs no PostgreSQL.
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { userFromClaims } from '../auth/claims';
import { AuthError } from '../auth/types';
import { createTokenVerifier } from '../auth/verify';
import { startDevProvider, type DevProvider, DEV_AUDIENCE, DEV_CLIENT_ID } from '../dev/oidcProvider';
import { assertDevEnvironment } from '../dev/testAccounts';
import { CookieJar, discover, formAction, LoginRejectedError, signInWithPkce } from './helpers/oidc';

const AUDIENCE = DEV_AUDIENCE;
const CLIENT_ID = DEV_CLIENT_ID;
// Never fetched: the helper stops at the redirect to it, as the browser app would take over there.
const REDIRECT_URI = 'http://localhost:8787/';

let provider: DevProvider;
const signIn = (email: string, password = 'test', resource?: string) =>
  signInWithPkce({ issuer: provider.issuer, clientId: CLIENT_ID, redirectUri: REDIRECT_URI, email, password, ...(resource ? { resource } : {}) });

/** Resolves to the AuthError the promise rejects with, failing the test on anything else. */
async function authError(promise: Promise<unknown>): Promise<AuthError> {
  const error: unknown = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

beforeAll(async () => {
  provider = await startDevProvider({ port: 0, audience: AUDIENCE, clients: [{ client_id: CLIENT_ID, redirect_uris: [REDIRECT_URI] }] });
});
afterAll(async () => {
  await provider?.stop();
});

describe('sign-in through the login form with PKCE', () => {
  it.each([
    ['planner@nacka.test', 'planner', ['0182']],
    ['police@nacka.test', 'police', ['0182', '0120']],
    ['reader@nacka.test', 'reader', ['0182']],
    ['planner@ekero.test', 'planner', ['0125']],
  ])('%s gets an access token for the API with role %s', async (email, role, municipalities) => {
    const tokens = await signIn(email);
    const verify = createTokenVerifier({ issuer: provider.issuer, audience: AUDIENCE });
    const user = await verify(`Bearer ${tokens.accessToken}`);
    expect(user).toMatchObject({ email, role, municipalities });
    expect(user.sub).toBeTruthy();

    // The ID token carries the same claims, so the app knows the role without calling userinfo.
    expect(decodeJwt(tokens.idToken)).toMatchObject({ aud: CLIENT_ID, email, role, municipalities });
    expect(tokens.refreshToken).toBeTruthy();
  });

  it('accepts the API named explicitly as resource indicator', async () => {
    const tokens = await signIn('reader@nacka.test', 'test', AUDIENCE);
    expect(decodeJwt(tokens.accessToken).aud).toBe(AUDIENCE);
  });

  it('shows the form again with an error and gives no code for a wrong password', async () => {
    const error: unknown = await signIn('planner@nacka.test', 'wrong').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginRejectedError);
    const { html } = error as LoginRejectedError;
    expect(html).toMatch(/role="alert"[^>]*>Fel e-postadress eller lösenord/);
    expect(html).toContain('value="planner@nacka.test"');
    expect(html).toMatch(/<label for="password">/);
  });

  it('escapes what the user typed when it shows the form again', async () => {
    const error: unknown = await signIn('"><script>alert(1)</script>', 'x').catch((e: unknown) => e);
    const { html } = error as LoginRejectedError;
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&#34;&#62;&#60;script&#62;');
  });

  it('refuses an authorization request without PKCE', async () => {
    const url = new URL(`${provider.issuer}/auth`);
    url.search = new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI, scope: 'openid' }).toString();
    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('signs in once per browser session and signs out after asking', async () => {
    const jar = new CookieJar();
    const first = await signInWithPkce({ issuer: provider.issuer, clientId: CLIENT_ID, redirectUri: REDIRECT_URI, email: 'reader@nacka.test', password: 'test', jar });
    // Same browser again: the provider session answers without the form (a wrong password would otherwise fail).
    await signInWithPkce({ issuer: provider.issuer, clientId: CLIENT_ID, redirectUri: REDIRECT_URI, email: 'reader@nacka.test', password: 'not used', jar });

    const { end_session_endpoint } = await discover(provider.issuer);
    const logout = new URL(end_session_endpoint);
    logout.search = new URLSearchParams({ id_token_hint: first.idToken, post_logout_redirect_uri: REDIRECT_URI, ui_locales: 'en' }).toString();
    const page = await jar.fetch(logout);
    const html = await page.text();
    expect(html).toContain('Sign out of Trygghetskartan?');
    expect(html).not.toContain('googleapis');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const confirm = await jar.fetch(formAction(html, logout), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get('location')).toBe(REDIRECT_URI);

    const again = await signInWithPkce({ issuer: provider.issuer, clientId: CLIENT_ID, redirectUri: REDIRECT_URI, email: 'reader@nacka.test', password: 'wrong', jar }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(LoginRejectedError);
  });

  it('renews the access token with the refresh token', async () => {
    const { refreshToken } = await signIn('police@nacka.test');
    const response = await fetch(`${provider.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:8787' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken ?? '', client_id: CLIENT_ID }).toString(),
    });
    // The browser app calls the token endpoint cross-origin.
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:8787');
    const body = (await response.json()) as { access_token: string };
    const user = await createTokenVerifier({ issuer: provider.issuer, audience: AUDIENCE })(`Bearer ${body.access_token}`);
    expect(user.role).toBe('police');
  });
});

describe('token verification', () => {
  it('answers 401 without or with a malformed Authorization header', async () => {
    const verify = createTokenVerifier({ issuer: provider.issuer, audience: AUDIENCE });
    expect((await authError(verify(undefined))).statusCode).toBe(401);
    expect((await authError(verify('Basic dXNlcjpwYXNz'))).message).toMatch(/Bearer/);
    expect((await authError(verify('Bearer not-a-jwt'))).statusCode).toBe(401);
  });

  it('answers 401 for a token issued for another audience, and for an ID token', async () => {
    const { accessToken, idToken } = await signIn('planner@nacka.test');
    const other = createTokenVerifier({ issuer: provider.issuer, audience: 'urn:another:api' });
    const wrongAudience = await authError(other(`Bearer ${accessToken}`));
    expect(wrongAudience).toMatchObject({ statusCode: 401, message: expect.stringMatching(/audience/) });
    const verify = createTokenVerifier({ issuer: provider.issuer, audience: AUDIENCE });
    expect((await authError(verify(`Bearer ${idToken}`))).statusCode).toBe(401);
  });

  it('answers 401 for a tampered token', async () => {
    const { accessToken } = await signIn('reader@nacka.test');
    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'planner' })).toString('base64url');
    const verify = createTokenVerifier({ issuer: provider.issuer, audience: AUDIENCE });
    const error = await authError(verify(`Bearer ${header}.${forged}.${signature}`));
    expect(error).toMatchObject({ statusCode: 401, message: expect.stringMatching(/signature/) });
  });

  it('answers 401 for an expired token', async () => {
    const { accessToken } = await signIn('reader@nacka.test');
    const verify = createTokenVerifier({ issuer: provider.issuer, audience: AUDIENCE });
    await verify(`Bearer ${accessToken}`);
    // Only Date is faked, so the JWKS fetch still works; the token lives 15 minutes.
    vi.useFakeTimers({ now: Date.now() + 60 * 60 * 1000, toFake: ['Date'] });
    try {
      expect((await authError(verify(`Bearer ${accessToken}`))).message).toMatch(/expired/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers 401 for a token from another issuer', async () => {
    const { accessToken } = await signIn('reader@nacka.test');
    const second = await startDevProvider({ port: 0, audience: AUDIENCE, clients: [{ client_id: CLIENT_ID, redirect_uris: [REDIRECT_URI] }] });
    try {
      const verify = createTokenVerifier({ issuer: second.issuer, audience: AUDIENCE });
      expect((await authError(verify(`Bearer ${accessToken}`))).statusCode).toBe(401);
    } finally {
      await second.stop();
    }
  });

  it('answers 403 for a valid token whose role or municipalities claim is unusable', async () => {
    const { accessToken } = await signIn('planner@nacka.test');
    // A real token read through a mis-mapped claim: "email" holds no role and no list of codes.
    const noRole = createTokenVerifier({ issuer: provider.issuer, audience: AUDIENCE, roleClaim: 'email' });
    expect(await authError(noRole(`Bearer ${accessToken}`))).toMatchObject({ statusCode: 403, message: expect.stringMatching(/not a known role/) });
    const missing = createTokenVerifier({ issuer: provider.issuer, audience: AUDIENCE, roleClaim: 'app_role' });
    expect(await authError(missing(`Bearer ${accessToken}`))).toMatchObject({ statusCode: 403, message: expect.stringMatching(/no "app_role" claim/) });
    const noCodes = createTokenVerifier({ issuer: provider.issuer, audience: AUDIENCE, municipalitiesClaim: 'email' });
    expect((await authError(noCodes(`Bearer ${accessToken}`))).statusCode).toBe(403);
  });
});

describe('claim mapping', () => {
  const names = { roleClaim: 'role', municipalitiesClaim: 'municipalities', emailClaim: 'email' };
  const base = { sub: 'u1', email: 'a@b.test', role: 'planner', municipalities: ['0182'] };
  const status = (payload: Record<string, unknown>, custom = names) => {
    try {
      userFromClaims(payload, custom);
      return 200;
    } catch (error) {
      return error instanceof AuthError ? error.statusCode : 500;
    }
  };

  it('reads list and nested claims as Azure AD and Keycloak send them', () => {
    expect(userFromClaims({ ...base, role: undefined, roles: ['Users', 'police'] }, { ...names, roleClaim: 'roles' }).role).toBe('police');
    const keycloak = { ...base, role: undefined, realm_access: { roles: ['offline_access', 'reader'] } };
    expect(userFromClaims(keycloak, { ...names, roleClaim: 'realm_access.roles' }).role).toBe('reader');
    expect(userFromClaims({ ...base, municipalities: ['0182', '0182'] }, names).municipalities).toEqual(['0182']);
  });

  it('refuses unknown, missing or ambiguous roles and bad municipality codes with 403', () => {
    expect(status({ ...base, role: 'admin' })).toBe(403);
    expect(status({ ...base, role: undefined })).toBe(403);
    expect(status({ ...base, role: ['planner', 'police'] })).toBe(403);
    expect(status({ ...base, municipalities: '0182' })).toBe(403);
    expect(status({ ...base, municipalities: ['182'] })).toBe(403);
    expect(status({ ...base, municipalities: [182] })).toBe(403);
    expect(status({ ...base, municipalities: undefined })).toBe(403);
    expect(status({ ...base, email: undefined })).toBe(403);
    expect(status(base)).toBe(200);
  });
});

describe('test accounts outside development', () => {
  it('refuses to start the provider when NODE_ENV is production or unset', async () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await expect(startDevProvider({ port: 0, audience: AUDIENCE, clients: [] })).rejects.toThrow(/Refusing .*NODE_ENV is "production"/);
    } finally {
      process.env.NODE_ENV = saved;
    }
    expect(() => assertDevEnvironment(undefined)).toThrow(/not set/);
    expect(() => assertDevEnvironment('test')).not.toThrow();
  });
});
