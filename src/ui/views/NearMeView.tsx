import { isUpcomingWalk, swedishToday } from '../../domain/currency';
import { circle } from '@turf/turf';
import { useEffect, useId, useMemo, useState } from 'react';
import { z } from 'zod';
import { buildPlaceIndex, nearby } from '../../analysis/nearMe';
import type { DatasetIndex } from '../../domain/dataset';
import { normaliseSearchText } from '../../domain/featureRows';
import type { SafetyFeature } from '../../domain/safetyFeature';
import type { MapOverlay } from '../../map/adapter';
import { formatDate, useI18n } from '../i18n';
import { metres, Select } from './controls';

export interface NearQuery {
  point: [number, number];
  radius: number;
  label: string | null;
}

export interface GazetteerEntry {
  name: string;
  point: [number, number];
  kind: string;
}

interface Props {
  features: readonly SafetyFeature[];
  index: DatasetIndex;
  gazetteer: readonly GazetteerEntry[];
  query: NearQuery | null;
  onQuery(query: NearQuery | null): void;
  onOverlay(overlay: MapOverlay | null): void;
  onSelect(featureId: string): void;
  onPickOnMap(): void;
  picking: boolean;
  /** A deployment's online geocoder (config.json), or null: then only the offline gazetteer is searched. */
  geocoderUrl: string | null;
}

const geocoderAnswer = z
  .array(z.object({ lat: z.coerce.number(), lon: z.coerce.number(), display_name: z.string().max(300) }))
  .max(50);

const RADII = [500, 1000, 2000] as const;

/** For citizens: pick a place (name, own position or the map) and see, nearest first, what is promised around it. */
export function NearMeView({ features, index, gazetteer, query, onQuery, onOverlay, onSelect, onPickOnMap, picking, geocoderUrl }: Props) {
  const { t, language } = useI18n();
  const id = useId();
  const [search, setSearch] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [online, setOnline] = useState<GazetteerEntry[]>([]);
  const radius = query?.radius ?? 1000;
  const placeIndex = useMemo(() => buildPlaceIndex(features), [features]);
  const results = useMemo(() => (query ? nearby(placeIndex, query.point[0], query.point[1], query.radius) : []), [placeIndex, query]);
  const matches = useMemo(() => {
    const words = normaliseSearchText(search).split(' ').filter(Boolean);
    if (!words.length) return [];
    return [...gazetteer.filter((g) => words.every((w) => normaliseSearchText(g.name).includes(w))).slice(0, 8), ...online];
  }, [search, gazetteer, online]);

  const searchOnline = async () => {
    if (!geocoderUrl) return;
    try {
      const response = await fetch(geocoderUrl.replace('{q}', encodeURIComponent(search.trim())));
      const parsed = geocoderAnswer.safeParse(response.ok ? await response.json() : null);
      if (!parsed.success) throw new Error('answer');
      setOnline(parsed.data.map((r) => ({ name: r.display_name, point: [r.lon, r.lat], kind: t.views.onlineSearch })));
    } catch {
      setMessage(t.views.onlineFailed);
    }
  };

  useEffect(() => {
    onOverlay(query ? { circle: circle(query.point, query.radius / 1000, { steps: 64, units: 'kilometers' }).geometry } : null);
  }, [query, onOverlay]);
  useEffect(() => () => onOverlay(null), [onOverlay]);

  const useMyPosition = () => {
    if (!('geolocation' in navigator)) return setMessage(t.views.positionUnavailable);
    navigator.geolocation.getCurrentPosition(
      (position) => onQuery({ point: [position.coords.longitude, position.coords.latitude], radius, label: t.views.myPosition }),
      () => setMessage(t.views.positionUnavailable),
      { timeout: 10_000 },
    );
  };

  const items = results.map((r) => ({ ...r, feature: index.features.get(r.featureId)! })).filter((r) => r.feature);
  const today = swedishToday();
  // Walks a resident could still join: dated from today on and not done (no date: nobody can come).
  const walks = items.filter((r) => r.feature.layer === 'safety-walk' && isUpcomingWalk(r.feature.details.plannedDate, r.feature.details.status, today));
  const documentIds = new Set<string>(items.flatMap((r) => r.feature.activityIds.map((a) => index.activities.get(a)?.documentId ?? '')));
  const municipalities = [...documentIds].map((docId) => index.documents.get(docId)).filter((d) => d !== undefined);
  const radiusText = t.views.radii[radius] ?? `${radius} m`;

  return (
    <div className="view near-view" data-testid="near-view">
      <h3>{t.views.nearTitle}</h3>
      <div className="view-controls">
        <div className="field">
          <label htmlFor={`${id}-search`}>{t.views.findPlace}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            placeholder={t.views.findPlaceHint}
            maxLength={100}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setOnline([]);
            }}
          />
        </div>
        {geocoderUrl && (
          <button type="button" onClick={searchOnline} disabled={!search.trim()}>
            {t.views.onlineSearch}
          </button>
        )}
        <Select id={`${id}-radius`} label={t.views.radius} value={String(radius)} onChange={(v) => query && onQuery({ ...query, radius: Number(v) })} options={RADII.map((r) => [String(r), t.views.radii[r]!])} />
        <button type="button" onClick={useMyPosition}>
          {t.views.useMyPosition}
        </button>
        <button type="button" onClick={onPickOnMap} aria-pressed={picking}>
          {t.views.pickOnMap}
        </button>
      </div>
      {picking && <p role="status">{t.views.pickHelp}</p>}
      {message && <p role="alert">{message}</p>}
      {search.trim() && (
        <ul className="gazetteer" aria-label={t.views.findPlace}>
          {matches.length === 0 && <li>{t.views.noMatch}</li>}
          {matches.map((m) => (
            <li key={`${m.kind}-${m.name}`}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onQuery({ point: m.point, radius, label: m.name });
                  setSearch('');
                }}
              >
                {m.name} <span className="muted">({m.kind})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {query && (
        <>
          <p className="result-count" role="status">
            {items.length ? t.views.nearSummary(items.length, query.label ?? t.views.chosenPoint, radiusText) : t.views.nothingNear(radiusText)}
          </p>
          <ol className="ranked-list" data-testid="near-list">
            {items.map((item) => (
              <li key={item.featureId}>
                <button type="button" className="link-button" onClick={() => onSelect(item.featureId)}>
                  {item.feature.name}
                </button>{' '}
                <span className="muted">
                  {t.layerSingular[item.feature.layer]}, {t.views.distance(metres(item.distanceMetres, language))}
                </span>
                <ul className="score-parts">
                  {item.feature.activityIds.map((aid) => index.activities.get(aid)).filter((a) => a !== undefined).map((activity) => (
                    <li key={activity.id}>
                      {activity.title} – {t.statusNames[activity.status]} ({index.documents.get(activity.documentId)?.title})
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          <h4>{t.views.walksTitle}</h4>
          {walks.length === 0 ? (
            <p>{t.views.noWalksNear}</p>
          ) : (
            <ul>
              {walks.map(({ feature }) =>
                feature.layer === 'safety-walk' ? (
                  <li key={feature.id}>
                    <strong>{feature.name}</strong>: {t.views.walkWhen(feature.details.plannedDate ? formatDate(feature.details.plannedDate.slice(0, 10), language) : null)}.{' '}
                    {t.views.walkTime(feature.details.plannedDate?.slice(11, 16) || null)}. {t.views.walkMeet(meetingPoint(feature.geometry))}.{' '}
                    {t.views.walkWho(feature.details.organisers.join(', '))}.
                  </li>
                ) : null,
              )}
            </ul>
          )}
          {municipalities.length > 0 && (
            <>
              <h4>{t.views.contactTitle}</h4>
              <ul>
                {[...new Map(municipalities.map((d) => [d.municipality.code, d])).values()].map((d) => (
                  <li key={d.municipality.code}>
                    {t.views.contactMunicipality(d.municipality.name)} {t.views.contactPolice(d.policeArea)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}

/** A walk gathers where its route starts. */
function meetingPoint(geometry: SafetyFeature['geometry']): string {
  const first = geometry.type === 'LineString' ? geometry.coordinates[0] : geometry.type === 'MultiLineString' ? geometry.coordinates[0]?.[0] : undefined;
  return first ? `${first[1]!.toFixed(5)}, ${first[0]!.toFixed(5)}` : '–';
}
