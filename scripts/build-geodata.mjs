#!/usr/bin/env node
// Builds the offline basemap into public/basemap/ from ../shared/geodata (read in place, never
// committed). When ../shared is missing the app still builds and says plainly that the basemap is
// absent (manifest.available = false).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLakes, buildLand, buildLocalLakes } from './basemap-land.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const geodata = resolve(process.env.TRYGGHETSKARTAN_GEODATA ?? join(root, '..', 'shared', 'geodata'));
const out = join(root, 'public', 'basemap');
mkdirSync(out, { recursive: true });

// Natural Earth is public domain and asks for no credit; it is named all the same ("Made with
// Natural Earth", as it suggests), so a reader knows where the land and lakes at country scale come from.
// In both UI languages: the map credit switches with the page's language (issue 14, point 6).
const ATTRIBUTIONS = {
  sv: 'Land och sjöar: Made with Natural Earth (public domain) · Sjöar i närbild, hav/kust i Stockholms län och Nordmaling © OpenStreetMap-bidragsgivare (ODbL), via geo-maps · Ortnamn: GeoNames (CC BY) · Kommungränser: okfse/sweden-geojson (CC0)',
  en: 'Land and lakes: Made with Natural Earth (public domain) · Lakes close up, sea and coast in Stockholm County and Nordmaling © OpenStreetMap contributors (ODbL), via geo-maps · Place names: GeoNames (CC BY) · Municipal boundaries: okfse/sweden-geojson (CC0)',
};

const read = (path) => JSON.parse(readFileSync(join(geodata, path), 'utf8'));
const round = (value) => (Array.isArray(value) ? value.map(round) : Math.round(value * 1e5) / 1e5);
const collection = (features) => ({ type: 'FeatureCollection', features });

function bboxOf(coordinates) {
  const flat = coordinates.flat(Infinity);
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < flat.length; i += 2) {
    box[0] = Math.min(box[0], flat[i]);
    box[1] = Math.min(box[1], flat[i + 1]);
    box[2] = Math.max(box[2], flat[i]);
    box[3] = Math.max(box[3], flat[i + 1]);
  }
  return box;
}

function writeJson(name, value) {
  writeFileSync(join(out, name), JSON.stringify(value));
}

if (!existsSync(join(geodata, 'swedish_municipalities.geojson'))) {
  writeJson('manifest.json', { available: false, reason: `geodata saknas: ${geodata}` });
  console.warn(`build-geodata: ${geodata} not found; the app will run without its offline basemap.`);
  process.exit(0);
}

const municipalities = read('swedish_municipalities.geojson').features.map((f) => ({
  type: 'Feature',
  id: f.properties.id,
  properties: { code: f.properties.id, name: f.properties.kom_namn, county: f.properties.lan_code },
  geometry: { ...f.geometry, coordinates: round(f.geometry.coordinates) },
}));
const regions = read('swedish_regions.geojson').features.map((f) => ({
  type: 'Feature',
  properties: { name: f.properties.name ?? f.properties.l_namn ?? null },
  geometry: { ...f.geometry, coordinates: round(f.geometry.coordinates) },
}));
// The county file already covers Nacka, Värmdö and Ekerö; Nordmaling has its own.
const water = ['basemap/01_stockholms_lan_water.geojson', 'basemap/2401_nordmaling_water.geojson'].flatMap(
  (path) => read(path).features,
);
const seenPlaces = new Set();
const places = [
  'basemap/01_stockholms_lan_places.geojson',
  'basemap/2401_nordmaling_places.geojson',
].flatMap((path) =>
  read(path).features.filter((f) => {
    if (seenPlaces.has(f.properties.geonameid)) return false;
    seenPlaces.add(f.properties.geonameid);
    return true;
  }).map((f) => ({
    type: 'Feature',
    properties: { name: f.properties.name, kind: f.properties.kind, population: f.properties.population },
    geometry: f.geometry,
  })),
);

const land = buildLand();
const { lakes, islandMunicipalities } = buildLakes(land.find((f) => f.properties.country === '752'), municipalities);
const localLakes = buildLocalLakes(islandMunicipalities);

writeJson('land.geojson', collection(land));
writeJson('lakes.geojson', collection(lakes));
writeJson('lakes-local.geojson', collection(localLakes));
writeJson('municipalities.geojson', collection(municipalities));
writeJson('regions.geojson', collection(regions));
writeJson('water.geojson', collection(water));
writeJson('places.geojson', collection(places));
writeJson('municipality-bounds.json', Object.fromEntries(municipalities.map((f) => [f.id, { name: f.properties.name, bounds: bboxOf(f.geometry.coordinates) }])));
// `attribution` (Swedish) stays for readers of the older manifest.
writeJson('manifest.json', { available: true, attribution: ATTRIBUTIONS.sv, attributions: ATTRIBUTIONS });
console.log(
  `build-geodata: ${land.length} land, ${lakes.length} lakes, ${localLakes.length} local lakes, ${municipalities.length} municipalities, ${regions.length} regions, ${water.length} water, ${places.length} places → public/basemap/`,
);
