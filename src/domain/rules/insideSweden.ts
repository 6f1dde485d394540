import { positionsOf } from '../geometry';
import type { MunicipalityLocator } from '../places/municipalityLocator';
import type { Issue } from '../result';
import type { SafetyFeature } from '../safetyFeature';
import { ruleError } from './lookup';

const format = (p: number[]) => `lon ${p[0]!.toFixed(5)}, lat ${p[1]!.toFixed(5)}`;

/**
 * A place lies in Sweden: every vertex within the tolerance of a municipality polygon. Without
 * the polygons (a build without geodata) nothing can be checked, and a place is refused rather
 * than let through on a bounding box.
 */
export function outsideSwedenIssue(feature: Pick<SafetyFeature, 'id' | 'geometry'>, locator: MunicipalityLocator | null): Issue | null {
  if (!locator) return ruleError('no-municipality-areas', feature.id, 'kommungränserna saknas i den här installationen, så platsens läge kan inte kontrolleras');
  const outside = locator.firstOutside(feature.geometry);
  if (!outside) return null;
  const swapped = positionsOf(feature.geometry).every((p) => locator.locatePosition(p[1]!, p[0]!) !== null);
  return swapped
    ? ruleError('lat-lon-swapped', feature.id, `${format(outside)}: latitud och longitud verkar omkastade`)
    : ruleError('outside-sweden', feature.id, `${format(outside)} ligger utanför Sverige`);
}
