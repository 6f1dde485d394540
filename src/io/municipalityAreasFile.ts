import { municipalityLocatorFromJson } from '../domain/places/municipalityAreas';
import type { MunicipalityLocator } from '../domain/places/municipalityLocator';

/** The folder where the build puts the municipality and county polygons, beside the basemap. */
export const municipalityAreasUrl = (baseUrl: string) => new URL('basemap/', baseUrl).href;

/** Fetches and indexes the polygons; null when the build had no geodata or the files cannot be read. */
export async function fetchMunicipalityLocator(folderUrl: string): Promise<MunicipalityLocator | null> {
  const get = async (name: string) => {
    const response = await fetch(new URL(name, folderUrl));
    return response.ok ? ((await response.json()) as unknown) : null;
  };
  try {
    const [municipalities, counties] = await Promise.all([get('municipalities.geojson'), get('regions.geojson').catch(() => null)]);
    return municipalityLocatorFromJson(municipalities, counties);
  } catch {
    return null;
  }
}
