import { useI18n } from './i18n';
import type { TeamState } from './useTeamSync';

/** Where the team server stands, in the header: sign in, who is signed in, online / offline / N waiting / conflict. */
export function TeamStatus({ team }: { team: TeamState }) {
  const { t } = useI18n();
  if (team.kind === 'local') return null;
  if (team.kind === 'connecting') return <p className="team-status muted">{t.team.connecting}</p>;
  if (team.kind === 'unavailable') return <p className="team-status warning">{t.team.unavailable}</p>;
  if (team.kind === 'signed-out')
    return (
      <button type="button" className="primary" onClick={team.signIn}>
        {t.team.signIn}
      </button>
    );
  const status = team.status;
  return (
    <div className="team-status" data-testid="team-status">
      <span>{t.team.signedInAs(team.user.email, t.team.roles[team.user.role])}</span>{' '}
      <span role="status" data-sync={status?.kind ?? 'starting'}>
        {status ? t.team.status[status.kind](status.waiting) : t.team.connecting}
      </span>{' '}
      <button type="button" onClick={team.signOut}>
        {t.team.signOut}
      </button>
      {team.restarted && <p className="warning">{t.team.restarted}</p>}
    </div>
  );
}
