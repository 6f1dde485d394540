import { useEffect, useMemo, useRef } from 'react';
import { reportStrings } from '../strings/report';
import { assessCoverage } from '../../analysis/coverage';
import { documentStandings, swedishToday } from '../../domain/currency';
import type { DatasetIndex } from '../../domain/dataset';
import { ACTIVITY_STATUSES, LAYER_KINDS, type ActivityStatus } from '../../domain/layers';
import { LAYER_COLOURS } from '../../map/palette';
import type { SafetyFeature } from '../../domain/safetyFeature';
import { CurrencyTag } from '../CurrencyTag';
import { FindingsList } from '../PlaceExtras';
import { formatDate, formatNumber, useI18n } from '../i18n';
import { MapExtract } from './MapExtract';
import { doneInYear } from '../../domain/statusEntry';

interface Props {
  documentId: string;
  index: DatasetIndex;
  /** Every place the analyses may count (stale unsafe places left out), for what reaches the document's places. */
  fresh: readonly SafetyFeature[];
  onClose(): void;
}

/**
 * The yearly follow-up of one promise, printable (the browser's print or PDF): the map of its
 * places, progress per focus area, the walks done and what they found, speed before and after,
 * and each unsafe place with what reaches it. Dated, since it says how things stood that day.
 */
export function FollowUpReport({ documentId, index, fresh, onClose }: Props) {
  const { t, language } = useI18n();
  const rs = reportStrings(language);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [documentId]);
  // While the report is open, printing prints the report alone.
  useEffect(() => {
    document.body.classList.add('printing-report');
    return () => document.body.classList.remove('printing-report');
  }, []);

  const document_ = index.documents.get(documentId);
  const today = swedishToday();
  const standing = useMemo(() => documentStandings([...index.documents.values()], today).get(documentId), [index, documentId, today]);
  const places = useMemo(() => (index.featureIdsByDocument.get(documentId) ?? []).map((id) => index.features.get(id)).filter((f): f is SafetyFeature => f !== undefined), [index, documentId]);
  const unsafe = places.filter((f) => f.layer === 'unsafe-place');
  const numbers = new Map(unsafe.map((f, i) => [f.id, i + 1]));
  const coverage = useMemo(() => new Map(assessCoverage(fresh, { walkDistanceMetres: 250 }).map((c) => [c.featureId, c])), [fresh]);
  if (!document_) return null;

  const areas = [...index.focusAreas.values()].filter((a) => a.documentId === documentId);
  const activitiesOf = (areaId: string) => (index.activityIdsByFocusArea.get(areaId) ?? []).map((id) => index.activities.get(id)).filter((a) => a !== undefined);
  const count = (statuses: ActivityStatus[], status: ActivityStatus) => statuses.filter((s) => s === status).length;
  const walks = places.filter((f): f is Extract<SafetyFeature, { layer: 'safety-walk' }> => f.layer === 'safety-walk');
  const speeds = places.filter((f): f is Extract<SafetyFeature, { layer: 'speed-control' }> => f.layer === 'speed-control');
  const name = (id: string | null) => (id ? (index.features.get(id)?.name ?? id) : null);
  const year = Number(today.slice(0, 4));
  // This year's follow-up of the document's activities, in date order: what the report year says happened.
  const entries = areas
    .flatMap((area) => activitiesOf(area.id))
    .flatMap((activity) => (index.statusEntriesByActivity.get(activity.id) ?? []).filter((e) => e.date.startsWith(`${year}-`)).map((entry) => ({ entry, activity })))
    .sort((a, b) => a.entry.date.localeCompare(b.entry.date));
  const number = (n: number | null) => (n === null ? t.notGiven : formatNumber(n, language));

  return (
    <section className="follow-up-report" aria-labelledby="report-title" data-testid="follow-up-report" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="report-actions screen-only">
        <button type="button" className="primary" onClick={() => window.print()}>
          {rs.print}
        </button>
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
      <h2 id="report-title" tabIndex={-1} ref={heading}>
        {rs.title(document_.title)}
      </h2>
      <p>
        {document_.municipality.name} · {document_.policeArea} · {formatDate(document_.period.from, language)} – {formatDate(document_.period.to, language)}{' '}
        <CurrencyTag standing={standing} titleOf={(id) => index.documents.get(id)?.title} />
      </p>
      <p className="muted">{rs.dated(formatDate(today, language))}</p>

      <h3>{rs.mapTitle}</h3>
      {places.length ? (
        <>
          <MapExtract features={places} numbers={numbers} title={rs.mapLabel(document_.municipality.name)} />
          <ul className="report-legend">
            {LAYER_KINDS.filter((layer) => places.some((f) => f.layer === layer)).map((layer) => (
              <li key={layer}>
                <span className="swatch" style={{ background: LAYER_COLOURS[layer] }} aria-hidden="true" /> {t.layerNames[layer]}
                {layer === 'unsafe-place' && ` (${rs.numbered})`}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{rs.noPlaces}</p>
      )}

      <h3>{rs.progressTitle}</h3>
      <p className="muted">{rs.progressNote}</p>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{t.focusArea}</th>
            {ACTIVITY_STATUSES.map((s) => (
              <th scope="col" key={s}>
                {rs.statusShort[s]}
              </th>
            ))}
            <th scope="col">{rs.total}</th>
            <th scope="col">{rs.doneThisYear(year)}</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((area) => {
            const statuses = activitiesOf(area.id).map((a) => a.status);
            const doneThisYear = activitiesOf(area.id).filter((a) => doneInYear(index.statusEntriesByActivity.get(a.id), year)).length;
            return (
              <tr key={area.id}>
                <th scope="row">{area.title}</th>
                {ACTIVITY_STATUSES.map((s) => (
                  <td key={s}>{count(statuses, s)}</td>
                ))}
                <td>
                  {statuses.length}{' '}
                  <span className="progress-bar" aria-hidden="true">
                    <span style={{ width: `${statuses.length ? (100 * count(statuses, 'done')) / statuses.length : 0}%` }} />
                  </span>
                </td>
                <td>{doneThisYear}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3>{rs.entriesTitle(year)}</h3>
      {entries.length ? (
        <ul data-testid="report-entries">
          {entries.map(({ entry, activity }) => (
            <li key={entry.id}>
              {formatDate(entry.date, language)}: {activity.title}: <strong>{t.statusNames[entry.status]}</strong>
              {entry.note && <> – {entry.note}</>}
            </li>
          ))}
        </ul>
      ) : (
        <p>{rs.noEntries}</p>
      )}

      <h3>{rs.walksTitle}</h3>
      {walks.length ? (
        <ul>
          {walks.map((walk) => (
            <li key={walk.id}>
              <strong>{walk.name}</strong>: {walk.details.plannedDate ? formatDate(walk.details.plannedDate.slice(0, 10), language) : rs.noDate}, {t.detailValues.status?.[walk.details.status] ?? walk.details.status}.
              <FindingsList findings={walk.details.findings} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{rs.noWalks}</p>
      )}

      <h3>{rs.speedTitle}</h3>
      {speeds.length ? (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t.detailLabels.streetName}</th>
              <th scope="col">{t.detailLabels.speedLimit}</th>
              <th scope="col">{t.detailLabels.meanSpeedBefore}</th>
              <th scope="col">{t.detailLabels.meanSpeedAfter}</th>
            </tr>
          </thead>
          <tbody>
            {speeds.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.details.streetName}</th>
                <td>{number(s.details.speedLimit)}</td>
                <td>{number(s.details.meanSpeedBefore)}</td>
                <td>{number(s.details.meanSpeedAfter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{rs.noSpeed}</p>
      )}

      <h3>{rs.unsafeTitle}</h3>
      {unsafe.length ? (
        <ol className="report-unsafe">
          {unsafe.map((place) => {
            const c = coverage.get(place.id);
            const reached = c && [name(c.walkId), name(c.focusPlaceId), name(c.watchAreaId)].filter((n): n is string => n !== null);
            return (
              <li key={place.id}>
                <strong>{place.name}</strong>:{' '}
                {!c ? rs.notCounted : reached && reached.length ? rs.reachedBy(reached.join(', ')) : rs.nothingReaches}
              </li>
            );
          })}
        </ol>
      ) : (
        <p>{rs.noUnsafe}</p>
      )}
    </section>
  );
}
