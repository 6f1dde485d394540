import { positionsOf, positionText, type SupportedGeometry } from '../geometry';
import type { MunicipalityLocator } from '../places/municipalityLocator';
import type { Issue } from '../result';
import type { SafetyFeature } from '../safetyFeature';
import { ruleError } from './lookup';
import { text } from '../text';

export interface OutsideSweden {
  /** The first vertex farther than the tolerance from every municipality. */
  position: number[];
  /** Every vertex would lie in Sweden with longitude and latitude exchanged. */
  swapped: boolean;
}

/** Where a geometry leaves Sweden, judged on the municipality polygons; null when it lies in Sweden. */
export function whereOutsideSweden(geometry: SupportedGeometry, locator: Pick<MunicipalityLocator, 'firstOutside' | 'locatePosition'>): OutsideSweden | null {
  const position = locator.firstOutside(geometry);
  if (!position) return null;
  const swapped = positionsOf(geometry).every((p) => locator.locatePosition(p[1]!, p[0]!) !== null);
  return { position, swapped };
}

/**
 * A place lies in Sweden: every vertex within the tolerance of a municipality polygon. Without
 * the polygons (a build without geodata) nothing can be checked, and a place is refused rather
 * than let through on a bounding box.
 */
export function outsideSwedenIssue(feature: Pick<SafetyFeature, 'id' | 'geometry'>, locator: MunicipalityLocator | null): Issue | null {
  if (!locator) return ruleError(
      'no-municipality-areas',
      feature.id,
      text('kommungränserna saknas i den här installationen, så platsens läge kan inte kontrolleras', 'the municipality boundaries are missing from this installation, so where the place lies cannot be checked'),
    );
  const outside = whereOutsideSweden(feature.geometry, locator);
  if (!outside) return null;
  const at = positionText(outside.position);
  return outside.swapped
    ? ruleError('lat-lon-swapped', feature.id, text(`${at.sv}: latitud och longitud verkar omkastade`, `${at.en}: latitude and longitude seem swapped`))
    : ruleError('outside-sweden', feature.id, text(`${at.sv} ligger utanför Sverige`, `${at.en} lies outside Sweden`));
}
