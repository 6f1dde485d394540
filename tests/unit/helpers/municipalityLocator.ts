import { readShared } from '../sharedFiles';
import { createMunicipalityLocator, type MunicipalityArea, type MunicipalityLocator } from '../../../src/domain/places/municipalityLocator';


interface SourceFeature {
  properties: { id: string; kom_namn: string };
  geometry: MunicipalityArea['geometry'];
}

let cached: MunicipalityLocator | null = null;

/** The municipality polygons from ../shared/geodata, mapped as scripts/build-geodata.mjs maps them for the app. */
export function municipalityAreas(): MunicipalityArea[] {
  const source = JSON.parse(readShared('geodata', 'swedish_municipalities.geojson')) as { features: SourceFeature[] };
  return source.features.map((f) => ({ type: 'Feature', properties: { code: f.properties.id, name: f.properties.kom_namn }, geometry: f.geometry }));
}

/** The county polygons, which cover the large lakes the municipality outlines leave out. */
export function countyAreas(): MunicipalityArea['geometry'][] {
  return (JSON.parse(readShared('geodata', 'swedish_regions.geojson')) as { features: { geometry: MunicipalityArea['geometry'] }[] }).features.map((f) => f.geometry);
}

/** One locator per test run: building it indexes all 290 municipalities. */
export function testMunicipalityLocator(): MunicipalityLocator {
  cached ??= createMunicipalityLocator(municipalityAreas(), { counties: countyAreas() });
  return cached;
}
