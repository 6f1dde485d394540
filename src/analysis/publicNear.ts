/**
 * "Near me" on the citizens' site (issue 13): the published list of public things with a place
 * (data/near.json, built by src/io/publicSite/nearData.ts) searched by place name, position and
 * radius. Pure and free of map libraries, so the page's script stays a few kB.
 */

export type LonLat = [lon: number, lat: number];

/** How an activity's status reads on the site (an expired or replaced promise never shows unfinished work as planned). */
export type PublicStatus = 'planned' | 'ongoing' | 'done' | 'unknown' | 'notDoneExpired' | 'notDoneSuperseded';

export interface NearActivity {
  title: string;
  status: PublicStatus;
  /** The latest dated status entry (YYYY-MM-DD), null when none is reported. */
  date: string | null;
}

export interface NearItem {
  id: string;
  name: string;
  kind: 'walk' | 'watch-area' | 'speed-control' | 'place';
  /** Kommunkod. */
  municipality: string;
  /** A point on the place, rounded to 4 decimals (about 10 m). */
  point: LonLat;
  /** A walk's planned date; for other places their activities' latest entry. */
  date: string | null;
  /** A walk: start time and meeting point (by name). */
  time?: string | null;
  meetingPoint?: string | null;
  activities: NearActivity[];
}

export interface GazetteerPlace {
  name: string;
  kind: 'municipality' | 'locality';
  /** The municipality it lies in (its own code for a municipality), null when unknown. */
  code: string | null;
  point: LonLat;
}

export interface NearFile {
  version: 1;
  built: string;
  /** Every municipality named by an item or the gazetteer: name, and whether the site has its page. */
  municipalities: Record<string, { name: string; page: boolean }>;
  gazetteer: GazetteerPlace[];
  items: NearItem[];
}

export interface RankedItem {
  item: NearItem;
  distanceMetres: number;
}

const EARTH_RADIUS_METRES = 6_371_008.8;
const RAD = Math.PI / 180;

export function distanceMetres([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
  const h = Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Case, diacritics, punctuation and "kommun" aside: "Värmdö kommun" finds Värmdö, "varmdo" too. */
export function normalisePlaceName(text: string): string {
  return text
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(s )?kommun\b/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Gazetteer places matching a search: exact names first, then names starting with it, then containing it; municipalities before localities. */
export function findPlaces(gazetteer: readonly GazetteerPlace[], query: string, limit = 8): GazetteerPlace[] {
  const q = normalisePlaceName(query);
  if (!q) return [];
  const scored: [number, GazetteerPlace][] = [];
  for (const place of gazetteer) {
    const name = normalisePlaceName(place.name);
    const rank = name === q ? 0 : name.startsWith(q) ? 1 : name.includes(q) ? 2 : -1;
    if (rank >= 0) scored.push([rank * 2 + (place.kind === 'municipality' ? 0 : 1), place]);
  }
  return scored.sort((a, b) => a[0] - b[0] || a[1].name.localeCompare(b[1].name, 'sv')).slice(0, limit).map(([, p]) => p);
}

/** Whether a search names this place exactly (then it is taken at once, not offered as a choice). */
export function isExactMatch(place: GazetteerPlace, query: string): boolean {
  return normalisePlaceName(place.name) === normalisePlaceName(query);
}

function rank(items: readonly NearItem[], from: LonLat): RankedItem[] {
  return items
    .map((item) => ({ item, distanceMetres: distanceMetres(from, item.point) }))
    .sort((a, b) => a.distanceMetres - b.distanceMetres || a.item.name.localeCompare(b.item.name, 'sv') || (a.item.id < b.item.id ? -1 : 1));
}

/** Things within the radius, nearest first. */
export function withinRadius(items: readonly NearItem[], from: LonLat, radiusMetres: number): RankedItem[] {
  return rank(items, from).filter((r) => r.distanceMetres <= radiusMetres);
}

/** The nearest things beyond the radius: what to show instead of an empty list. */
export function nearestBeyond(items: readonly NearItem[], from: LonLat, radiusMetres: number, count = 3): RankedItem[] {
  return rank(items, from).filter((r) => r.distanceMetres > radiusMetres).slice(0, count);
}

/** A municipality searched by name: all its things, whatever the radius, nearest its centre first. */
export function inMunicipality(items: readonly NearItem[], place: GazetteerPlace): RankedItem[] {
  return rank(items.filter((i) => i.municipality === place.code), place.point);
}

/** A distance as people say it: "350 m", "1,2 km", "14 km". */
export function formatDistance(metres: number, lang: 'sv' | 'en'): string {
  if (metres < 1000) return `${Math.max(10, Math.round(metres / 10) * 10)} m`;
  const km = metres < 10_000 ? Math.round(metres / 100) / 10 : Math.round(metres / 1000);
  return `${km.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB')} km`;
}

/** The radii offered, in metres; the last is the largest (then no "try a larger radius"). */
export const NEAR_RADII = [500, 1000, 2000, 5000, 10_000, 25_000] as const;
