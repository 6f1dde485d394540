import type { Finding } from '../domain/findings';
import type { SupportedGeometry } from '../domain/geometry';
import type { ImportCandidate } from './importTypes';

/** A walk with thousands of findings is a file of survey points, not notes along a route. */
export const MAX_FINDINGS_PER_WALK = 500;

/**
 * What a waypoint says: its name, else its description, else its label ("vägpunkt 2"). A finding
 * is stored data, so the label is the Swedish one whatever the importer's UI language.
 */
function findingText(waypoint: ImportCandidate): string {
  const desc = waypoint.properties.desc;
  return waypoint.name?.trim() || (typeof desc === 'string' && desc.trim()) || waypoint.label.sv;
}

function findingOf(waypoint: ImportCandidate): Finding {
  const [lon, lat] = waypoint.geometry.type === 'Point' ? waypoint.geometry.coordinates : [NaN, NaN];
  return { text: findingText(waypoint), point: Number.isFinite(lon) && Number.isFinite(lat) ? [lon!, lat!] : null };
}

function linesOf(geometry: SupportedGeometry): number[][][] {
  if (geometry.type === 'LineString') return [geometry.coordinates];
  if (geometry.type === 'MultiLineString') return geometry.coordinates;
  return [];
}

/** Squared distance in a local plane (metres up to a constant): only compared, never shown. */
function distanceToLines(point: readonly number[], lines: number[][][]): number {
  const kx = Math.cos(((point[1] ?? 0) * Math.PI) / 180);
  let best = Infinity;
  for (const line of lines) {
    for (let i = 0; i + 1 < line.length; i++) {
      const ax = (line[i]![0]! - point[0]!) * kx, ay = line[i]![1]! - point[1]!;
      const bx = (line[i + 1]![0]! - point[0]!) * kx, by = line[i + 1]![1]! - point[1]!;
      const dx = bx - ax, dy = by - ay;
      const length = dx * dx + dy * dy;
      const t = length === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length));
      const px = ax + t * dx, py = ay + t * dy;
      best = Math.min(best, px * px + py * py);
    }
  }
  return best;
}

/**
 * GPX waypoints become findings of the walk they were noted on: with one walk in the file, all of
 * them; with several, each goes to the nearest walk, so two evenings' notes do not mix.
 */
export function findingsByWalk(walks: readonly ImportCandidate[], waypoints: readonly ImportCandidate[]): Map<ImportCandidate, Finding[]> {
  const out = new Map<ImportCandidate, Finding[]>(walks.map((w) => [w, []]));
  if (!walks.length) return out;
  const lines = walks.map((w) => linesOf(w.geometry));
  for (const waypoint of waypoints) {
    const finding = findingOf(waypoint);
    let target = 0;
    if (walks.length > 1 && finding.point) {
      let best = Infinity;
      lines.forEach((l, i) => {
        const d = distanceToLines(finding.point!, l);
        if (d < best) [best, target] = [d, i];
      });
    }
    const list = out.get(walks[target]!)!;
    if (list.length < MAX_FINDINGS_PER_WALK) list.push(finding);
  }
  return out;
}
