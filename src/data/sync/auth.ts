import type { User, UserManager } from 'oidc-client-ts';
import { z } from 'zod';
import { openedAt } from './openedAt';
import { ROLES, type Role } from '../../domain/rules/writePermission';

const clientConfigSchema = z.object({ issuer: z.string().url(), clientId: z.string().min(1) });

export interface SignedInUser {
  email: string;
  role: Role;
  municipalities: string[];
}

export interface TeamAuth {
  /** The signed-in user (from the ID token's claims), or null. */
  user(): Promise<SignedInUser | null>;
  accessToken(): Promise<string | null>;
  signIn(language: string): Promise<void>;
  signOut(): Promise<void>;
}

/**
 * Sign-in against the team server's identity provider: OpenID Connect, authorization code with
 * PKCE (oidc-client-ts), the provider named by the server (GET api/client-config). The redirect
 * comes back to the app's own address; `completeSignIn` finishes it there.
 */
export async function createTeamAuth(serverUrl: string): Promise<TeamAuth | null> {
  const response = await fetch(new URL('api/client-config', serverUrl)).catch(() => null);
  if (!response?.ok) return null;
  const config = clientConfigSchema.safeParse(await response.json());
  if (!config.success) return null;
  const redirect = new URL('./', document.baseURI).href;
  // Loaded only for a team deployment: the OpenID Connect client stays out of the offline app's first JavaScript.
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  const manager = new UserManager({
    authority: config.data.issuer,
    client_id: config.data.clientId,
    redirect_uri: redirect,
    post_logout_redirect_uri: redirect,
    response_type: 'code',
    scope: 'openid email profile',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.localStorage }),
  });
  await completeSignIn(manager);
  const current = async (): Promise<User | null> => {
    const user = await manager.getUser();
    return user && !user.expired ? user : null;
  };
  return {
    async user() {
      const user = await current();
      return user ? userOf(user.profile) : null;
    },
    accessToken: async () => (await current())?.access_token ?? null,
    signIn: (language) => manager.signinRedirect({ ui_locales: language }),
    async signOut() {
      await manager.removeUser();
    },
  };
}


/** Back from the provider with ?code=…&state=…: exchange the code (once), then clean the address bar. */
let callbackDone = false;
async function completeSignIn(manager: UserManager): Promise<void> {
  if (!openedAt || callbackDone) return;
  const params = new URL(openedAt).searchParams;
  if (!params.has('code') || !params.has('state')) return;
  callbackDone = true;
  try {
    await manager.signinRedirectCallback(openedAt);
  } catch (error) {
    console.warn('sign-in could not be completed', error);
  }
  const current = new URL(window.location.href);
  for (const key of ['code', 'state', 'iss', 'session_state']) current.searchParams.delete(key);
  window.history.replaceState(window.history.state, '', current.href);
}

const profileSchema = z.object({ email: z.string(), role: z.enum(ROLES), municipalities: z.array(z.string().regex(/^\d{4}$/)) });

function userOf(profile: unknown): SignedInUser | null {
  const parsed = profileSchema.safeParse(profile);
  return parsed.success ? parsed.data : null;
}
