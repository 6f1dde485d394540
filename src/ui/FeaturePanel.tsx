import { useEffect, useRef, type ReactNode } from 'react';
import { ActivityFollowUp, type FollowUp } from './StatusTimeline';
import type { ActivityLink, FeatureChain } from '../domain/chain';
import { formatDate, useI18n } from './i18n';
import { AttributesSection, FindingsList } from './PlaceExtras';
import { RecordHistory } from './RecordHistory';
import { CurrencyTag } from './CurrencyTag';
import type { DocumentStanding } from '../domain/currency';
import type { Freshness } from '../analysis/staleness';

interface Props {
  chain: FeatureChain;
  onClose(): void;
  onShowPromise(documentId: string): void;
  /** Every document's standing today, and titles by id (for "replaced by …"). */
  standings: ReadonlyMap<string, DocumentStanding>;
  documentTitle(id: string): string | undefined;
  /** An unsafe place's newest evidence, and the age limit it was judged by. */
  freshness?: { value: Freshness; years: number };
  /** More evidence of the place (its individual survey answers), shown under its age. */
  evidence?: ReactNode;
  /** Planner actions; absent where editing is not offered. */
  actions?: { onEdit(): void; onReshape(): void; onRemove(): void; onConfirm(): void };
  /** Following an activity up (planners and police): absent for readers. */
  /** The activities' timelines, and adding to them. */
  followUp: FollowUp;
}

/** The whole chain for one place: place → activity → focus area → promise document. */
export function FeaturePanel({ chain, onClose, onShowPromise, actions, standings, documentTitle, freshness, evidence, followUp }: Props) {
  const { t, language } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { feature } = chain;

  function formatDetail(key: string, value: unknown): string {
    const one = (v: unknown) => {
      const text = String(v);
      if (key === 'plannedDate' || key === 'controlDates' || key === 'confirmedOn') return formatDate(text, language);
      return t.detailValues[key]?.[text] ?? text;
    };
    if (value === null || value === undefined) return t.notGiven;
    if (Array.isArray(value)) return value.length ? value.map(one).join(', ') : t.notGiven;
    return one(value);
  }

  // Focus moves to the panel when it opens or shows another place, so keyboard users land on it.
  useEffect(() => headingRef.current?.focus(), [feature.id]);

  return (
    <aside className="panel" aria-labelledby="panel-heading" data-testid="feature-panel" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="panel-head">
        <h2 id="panel-heading" tabIndex={-1} ref={headingRef}>
          {feature.name}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t.close}>
          ×
        </button>
      </div>
      <p className="layer-tag">{t.layerSingular[feature.layer]}</p>
      {actions && (
        <div className="panel-actions">
          <button type="button" onClick={actions.onEdit}>
            {t.edit.editDetails}
          </button>
          <button type="button" onClick={actions.onReshape}>
            {t.edit.reshape}
          </button>
          <button type="button" className="danger" onClick={actions.onRemove}>
            {t.edit.remove}
          </button>
        </div>
      )}

      <section aria-labelledby="panel-place">
        <h3 id="panel-place">{t.place}</h3>
        <dl>
          <Row label={t.provenance}>
            <span className={`provenance provenance-${feature.provenance}`}>{t.provenanceNames[feature.provenance]}</span>
            <br />
            {feature.provenanceNote}
          </Row>
          {Object.entries(feature.details).map(([key, value]) => (
            <Row key={key} label={t.detailLabels[key] ?? key}>
              {key === 'findings' && feature.layer === 'safety-walk' ? <FindingsList findings={feature.details.findings} /> : formatDetail(key, value)}
            </Row>
          ))}
        </dl>
        {freshness && (
          <div className="freshness" data-testid="freshness" data-stale={freshness.value.stale}>
            <p className={freshness.value.stale ? 'warning' : undefined}>
              {freshness.value.newest
                ? t.freshness.newest(formatDate(freshness.value.newest, language), t.freshness.sources[freshness.value.source ?? 'survey'])
                : t.freshness.undated}{' '}
              {freshness.value.stale && t.freshness.stale(freshness.years)}
            </p>
            {actions && (
              <button type="button" onClick={actions.onConfirm}>
                {t.freshness.confirm}
              </button>
            )}
          </div>
        )}
        {evidence}
        <RecordHistory table="features" id={feature.id} headingId="history-place" />
      </section>
      {feature.attributes && <AttributesSection attributes={feature.attributes} />}

      {chain.missingActivityIds.map((id) => (
        <p key={id} className="warning">
          {t.missingActivity(id)}
        </p>
      ))}
      {chain.links.map((link) => (
        <LinkSection key={link.activity.id} link={link} onShowPromise={onShowPromise} standings={standings} documentTitle={documentTitle} followUp={followUp} />
      ))}
    </aside>
  );
}

function LinkSection({ link, onShowPromise, standings, documentTitle, followUp }: { link: ActivityLink; onShowPromise(documentId: string): void } & Pick<Props, 'standings' | 'documentTitle' | 'followUp'>) {
  const { t, language } = useI18n();
  const { activity, focusArea, document } = link;
  return (
    <>
      <section aria-labelledby={`activity-${activity.id}`}>
        <h3 id={`activity-${activity.id}`}>
          {t.activity}: {activity.title}
        </h3>
        <dl>
          <Row label={t.challenge}>{activity.challenge ?? t.notGiven}</Row>
          <Row label={t.measures}>
            {activity.measures.length ? (
              <ul>
                {activity.measures.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : (
              t.notGiven
            )}
          </Row>
          <Row label={t.responsible}>
            {activity.responsible.map((r) => [t.parties[r.party], r.unit].filter(Boolean).join(' / ')).join(', ')}
          </Row>
          <Row label={t.status}>{t.statusNames[activity.status]}</Row>
          {activity.target && <Row label={t.target}>{activity.target}</Row>}
        </dl>
        <ActivityFollowUp activity={activity} followUp={followUp} />
        <RecordHistory table="activities" id={activity.id} headingId={`history-activity-${activity.id}`} />
      </section>
      {focusArea && (
        <section aria-labelledby={`focus-${activity.id}`}>
          <h3 id={`focus-${activity.id}`}>
            {t.focusArea}: {focusArea.title}
          </h3>
          <dl>
            {focusArea.purpose && <Row label={t.purpose}>{focusArea.purpose}</Row>}
            {focusArea.goal && <Row label={t.goal}>{focusArea.goal}</Row>}
          </dl>
        </section>
      )}
      {document && (
        <section aria-labelledby={`document-${activity.id}`}>
          <h3 id={`document-${activity.id}`}>
            {t.promise}: {document.title}
          </h3>
          <dl>
            <Row label={t.municipality}>
              {document.municipality.name} ({document.municipality.code})
            </Row>
            <Row label={t.policeArea}>{document.policeArea}</Row>
            <Row label={t.period}>
              {formatDate(document.period.from, language)} – {formatDate(document.period.to, language)}
              {document.periodNote && <span className="muted"> ({document.periodNote})</span>}
            </Row>
            <Row label={t.facetNames.currency!}>
              <CurrencyTag standing={standings.get(document.id)} titleOf={documentTitle} />
            </Row>
            {document.signedDate && <Row label={t.signed}>{formatDate(document.signedDate, language)}</Row>}
            {document.signatories.length > 0 && (
              <Row label={t.signatories}>{document.signatories.map((s) => t.people(s.name, s.role)).join('; ')}</Row>
            )}
            {document.followUp && <Row label={t.followUp}>{document.followUp}</Row>}
            <Row label={t.sourceFile}>
              {t.documentKinds[document.kind]}, {document.sourceFile}
            </Row>
          </dl>
          <RecordHistory table="documents" id={document.id} headingId={`history-document-${activity.id}`} />
          <figure className="quote">
            <blockquote>{activity.quote}</blockquote>
            <figcaption>{t.sourceQuote}</figcaption>
          </figure>
          <button type="button" className="primary" onClick={() => onShowPromise(document.id)}>
            {t.showAllOfPromise}
          </button>
        </section>
      )}
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}


