// Tests sign in through the local provider's real login form (PKCE), never with minted tokens.
// The client lives beside the provider, so the load bench (server/bench) uses the same one.
export { CookieJar, discover, formAction, LoginRejectedError, signInWithPkce, type SignInOptions, type SignInTokens } from '../../dev/signIn';
