// Signs in the way a browser does: authorization code + PKCE through the provider's real login
// form, with plain fetch and a small cookie jar. The server tests and the load bench get their
// tokens only this way, never minted.
import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';

export interface SignInOptions {
  issuer: string;
  clientId: string;
  redirectUri: string;
  email: string;
  password: string;
  resource?: string;
  scope?: string;
  /** Share one jar between calls to act as one browser (its provider session included). */
  jar?: CookieJar;
}

export interface SignInTokens {
  accessToken: string;
  idToken: string;
  refreshToken?: string;
}

/** The login form came back instead of a redirect: wrong credentials. Carries the page for assertions. */
export class LoginRejectedError extends Error {
  constructor(readonly status: number, readonly html: string) {
    super(`the login form was shown again (HTTP ${status})`);
  }
}

interface Cookie { name: string; value: string; path: string }

/** Enough of RFC 6265 for one host: name, value and path; a cookie set empty or expired is removed. */
export class CookieJar {
  private cookies: Cookie[] = [];

  /** fetch without following redirects, sending and storing this jar's cookies. */
  async fetch(url: URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(response, url);
    return response;
  }

  store(response: Response, url: URL): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attr('path') || url.pathname.replace(/\/[^/]*$/, '') || '/';
      const expires = attr('expires');
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path));
      if (value !== '' && !(expires && Date.parse(expires) <= Date.now())) this.cookies.push({ name, value, path });
    }
  }

  header(url: URL): string {
    return this.cookies
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

export async function discover(issuer: string): Promise<{ authorization_endpoint: string; token_endpoint: string; end_session_endpoint: string }> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery failed: HTTP ${response.status}`);
  return (await response.json()) as { authorization_endpoint: string; token_endpoint: string; end_session_endpoint: string };
}

export function formAction(html: string, pageUrl: URL): URL {
  const action = /<form\b[^>]*\baction="([^"]*)"/i.exec(html)?.[1];
  if (action === undefined) throw new Error(`expected the login form, got: ${html.slice(0, 300)}`);
  return new URL(action.replace(/&#38;|&amp;/g, '&'), pageUrl);
}

export async function signInWithPkce(options: SignInOptions): Promise<SignInTokens> {
  const metadata = await discover(options.issuer);
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const nonce = base64url(randomBytes(16));
  const authorize = new URL(metadata.authorization_endpoint);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: options.scope ?? 'openid email profile',
    state,
    nonce,
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
    ...(options.resource ? { resource: options.resource } : {}),
  }).toString();

  const jar = options.jar ?? new CookieJar();
  const request = (target: URL, init?: RequestInit) => jar.fetch(target, init);

  const callbackUrl = new URL(options.redirectUri);
  const isCallback = (target: URL) => target.origin === callbackUrl.origin && target.pathname === callbackUrl.pathname;
  let url = authorize;
  let response = await request(url);
  let submitted = false;
  for (let hops = 0; hops < 20; hops += 1) {
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location') ?? '', url);
      if (isCallback(url)) return exchange(url);
      response = await request(url);
    } else if (response.status === 200 && !submitted) {
      submitted = true;
      url = formAction(await response.text(), url);
      response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: options.email, password: options.password }).toString(),
      });
    } else if (response.status === 200) {
      throw new LoginRejectedError(response.status, await response.text());
    } else {
      throw new Error(`sign-in stopped at ${url.href}: HTTP ${response.status} ${await response.text()}`);
    }
  }
  throw new Error('sign-in: too many redirects');

  async function exchange(callback: URL): Promise<SignInTokens> {
    const params = callback.searchParams;
    if (params.get('error')) throw new Error(`authorization failed: ${params.get('error')} ${params.get('error_description') ?? ''}`);
    if (params.get('state') !== state) throw new Error('authorization response state does not match');
    const code = params.get('code');
    if (!code) throw new Error(`no code in ${callback.href}`);
    const tokenResponse = await fetch(metadata.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: options.redirectUri,
        client_id: options.clientId,
        code_verifier: verifier,
      }).toString(),
    });
    const body = (await tokenResponse.json()) as Record<string, unknown>;
    if (!tokenResponse.ok) throw new Error(`token request failed: HTTP ${tokenResponse.status} ${JSON.stringify(body)}`);
    const { access_token: accessToken, id_token: idToken, refresh_token: refreshToken } = body;
    if (typeof accessToken !== 'string' || typeof idToken !== 'string') throw new Error(`token response lacks tokens: ${JSON.stringify(body)}`);
    // The ID token is the client's to check; here only that it answers this very request.
    if (decodeJwt(idToken).nonce !== nonce) throw new Error('ID token nonce does not match');
    return { accessToken, idToken, ...(typeof refreshToken === 'string' ? { refreshToken } : {}) };
  }
}
