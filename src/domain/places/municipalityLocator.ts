import type { SupportedGeometry } from '../geometry';
import { positionsOf } from '../geometry';
import { PolygonIndex, type AreaGeometry } from './polygonIndex';

/**
 * "Inside Sweden" and "which municipality" from the municipality polygons the build ships (the
 * same ones the basemap draws). One notion for the whole app and, later, the server: a bounding
 * box lets Copenhagen pass as Swedish, the polygons do not.
 */

/** A municipality polygon as the build writes it: `properties.code` is the kommunkod. */
export interface MunicipalityArea {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry: AreaGeometry;
}

export interface MunicipalityHit {
  code: string;
  name: string;
  /** 0 when the position lies inside the polygon, else metres to its nearest edge (≤ tolerance). */
  distanceMetres: number;
}

export interface MunicipalityLocator {
  readonly toleranceMetres: number;
  /** The municipality a position lies in, or the nearest within the tolerance; null = outside Sweden. */
  locatePosition(lon: number, lat: number): MunicipalityHit | null;
  /** Every municipality a position lies in or within the tolerance of (border places can have two). */
  municipalitiesNear(lon: number, lat: number): MunicipalityHit[];
  /** The municipality most of the geometry's vertices lie in; null when none lies in Sweden. */
  locate(geometry: SupportedGeometry): MunicipalityHit | null;
  /**
   * Where the geometry leaves Sweden, or null when it lies in Sweden: a point in Sweden, a line
   * or area with nearly all its vertices in Sweden and none far out (see EDGE_METRES).
   */
  firstOutside(geometry: SupportedGeometry): number[] | null;
  name(code: string): string | null;
}

/**
 * The shipped polygons are strongly simplified (a vertex every few hundred metres): a tolerance
 * of this size keeps harbour, shore and island places that the outline cuts off, while
 * Copenhagen (over 15 km from Skåne's coast) and Norway stay outside.
 */
export const DEFAULT_TOLERANCE_METRES = 500;

/**
 * The municipality outlines leave out the large lakes (the middle of Vättern lies 4 km from the
 * nearest one); the county outlines cover them. Inside a county, a place this close to a
 * municipality is on its lake and belongs to the nearest municipality.
 */
export const LAKE_METRES = 10_000;

/**
 * A line or area may have stray vertices out at sea: real boundaries reach past the shipped
 * outlines (SCB's municipality polygons by 2.2 km at most, 99 % of vertices within 520 m). It is
 * in Sweden when at least MAJORITY of its vertices are and none is farther than this.
 */
export const EDGE_METRES = 3_000;
const MAJORITY = 0.5;

/** Long vertex lists (a 100 000-vertex route) are judged by an even sample of them. */
const MAX_SAMPLED_VERTICES = 500;

export interface LocatorOptions {
  toleranceMetres?: number;
  /** County (län) polygons, for the lakes; without them a lake's middle counts as outside. */
  counties?: readonly AreaGeometry[];
}

export function createMunicipalityLocator(areas: readonly MunicipalityArea[], options: LocatorOptions = {}): MunicipalityLocator {
  const toleranceMetres = options.toleranceMetres ?? DEFAULT_TOLERANCE_METRES;
  const municipalities = areas.map((a) => ({ code: a.properties.code, name: a.properties.name }));
  const names = new Map(municipalities.map((m) => [m.code, m.name]));
  const outlines = new PolygonIndex(areas.map((a) => a.geometry));
  const counties = options.counties?.length ? new PolygonIndex(options.counties) : null;
  const hit = ({ owner, distanceMetres }: { owner: number; distanceMetres: number }): MunicipalityHit => ({ ...municipalities[owner]!, distanceMetres });

  function municipalitiesNear(lon: number, lat: number): MunicipalityHit[] {
    const near = outlines.near(lon, lat, toleranceMetres);
    if (near.length || !counties?.contains(lon, lat)) return near.map(hit);
    const onLake = outlines.near(lon, lat, LAKE_METRES)[0];
    return onLake ? [hit(onLake)] : [];
  }
  const locatePosition = (lon: number, lat: number) => municipalitiesNear(lon, lat)[0] ?? null;

  return {
    toleranceMetres,
    locatePosition,
    municipalitiesNear,
    name: (code) => names.get(code) ?? null,
    locate(geometry) {
      const votes = new Map<string, { hit: MunicipalityHit; count: number }>();
      for (const [lon, lat] of sampled(positionsOf(geometry))) {
        const found = locatePosition(lon!, lat!);
        if (!found) continue;
        const vote = votes.get(found.code);
        if (vote) vote.count++;
        else votes.set(found.code, { hit: found, count: 1 });
      }
      let winner: { hit: MunicipalityHit; count: number } | null = null;
      for (const vote of votes.values()) if (!winner || vote.count > winner.count) winner = vote;
      return winner?.hit ?? null;
    },
    firstOutside(geometry) {
      const positions = sampled(positionsOf(geometry));
      const outside = positions.filter((p) => !locatePosition(p[0]!, p[1]!));
      if (!outside.length) return null;
      if (geometry.type === 'Point' || outside.length > (1 - MAJORITY) * positions.length) return outside[0]!;
      return outside.find((p) => !outlines.near(p[0]!, p[1]!, EDGE_METRES).length) ?? null;
    },
  };
}

function sampled(positions: number[][]): number[][] {
  if (positions.length <= MAX_SAMPLED_VERTICES) return positions;
  const step = positions.length / MAX_SAMPLED_VERTICES;
  const out: number[][] = [];
  for (let i = 0; i < MAX_SAMPLED_VERTICES; i++) out.push(positions[Math.floor(i * step)]!);
  out.push(positions[positions.length - 1]!);
  return out;
}

export { withLocatedMunicipality } from './locatedMunicipality';
