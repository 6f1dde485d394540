/**
 * The citizens' near-me gazetteer (issue 13) from the geodata the build ships beside the basemap
 * (scripts/build-geodata.mjs → public/basemap): every municipality at a point on its area, and the
 * localities (GeoNames) each in the municipality it lies in. Empty when the build has no geodata:
 * the site then searches only the municipalities it has things in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { representativePointOf } from '../../src/analysis/representativePoint';
import type { SupportedGeometry } from '../../src/domain/geometry';
import type { GazetteerSource } from '../../src/io/publicSite/nearData';
import { BASEMAP_DIR, loadMunicipalityLocator } from '../locator';

interface PointCollection {
  features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[] } }[];
}

export function loadGazetteer(dir: string = BASEMAP_DIR): GazetteerSource {
  const municipalitiesFile = join(dir, 'municipalities.geojson');
  const placesFile = join(dir, 'places.geojson');
  if (!existsSync(municipalitiesFile)) return { municipalities: [], localities: [] };
  const areas = JSON.parse(readFileSync(municipalitiesFile, 'utf8')) as { features: { properties: { code: string; name: string }; geometry: SupportedGeometry }[] };
  const municipalities = areas.features.map((f) => ({ code: f.properties.code, name: f.properties.name, point: representativePointOf(f.geometry) }));
  const locator = loadMunicipalityLocator(dir, () => {});
  const places = existsSync(placesFile) ? (JSON.parse(readFileSync(placesFile, 'utf8')) as PointCollection) : { features: [] };
  const localities = places.features
    .filter((f) => f.geometry.type === 'Point' && typeof f.properties.name === 'string')
    .map((f) => {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      return { name: String(f.properties.name), code: locator?.locatePosition(lon, lat)?.code ?? null, point: [lon, lat] as [number, number] };
    });
  return { municipalities, localities };
}
