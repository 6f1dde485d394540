import { useCallback, useEffect, useRef, useState } from 'react';
import { shippedDataset } from '../data/shipped';
import { connectTeam, getDatabase, getMunicipalityLocator } from '../data/store';
// Read at start-up, before the first render rewrites the query string (see openedAt.ts).
import '../data/sync/openedAt';
import type { SignedInUser, TeamAuth } from '../data/sync/auth';
import type { SyncStatus } from '../data/sync/engine';
import type { LocalEditsAtJoin } from '../data/sync/firstConnection';
import type { TeamRequest } from '../data/sync/moderation';
import type { RecordTable } from '../domain/changes';
import type { RecordHistoryEntry } from '../domain/sync/recordHistory';
import { downloadText } from './download';
import { dictionary, type Language } from './i18n';

const SHIPPED = shippedDataset.ok ? shippedDataset.value : null;

/** The team's machinery (OpenID Connect, the sync engine, the first connection): loaded only where a team server is configured. */
const loadTeam = () => Promise.all([import('../data/sync/auth'), import('../data/sync/engine'), import('../data/sync/firstConnection')]);

/** The first connection of a browser that holds its own edits: what they are, and the two ways on. */
export interface JoinChoice {
  edits: LocalEditsAtJoin;
  upload(): Promise<void>;
  keepApart(): Promise<void>;
  saveBackup(): Promise<void>;
}

export type TeamState =
  | { kind: 'local' }
  | { kind: 'connecting' }
  | { kind: 'unavailable' }
  | { kind: 'signed-out'; signIn(): void }
  | { kind: 'signed-in'; user: SignedInUser; status: SyncStatus | null; signOut(): void; joining: JoinChoice | null; restarted: boolean; readHistory(table: RecordTable, id: string): Promise<RecordHistoryEntry[]>; request: TeamRequest };

/**
 * The team server, when config.json names one: sign-in, then the sync engine for as long as the
 * user is signed in. Without `serverUrl` the app stays local-only, exactly as before. A browser
 * that already holds edits of its own asks first what is to become of them, and nothing is
 * pushed or pulled before the user has answered.
 */
export function useTeamSync(serverUrl: string | null, language: Language): TeamState {
  const [auth, setAuth] = useState<TeamAuth | null | 'pending'>(serverUrl ? 'pending' : null);
  const [user, setUser] = useState<SignedInUser | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [joining, setJoining] = useState<LocalEditsAtJoin | null>(null);
  const [restarted, setRestarted] = useState(false);
  const startRef = useRef<() => void>(() => {});
  const languageRef = useRef(language);
  languageRef.current = language;

  useEffect(() => {
    if (!serverUrl) return;
    let live = true;
    const base = new URL(serverUrl, document.baseURI).href;
    void loadTeam().then(async ([{ createTeamAuth }, { SyncEngine }, { readLocalEditsAtJoin }]) => {
      const created = await createTeamAuth(base);
      if (!live) return;
      setAuth(created);
      const signedIn = created ? await created.user() : null;
      if (!live || !created || !signedIn) return;
      setUser(signedIn);
      startRef.current = () => {
        if (!live) return;
        setJoining(null);
        connectTeam(
          new SyncEngine({
            db: getDatabase(),
            serverUrl: base,
            token: created.accessToken,
            locator: getMunicipalityLocator,
            onStatus: (s) => live && setStatus(s),
            shipped: SHIPPED ?? undefined,
            onRestart: () => live && setRestarted(true),
          }),
          signedIn,
        );
      };
      const edits = SHIPPED ? await readLocalEditsAtJoin(getDatabase(), SHIPPED, signedIn, dictionary(languageRef.current).team.join.uploadLabel) : null;
      if (!live) return;
      if (edits) setJoining(edits);
      else startRef.current();
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

  /** A request to the team server as the signed-in user. */
  const request = useCallback<TeamRequest>(
    async (path, init = {}) => {
      const token = auth && auth !== 'pending' ? await auth.accessToken() : null;
      if (!serverUrl || !token) throw new Error('signed out');
      return fetch(new URL(path, new URL(serverUrl, document.baseURI)), { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
    },
    [auth, serverUrl],
  );

  const readHistory = useCallback(
    async (table: RecordTable, id: string): Promise<RecordHistoryEntry[]> => {
      const response = await request(`api/history/${table}/${encodeURIComponent(id)}`);
      if (!response.ok) throw new Error(`history: ${response.status}`);
      return ((await response.json()) as { entries: RecordHistoryEntry[] }).entries;
    },
    [request],
  );

  const choice: JoinChoice | null =
    joining && SHIPPED
      ? {
          edits: joining,
          saveBackup,
          async upload() {
            // What may not go to the server leaves this database: saved in a file first.
            if (joining.refused.length) await saveBackup();
            const { uploadLocalEdits } = await import('../data/sync/firstConnection');
            await uploadLocalEdits(getDatabase(), joining, SHIPPED);
            startRef.current();
          },
          async keepApart() {
            await saveBackup();
            const { keepLocalEditsApart } = await import('../data/sync/firstConnection');
            await keepLocalEditsApart(getDatabase(), SHIPPED);
            startRef.current();
          },
        }
      : null;

  if (!serverUrl) return { kind: 'local' };
  if (auth === 'pending') return { kind: 'connecting' };
  if (!auth) return { kind: 'unavailable' };
  return user ? { kind: 'signed-in', user, status, signOut, joining: choice, restarted, readHistory, request } : { kind: 'signed-out', signIn };
}

/** The whole local database as a backup file, restorable in a browser that is not signed in. */
async function saveBackup(): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  // The backup format loads only when a backup is made (issue 12: the first JavaScript stays small).
  const [{ serializeBackup }, { readBackupContent }] = await Promise.all([import('../io/backup'), import('../data/backupStore')]);
  downloadText(`trygghetskartan-lokala-andringar-${today}.json`, serializeBackup(await readBackupContent(getDatabase())), 'application/json');
}
