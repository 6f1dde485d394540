import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { reportsStrings } from '../strings/reports';
import { haversineMetres } from '../../analysis/geo';
import { representativePoint } from '../../analysis/representativePoint';
import type { DatasetIndex } from '../../domain/dataset';
import { fetchQueue, ModerationError, publishSite, reviewReport, type QueuedReport, type TeamRequest } from '../../data/sync/moderation';
import { formatDate, formatNumber, useI18n } from '../i18n';

interface Props {
  request: TeamRequest;
  index: DatasetIndex;
  municipalityName(code: string): string;
  onClose(): void;
  onStatus(message: string): void;
}

/**
 * The planner's side of "tell us where you feel unsafe" (issue 13): the moderation queue of
 * citizens' reports in their municipalities, each accepted as a survey answer of an unsafe place
 * or rejected, and Publish, which builds the citizens' site from the server's data. Comments are
 * shown only here, as text.
 */
export function ReportsPanel({ request, index, municipalityName, onClose, onStatus }: Props) {
  const { t, language } = useI18n();
  const s = reportsStrings(language);
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [queue, setQueue] = useState<QueuedReport[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'refused'; problems: readonly string[] }>({ kind: 'idle' });
  useEffect(() => headingRef.current?.focus(), []);

  const message = (e: unknown) => (e instanceof ModerationError ? s.serverSaid(e.status, e.message) : s.unreachable);
  const load = useCallback(async () => {
    setError(null);
    try {
      setQueue(await fetchQueue(request));
    } catch (e) {
      setError(message(e));
    }
  }, [request]);
  useEffect(() => void load(), [load]);

  const review = async (report: QueuedReport, decision: { accept: string } | { reject: true }) => {
    try {
      await reviewReport(request, report.id, decision);
      onStatus('accept' in decision ? s.accepted(index.features.get(decision.accept)?.name ?? decision.accept) : s.rejected);
      setQueue((q) => q?.filter((r) => r.id !== report.id) ?? null);
    } catch (e) {
      setError(message(e));
    }
  };
  const publish = async () => {
    setPublishing({ kind: 'busy' });
    try {
      const done = await publishSite(request);
      onStatus(s.published(done.files, done.ms));
      setPublishing({ kind: 'idle' });
    } catch (e) {
      if (e instanceof ModerationError && e.problems.length) setPublishing({ kind: 'refused', problems: e.problems });
      else (setPublishing({ kind: 'idle' }), setError(message(e)));
    }
  };

  return (
    <aside className="panel" aria-labelledby={`${id}-title`} data-testid="reports-panel">
      <div className="panel-head">
        <h2 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
          {s.title}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t.close}>
          ×
        </button>
      </div>
      {error && (
        <p role="alert" className="form-errors">
          {error}
        </p>
      )}
      <section aria-labelledby={`${id}-queue`}>
        <h3 id={`${id}-queue`}>{s.queueTitle}</h3>
        <p className="muted">{s.queueHelp}</p>
        {queue === null ? (
          <p className="muted">{t.loading}</p>
        ) : queue.length === 0 ? (
          <p>{s.empty}</p>
        ) : (
          <ul className="report-queue">
            {queue.map((report) => (
              <QueueItem key={report.id} report={report} index={index} municipality={municipalityName(report.municipalityCode)} onReview={(d) => void review(report, d)} />
            ))}
          </ul>
        )}
        <button type="button" onClick={() => void load()}>
          {s.refresh}
        </button>
      </section>
      <section aria-labelledby={`${id}-publish`}>
        <h3 id={`${id}-publish`}>{s.publishTitle}</h3>
        <p className="muted">{s.publishHelp}</p>
        <button type="button" className="primary" onClick={() => void publish()} disabled={publishing.kind === 'busy'}>
          {publishing.kind === 'busy' ? s.publishing : s.publish}
        </button>
        {publishing.kind === 'refused' && (
          <div role="alert" className="form-errors">
            <p>{s.publishRefused}</p>
            <ul>
              {publishing.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </aside>
  );
}

function QueueItem({ report, index, municipality, onReview }: { report: QueuedReport; index: DatasetIndex; municipality: string; onReview(decision: { accept: string } | { reject: true }): void }) {
  const { t, language } = useI18n();
  const s = reportsStrings(language);
  const id = useId();
  const r = report.report;
  // The unsafe places of the report's municipality, nearest first when the citizen marked a position.
  const places = [...index.features.values()]
    .filter((f) => f.layer === 'unsafe-place' && f.municipalityCode === report.municipalityCode)
    .map((f) => {
      const [lon, lat] = representativePoint(f);
      return { id: f.id, name: f.name, metres: r.position ? haversineMetres(r.position.lon, r.position.lat, lon, lat) : null };
    })
    .sort((a, b) => (a.metres ?? 0) - (b.metres ?? 0) || a.name.localeCompare(b.name, 'sv'));
  const [chosen, setChosen] = useState(places[0]?.id ?? '');
  const where = [r.placeName, r.position && `${r.position.lat.toFixed(5)}, ${r.position.lon.toFixed(5)}`].filter(Boolean).join(' · ');
  return (
    <li aria-labelledby={`${id}-what`}>
      <p id={`${id}-what`}>
        <strong>{where}</strong> ({municipality}) · {t.timeOfDayNames[r.timeOfDay] ?? r.timeOfDay} · {r.reasons.join(', ')}
      </p>
      <p className="muted">{s.received(formatDate(report.receivedAt.slice(0, 10), language))}</p>
      {r.comment && <blockquote>{r.comment}</blockquote>}
      {places.length ? (
        <div className="field">
          <label htmlFor={`${id}-place`}>{s.placeLabel}</label>
          <select id={`${id}-place`} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
            {places.map((p) => (
              <option key={p.id} value={p.id}>
                {p.metres === null ? p.name : s.placeAt(p.name, formatNumber(Math.round(p.metres), language))}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="muted">{s.noPlace}</p>
      )}
      <div className="button-list">
        <button type="button" className="primary" disabled={!chosen} onClick={() => onReview({ accept: chosen })}>
          {s.accept}
        </button>
        <button type="button" onClick={() => onReview({ reject: true })}>
          {s.reject}
        </button>
      </div>
    </li>
  );
}
