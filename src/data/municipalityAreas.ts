import type { MunicipalityLocator } from '../domain/places/municipalityLocator';
import { fetchMunicipalityLocator, municipalityAreasUrl } from '../io/municipalityAreasFile';

/**
 * The page's municipality polygons. Null when the build had no geodata: then places cannot be
 * checked, and the write door says so.
 */
export function loadMunicipalityLocator(baseUrl: string = document.baseURI): Promise<MunicipalityLocator | null> {
  return fetchMunicipalityLocator(municipalityAreasUrl(baseUrl));
}
