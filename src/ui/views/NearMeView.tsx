import { isUpcomingWalk, swedishToday } from '../../domain/currency';
import { viewsStrings } from '../strings/views';
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
import { haversineMetres } from '../../analysis/geo';
import { representativePoint } from '../../analysis/representativePoint';

/** The municipality whose extent holds the point (the smallest, where extents overlap). */
function municipalityAround(point: [number, number], areas: Readonly<Record<string, { name: string; bounds: [number, number, number, number] }>>) {
  const [lon, lat] = point;
  const holding = Object.entries(areas)
    .filter(([, a]) => lon >= a.bounds[0] && lon <= a.bounds[2] && lat >= a.bounds[1] && lat <= a.bounds[3])
    .sort(([, a], [, b]) => (a.bounds[2] - a.bounds[0]) * (a.bounds[3] - a.bounds[1]) - (b.bounds[2] - b.bounds[0]) * (b.bounds[3] - b.bounds[1]));
  const found = holding[0];
  return found ? { code: found[0], name: found[1].name, centre: [(found[1].bounds[0] + found[1].bounds[2]) / 2, (found[1].bounds[1] + found[1].bounds[3]) / 2] as [number, number] } : null;
}

export interface NearQuery {
  point: [number, number];
  radius: number;
  label: string | null;
  /** A municipality chosen by name: its places, nearest its centre first, however far (no radius). */
  municipalityCode?: string | null;
}

export interface GazetteerEntry {
  name: string;
  point: [number, number];
  kind: string;
  /** Set for a municipality: choosing it covers the municipality. */
  municipalityCode?: string;
}

interface Props {
  /** The municipalities' extents (config.json), to offer the whole municipality when nothing is near. */
  municipalityAreas?: Readonly<Record<string, { name: string; bounds: [number, number, number, number] }>>;
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
export function NearMeView({ municipalityAreas = {}, features, index, gazetteer, query, onQuery, onOverlay, onSelect, onPickOnMap, picking, geocoderUrl }: Props) {
  const { t, language } = useI18n();
  const v = viewsStrings(language);
  const id = useId();
  const [search, setSearch] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [online, setOnline] = useState<GazetteerEntry[]>([]);
  const radius = query?.radius ?? 1000;
  const placeIndex = useMemo(() => buildPlaceIndex(features), [features]);
  const results = useMemo(() => {
    if (!query) return [];
    if (!query.municipalityCode) return nearby(placeIndex, query.point[0], query.point[1], query.radius);
    // A municipality by name covers the municipality: a radius from its centre would miss its edges.
    return features
      .filter((f) => f.municipalityCode === query.municipalityCode)
      .map((f) => {
        const [lon, lat] = representativePoint(f);
        return { featureId: f.id, distanceMetres: haversineMetres(query.point[0], query.point[1], lon, lat) };
      })
      .sort((a, b) => a.distanceMetres - b.distanceMetres);
  }, [placeIndex, query, features]);
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
      setOnline(parsed.data.map((r) => ({ name: r.display_name, point: [r.lon, r.lat], kind: v.onlineSearch })));
    } catch {
      setMessage(v.onlineFailed);
    }
  };

  useEffect(() => {
    onOverlay(query && !query.municipalityCode ? { circle: circle(query.point, query.radius / 1000, { steps: 64, units: 'kilometers' }).geometry } : null);
  }, [query, onOverlay]);
  useEffect(() => () => onOverlay(null), [onOverlay]);

  const useMyPosition = () => {
    if (!('geolocation' in navigator)) return setMessage(v.positionUnavailable);
    navigator.geolocation.getCurrentPosition(
      (position) => onQuery({ point: [position.coords.longitude, position.coords.latitude], radius, label: v.myPosition }),
      () => setMessage(v.positionUnavailable),
      { timeout: 10_000 },
    );
  };

  const items = results.map((r) => ({ ...r, feature: index.features.get(r.featureId)! })).filter((r) => r.feature);
  const today = swedishToday();
  // Walks a resident could still join: dated from today on and not done (no date: nobody can come).
  const walks = items.filter((r) => r.feature.layer === 'safety-walk' && isUpcomingWalk(r.feature.details.plannedDate, r.feature.details.status, today));
  const documentIds = new Set<string>(items.flatMap((r) => r.feature.activityIds.map((a) => index.activities.get(a)?.documentId ?? '')));
  const municipalities = [...documentIds].map((docId) => index.documents.get(docId)).filter((d) => d !== undefined);
  const radiusText = v.radii[radius] ?? `${radius} m`;
  const largest = RADII[RADII.length - 1]!;
  const larger = RADII.find((r) => r > radius);
  // The municipality around the point, for the step after the largest radius (bounds: good enough to offer it).
  const around = query ? municipalityAround(query.point, municipalityAreas) : null;

  return (
    <div className="view near-view" data-testid="near-view">
      <h3>{v.nearTitle}</h3>
      <div className="view-controls">
        <div className="field">
          <label htmlFor={`${id}-search`}>{v.findPlace}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            placeholder={v.findPlaceHint}
            maxLength={100}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setOnline([]);
            }}
          />
        </div>
        {geocoderUrl && (
          <button type="button" onClick={searchOnline} disabled={!search.trim()}>
            {v.onlineSearch}
          </button>
        )}
        <Select id={`${id}-radius`} label={v.radius} value={String(radius)} onChange={(v) => query && onQuery({ ...query, radius: Number(v), municipalityCode: null })} options={RADII.map((r) => [String(r), v.radii[r]!])} />
        <button type="button" onClick={useMyPosition}>
          {v.useMyPosition}
        </button>
        <button type="button" onClick={onPickOnMap} aria-pressed={picking}>
          {v.pickOnMap}
        </button>
      </div>
      {picking && <p role="status">{v.pickHelp}</p>}
      {message && <p role="alert">{message}</p>}
      {search.trim() && (
        <ul className="gazetteer" aria-label={v.findPlace}>
          {matches.length === 0 && <li>{v.noMatch}</li>}
          {matches.map((m) => (
            <li key={`${m.kind}-${m.name}`}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onQuery({ point: m.point, radius, label: m.name, municipalityCode: m.municipalityCode ?? null });
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
            {query.municipalityCode
              ? v.inMunicipality(items.length, query.label ?? '')
              : items.length
                ? v.nearSummary(items.length, query.label ?? v.chosenPoint, radiusText)
                : larger
                  ? v.nothingNear(radiusText, query.label ?? v.chosenPoint)
                  : v.nothingWithinLargest(radiusText, query.label ?? v.chosenPoint)}
          </p>
          {!items.length && !query.municipalityCode && (
            <p>
              {larger ? (
                <button type="button" onClick={() => onQuery({ ...query, radius: larger })}>
                  {v.tryRadius(v.radii[larger] ?? `${larger} m`)}
                </button>
              ) : around ? (
                <button type="button" onClick={() => onQuery({ point: around.centre, radius: largest, label: around.name, municipalityCode: around.code })}>
                  {v.coverMunicipality(around.name)}
                </button>
              ) : (
                <span>{v.noMunicipalityAround}</span>
              )}
            </p>
          )}
          <ol className="ranked-list" data-testid="near-list">
            {items.map((item) => (
              <li key={item.featureId}>
                <button type="button" className="link-button" onClick={() => onSelect(item.featureId)}>
                  {item.feature.name}
                </button>{' '}
                <span className="muted">
                  {t.layerSingular[item.feature.layer]}, {v.distance(metres(item.distanceMetres, language))}
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
          <h4>{v.walksTitle}</h4>
          {walks.length === 0 ? (
            <p>{v.noWalksNear}</p>
          ) : (
            <ul>
              {walks.map(({ feature }) =>
                feature.layer === 'safety-walk' ? (
                  <li key={feature.id}>
                    <strong>{feature.name}</strong>: {v.walkWhen(feature.details.plannedDate ? formatDate(feature.details.plannedDate.slice(0, 10), language) : null)}.{' '}
                    {v.walkTime(feature.details.plannedDate?.slice(11, 16) || null)}. {v.walkMeet(meetingPoint(feature.geometry))}.{' '}
                    {v.walkWho(feature.details.organisers.join(', '))}.
                  </li>
                ) : null,
              )}
            </ul>
          )}
          {municipalities.length > 0 && (
            <>
              <h4>{v.contactTitle}</h4>
              <ul>
                {[...new Map(municipalities.map((d) => [d.municipality.code, d])).values()].map((d) => (
                  <li key={d.municipality.code}>
                    {v.contactMunicipality(d.municipality.name)} {v.contactPolice(d.policeArea)}
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
