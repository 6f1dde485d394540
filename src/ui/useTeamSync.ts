import { useCallback, useEffect, useState } from 'react';
import { connectTeam, getDatabase, getMunicipalityLocator } from '../data/store';
import { createTeamAuth, type SignedInUser, type TeamAuth } from '../data/sync/auth';
import { SyncEngine, type SyncStatus } from '../data/sync/engine';

export type TeamState =
  | { kind: 'local' }
  | { kind: 'connecting' }
  | { kind: 'unavailable' }
  | { kind: 'signed-out'; signIn(): void }
  | { kind: 'signed-in'; user: SignedInUser; status: SyncStatus | null; signOut(): void };

/**
 * The team server, when config.json names one: sign-in, then the sync engine for as long as the
 * user is signed in. Without `serverUrl` the app stays local-only, exactly as before.
 */
export function useTeamSync(serverUrl: string | null, language: string): TeamState {
  const [auth, setAuth] = useState<TeamAuth | null | 'pending'>(serverUrl ? 'pending' : null);
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);

  useEffect(() => {
    if (!serverUrl) return;
    let live = true;
    const base = new URL(serverUrl, document.baseURI).href;
    void createTeamAuth(base).then(async (created) => {
      if (!live) return;
      setAuth(created);
      const signedIn = created ? await created.user() : null;
      if (!live || !created || !signedIn) return;
      setUser(signedIn);
      connectTeam(new SyncEngine({ db: getDatabase(), serverUrl: base, token: created.accessToken, locator: getMunicipalityLocator, onStatus: (s) => live && setStatus(s) }));
    });
    return () => {
      live = false;
      connectTeam(null);
    };
  }, [serverUrl]);

  const signIn = useCallback(() => {
    if (auth && auth !== 'pending') void auth.signIn(language);
  }, [auth, language]);
  const signOut = useCallback(() => {
    if (!auth || auth === 'pending') return;
    connectTeam(null);
    void auth.signOut().then(() => (setUser(null), setStatus(null)));
  }, [auth]);

  if (!serverUrl) return { kind: 'local' };
  if (auth === 'pending') return { kind: 'connecting' };
  if (!auth) return { kind: 'unavailable' };
  return user ? { kind: 'signed-in', user, status, signOut } : { kind: 'signed-out', signIn };
}
