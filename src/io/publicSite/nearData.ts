import type { Currency } from '../../domain/currency';
import type { Dataset, DatasetIndex } from '../../domain/dataset';
import { lookupOf } from '../../domain/rules/lookup';
import { isSensitiveActivity } from '../../domain/rules/sensitivePlace';
import { representativePoint } from '../../analysis/representativePoint';
import type { GazetteerPlace, LonLat, NearActivity, NearFile, NearItem, PublicStatus } from '../../analysis/publicNear';
import { upcomingWalks } from './pages';

/** Where the gazetteer comes from: the shipped geodata's municipalities and localities (server/publish/gazetteer.ts). */
export interface GazetteerSource {
  municipalities: readonly { code: string; name: string; point: LonLat }[];
  localities: readonly { name: string; code: string | null; point: LonLat }[];
}

const round4 = (n: number) => Math.round(n * 1e4) / 1e4;
const rounded = ([lon, lat]: LonLat): LonLat => [round4(lon), round4(lat)];
// A place name's centre needs no 10 m: at 3 decimals (about 100 m) it can never be read as anyone's position.
const round3 = (n: number) => Math.round(n * 1e3) / 1e3;
const centre = ([lon, lat]: LonLat): LonLat => [round3(lon), round3(lat)];

/**
 * data/near.json: the public things with a place, each at one point rounded to about 10 m, with
 * its activities' status and latest dated entry, and the gazetteer to search them by name.
 * Published: upcoming safety walks, watch areas, speed-control streets and focus places. Never:
 * unsafe places (they come from survey answers), a place serving only sensitive activities (the
 * write door's rule, sensitivePlace.ts), the sensitive activities of a mixed place, who wrote an entry.
 */
export function nearData(dataset: Dataset, index: DatasetIndex, currencyOf: (documentId: string) => Currency, today: string, gazetteer: GazetteerSource = { municipalities: [], localities: [] }): NearFile {
  const lookup = lookupOf(index);
  const pages = new Set(dataset.documents.map((d) => d.municipality.code));
  const municipalities: NearFile['municipalities'] = {};
  for (const m of gazetteer.municipalities) municipalities[m.code] = { name: m.name, page: pages.has(m.code) };
  for (const d of dataset.documents) municipalities[d.municipality.code] = { name: d.municipality.name, page: true };
  const publicActivities = (ids: readonly string[]): NearActivity[] =>
    ids.flatMap((id) => {
      const activity = index.activities.get(id);
      if (!activity || isSensitiveActivity(activity, lookup)) return [];
      const entries = index.statusEntriesByActivity.get(id) ?? [];
      const currency = currencyOf(activity.documentId);
      const status: PublicStatus = activity.status === 'done' ? 'done' : currency === 'expired' ? 'notDoneExpired' : currency === 'superseded' ? 'notDoneSuperseded' : activity.status;
      return [{ title: activity.title, status, date: entries.at(-1)?.date ?? null }];
    });
  const items: NearItem[] = [];
  const walks = new Map(upcomingWalks(dataset, new Set(dataset.features.map((f) => f.municipalityCode)), today).map((w) => [w.id, w]));
  for (const feature of dataset.features) {
    if (feature.layer === 'unsafe-place') continue;
    // A place serving only sensitive activities is never published, not even as a point.
    if (feature.activityIds.every((id) => { const a = index.activities.get(id); return !a || isSensitiveActivity(a, lookup); })) continue;
    const activities = publicActivities(feature.activityIds);
    const base = { id: feature.id, name: feature.name, municipality: feature.municipalityCode, point: rounded(representativePoint(feature)), activities };
    if (feature.layer === 'safety-walk') {
      const walk = walks.get(feature.id);
      if (walk) items.push({ ...base, kind: 'walk', date: walk.date, time: walk.time, meetingPoint: walk.meetingPoint });
      continue;
    }
    const latest = activities.map((a) => a.date).filter((d): d is string => d !== null).sort().at(-1) ?? null;
    items.push({ ...base, kind: feature.layer === 'focus-place' ? 'place' : feature.layer, date: latest });
  }
  // A municipality without geodata still has a centre: the middle of its things.
  const places: GazetteerPlace[] = gazetteer.municipalities.map((m) => ({ name: m.name, kind: 'municipality', code: m.code, point: centre(m.point) }));
  for (const [code, m] of Object.entries(municipalities)) {
    if (places.some((p) => p.kind === 'municipality' && p.code === code)) continue;
    const own = items.filter((i) => i.municipality === code);
    if (own.length) places.push({ name: m.name, kind: 'municipality', code, point: centre([own.reduce((s, i) => s + i.point[0], 0) / own.length, own.reduce((s, i) => s + i.point[1], 0) / own.length]) });
  }
  for (const l of gazetteer.localities) places.push({ name: l.name, kind: 'locality', code: l.code, point: centre(l.point) });
  for (const l of gazetteer.localities) if (l.code && !municipalities[l.code]) municipalities[l.code] = { name: l.code, page: false };
  return { version: 1, built: today, municipalities, gazetteer: places, items: items.sort((a, b) => a.id.localeCompare(b.id)) };
}
