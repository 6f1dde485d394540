import type { MunicipalityLocator } from '../domain/places/municipalityLocator';
import { outsideSwedenIssue } from '../domain/rules/insideSweden';
import type { ImportCandidate, RejectedItem, RejectReason } from './importTypes';

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
    const issue = outsideSwedenIssue({ id: candidate.label, geometry: candidate.geometry }, locator);
    if (!issue) candidates.push(candidate);
    else rejected.push({ index: candidate.index, label: candidate.label, reason: issue.code as RejectReason, detail: issue.message });
  }
  if (rejected.length === parsed.rejected.length) return parsed;
  rejected.sort((a, b) => a.index - b.index);
  return { ...parsed, candidates, rejected };
}
