import type { MunicipalityLocator } from '../domain/places/municipalityLocator';
import { whereOutsideSweden } from '../domain/rules/insideSweden';
import { text } from '../domain/text';
import type { ImportCandidate, RejectedItem } from './importTypes';
import { positionText } from './validateCandidate';

/**
 * The file boundary's "inside Sweden": the write door's own rule on the municipality polygons,
 * never a bounding box (Copenhagen is inside one). Candidates outside become rejected rows with
 * the position, in file order. Without the polygons nothing is decided here; the plan and the
 * write door still refuse such places.
 */
export function rejectOutsideSweden<P extends { candidates: ImportCandidate[]; rejected: RejectedItem[] }>(parsed: P, locator: MunicipalityLocator | null | undefined): P {
  if (!locator) return parsed;
  const candidates: ImportCandidate[] = [];
  const rejected = [...parsed.rejected];
  for (const candidate of parsed.candidates) {
    const outside = whereOutsideSweden(candidate.geometry, locator);
    if (!outside) {
      candidates.push(candidate);
      continue;
    }
    // The reason already says "outside Sweden": the detail is where, as the plan words it.
    const at = positionText(outside.position);
    const detail = outside.swapped ? text(`${at.sv}: latitud och longitud verkar omkastade`, `${at.en}: latitude and longitude seem swapped`) : at;
    rejected.push({ index: candidate.index, label: candidate.label, reason: outside.swapped ? 'lat-lon-swapped' : 'outside-sweden', detail });
  }
  if (rejected.length === parsed.rejected.length) return parsed;
  rejected.sort((a, b) => a.index - b.index);
  return { ...parsed, candidates, rejected };
}
