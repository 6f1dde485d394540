// Tests sign in through the local provider's real login form (PKCE), never with minted tokens.
// The client lives beside the provider, so the load bench (server/bench) uses the same one.
export { CookieJar, discover, formAction, LoginRejectedError, signInWithPkce, type SignInOptions, type SignInTokens } from '../../dev/signIn';
import { signInWithPkce } from '../../dev/signIn';

/**
 * Access tokens per test account, each signed in once through the provider's real login form
 * (PKCE) and reused: the server tests never mint tokens.
 */
export function tokenCache(issuer: () => string, clientId: string, redirectUri: string): (email: string) => Promise<string> {
  const tokens = new Map<string, Promise<string>>();
  return (email) => {
    const known = tokens.get(email);
    if (known) return known;
    const token = signInWithPkce({ issuer: issuer(), clientId, redirectUri, email, password: 'test' }).then((t) => t.accessToken);
    tokens.set(email, token);
    return token;
  };
}
