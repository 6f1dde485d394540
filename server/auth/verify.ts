// Verifies the bearer access tokens the browser sends, against any standard OpenID Connect
// provider (the local dev provider, Keycloak, Azure AD / Entra ID, Auth0, ...).
//
// Configuration, all by server config rather than code, because every IdP names things its own way:
// - issuer:   the IdP's issuer URL exactly as it appears in the tokens' "iss" claim. Its
//             `/.well-known/openid-configuration` gives the JWKS address (override with jwksUrl).
// - audience: the "aud" the IdP puts into access tokens for this API (dev provider: the resource
//             indicator; Keycloak: an audience mapper; Azure AD: the app ID URI or client id).
// - roleClaim (default "role"): a string claim with planner | police | reader, or a list claim
//             holding exactly one of them (Azure AD app roles "roles", Keycloak "realm_access.roles").
// - municipalitiesClaim (default "municipalities"): a list of 4-digit kommunkod strings
//             (Keycloak: a multivalued user-attribute mapper; Azure AD: a directory extension claim).
// - emailClaim (default "email"): e.g. "preferred_username" or "upn" for Azure AD.
// Dotted names read nested claims when no top-level claim has that exact name.
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { userFromClaims } from './claims';
import { AuthError, type AuthUser } from './types';

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  jwksUrl?: string;
  roleClaim?: string;
  municipalitiesClaim?: string;
  emailClaim?: string;
  /** Seconds of clock skew allowed between the IdP and this server. */
  clockTolerance?: number;
}

export type TokenVerifier = (authorization?: string) => Promise<AuthUser>;

// Asymmetric algorithms only: a symmetric (HS*) or "none" token must never be accepted.
const ALGORITHMS = ['RS256', 'ES256', 'PS256'];
// RFC 6750 b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** Looks the JWKS address up in the discovery document (OIDC Discovery 1.0, section 4). */
async function discoverJwksUrl(issuer: string): Promise<URL> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
  } catch (cause) {
    throw new Error(`Could not reach the identity provider's discovery document at ${url}.`, { cause });
  }
  if (!response.ok) {
    throw new Error(`The identity provider's discovery document at ${url} answered HTTP ${response.status}.`);
  }
  const metadata: unknown = await response.json();
  const record = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>) : {};
  // The discovery document must name the same issuer, or the tokens would be checked against
  // another provider's keys.
  if (record.issuer !== issuer) {
    throw new Error(`The discovery document at ${url} names issuer ${String(record.issuer)}, not the configured ${issuer}.`);
  }
  if (typeof record.jwks_uri !== 'string') {
    throw new Error(`The discovery document at ${url} has no jwks_uri.`);
  }
  return new URL(record.jwks_uri);
}

/** Token problems the client can fix by signing in again: 401. Anything else (IdP down) is a server fault. */
function isTokenError(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return false;
  return !(error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid);
}

function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired; sign in again.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'The access token was issued for another API (wrong audience).';
    if (error.claim === 'iss') return 'The access token was issued by another identity provider (wrong issuer).';
    return `The access token's "${error.claim}" claim is not valid (${error.reason}).`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return 'The access token signature is not valid.';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The access token is signed with an algorithm this server does not accept.';
  return 'The access token is malformed.';
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const names = {
    roleClaim: options.roleClaim ?? 'role',
    municipalitiesClaim: options.municipalitiesClaim ?? 'municipalities',
    emailClaim: options.emailClaim ?? 'email',
  };
  // Fetched on the first request, not at start-up, so the API can start before the IdP; a failed
  // look-up is not cached, so the next request tries again. jose caches the keys themselves and
  // refetches them when a token names an unknown key id (key rotation).
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const getKeys = (): Promise<JWTVerifyGetKey> => {
    keys ??= (options.jwksUrl ? Promise.resolve(new URL(options.jwksUrl)) : discoverJwksUrl(options.issuer))
      .then((url) => createRemoteJWKSet(url))
      .catch((error: unknown) => {
        keys = undefined;
        throw error;
      });
    return keys;
  };

  return async (authorization) => {
    if (!authorization) throw new AuthError(401, 'Sign-in required: the request has no Authorization header.');
    const token = BEARER.exec(authorization.trim())?.[1];
    if (!token) throw new AuthError(401, 'The Authorization header must be "Bearer <access token>".');

    const jwks = await getKeys();
    let payload: Record<string, unknown>;
    try {
      // The audience check is also what keeps an ID token (aud = the client id) from being used
      // as an access token.
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ALGORITHMS,
        clockTolerance: options.clockTolerance ?? 5,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      if (isTokenError(error)) throw new AuthError(401, reasonFor(error));
      throw error;
    }
    return userFromClaims(payload, names);
  };
}
