import type { SupportedGeometry } from '../geometry';
import type { MunicipalityLocator } from './municipalityLocator';

/**
 * A place takes the municipality its geometry lies in (drawn, reshaped or imported alike); one
 * that lies nowhere keeps what it had, and the write door's inside-Sweden rule refuses it.
 */
export function withLocatedMunicipality<F extends { geometry: SupportedGeometry; municipalityCode: string }>(feature: F, locator: MunicipalityLocator | null): F {
  const hit = locator?.locate(feature.geometry);
  return hit && hit.code !== feature.municipalityCode ? { ...feature, municipalityCode: hit.code } : feature;
}
