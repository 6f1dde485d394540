import Flatbush from 'flatbush';
import type { SupportedGeometry } from '../geometry';
import { positionsOf } from '../geometry';

/**
 * "Inside Sweden" and "which municipality" from the municipality polygons the build ships (the
 * same ones the basemap draws). One notion for the whole app and, later, the server: a bounding
 * box lets Copenhagen pass as Swedish, the polygons do not.
 */

/** A municipality polygon as the build writes it: `properties.code` is the kommunkod. */
export interface MunicipalityArea {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
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
  /** The first vertex that lies farther than the tolerance from every municipality; null = all in Sweden. */
  firstOutside(geometry: SupportedGeometry): number[] | null;
  name(code: string): string | null;
}

/**
 * The shipped polygons are strongly simplified (a vertex every few hundred metres): a tolerance
 * of this size keeps harbour, shore and island places that the outline cuts off, while
 * Copenhagen (over 15 km from Skåne's coast) and Norway stay outside.
 */
export const DEFAULT_TOLERANCE_METRES = 500;

/** Long vertex lists (a 100 000-vertex route) are judged by an even sample of them. */
const MAX_SAMPLED_VERTICES = 500;

const METRES_PER_DEGREE_LAT = 111_320;

interface Ring {
  municipality: number;
  /** Flat lon,lat pairs. */
  coords: Float64Array;
}

export function createMunicipalityLocator(areas: readonly MunicipalityArea[], toleranceMetres = DEFAULT_TOLERANCE_METRES): MunicipalityLocator {
  const municipalities = areas.map((a) => ({ code: a.properties.code, name: a.properties.name }));
  const names = new Map(municipalities.map((m) => [m.code, m.name]));
  // Each polygon part is one entry: its outer ring and holes.
  const parts: { municipality: number; rings: Ring[] }[] = [];
  areas.forEach((area, municipality) => {
    const polygons = area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates;
    for (const polygon of polygons) {
      parts.push({ municipality, rings: polygon.map((ring) => ({ municipality, coords: Float64Array.from(ring.flat()) })) });
    }
  });
  const index = new Flatbush(Math.max(parts.length, 1));
  for (const part of parts) {
    const outer = part.rings[0]!.coords;
    let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
    for (let i = 0; i < outer.length; i += 2) {
      west = Math.min(west, outer[i]!);
      east = Math.max(east, outer[i]!);
      south = Math.min(south, outer[i + 1]!);
      north = Math.max(north, outer[i + 1]!);
    }
    index.add(west, south, east, north);
  }
  if (!parts.length) index.add(0, 0, 0, 0);
  index.finish();

  const toleranceLat = toleranceMetres / METRES_PER_DEGREE_LAT;

  function municipalitiesNear(lon: number, lat: number): MunicipalityHit[] {
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) >= 89) return [];
    const toleranceLon = toleranceLat / Math.cos((lat * Math.PI) / 180);
    const best = new Map<number, number>();
    for (const i of index.search(lon - toleranceLon, lat - toleranceLat, lon + toleranceLon, lat + toleranceLat)) {
      const part = parts[i];
      if (!part) continue;
      const distance = distanceToPart(part.rings, lon, lat);
      if (distance > toleranceMetres) continue;
      const previous = best.get(part.municipality);
      if (previous === undefined || distance < previous) best.set(part.municipality, distance);
    }
    return [...best]
      .map(([m, distanceMetres]) => ({ ...municipalities[m]!, distanceMetres }))
      .sort((a, b) => a.distanceMetres - b.distanceMetres || a.code.localeCompare(b.code));
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
        const hit = locatePosition(lon!, lat!);
        if (!hit) continue;
        const vote = votes.get(hit.code);
        if (vote) vote.count++;
        else votes.set(hit.code, { hit, count: 1 });
      }
      let winner: { hit: MunicipalityHit; count: number } | null = null;
      for (const vote of votes.values()) if (!winner || vote.count > winner.count) winner = vote;
      return winner?.hit ?? null;
    },
    firstOutside(geometry) {
      for (const position of sampled(positionsOf(geometry))) if (!locatePosition(position[0]!, position[1]!)) return position;
      return null;
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

/** 0 inside the polygon (outer ring minus holes), else metres to the nearest edge of any ring. */
function distanceToPart(rings: Ring[], lon: number, lat: number): number {
  let inside = ringContains(rings[0]!.coords, lon, lat);
  for (let r = 1; inside && r < rings.length; r++) if (ringContains(rings[r]!.coords, lon, lat)) inside = false;
  if (inside) return 0;
  let nearest = Infinity;
  for (const ring of rings) nearest = Math.min(nearest, distanceToRing(ring.coords, lon, lat));
  return nearest;
}

/** Ray casting; a point on an edge may fall either way, which the tolerance makes harmless. */
function ringContains(coords: Float64Array, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = coords.length - 2; i < coords.length; j = i, i += 2) {
    const xi = coords[i]!, yi = coords[i + 1]!, xj = coords[j]!, yj = coords[j + 1]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Distance in metres to the nearest segment, in a local equirectangular plane around the point:
 * exact enough at the few-hundred-metre scale of the tolerance.
 */
function distanceToRing(coords: Float64Array, lon: number, lat: number): number {
  const kx = METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);
  const ky = METRES_PER_DEGREE_LAT;
  let best = Infinity;
  for (let i = 0; i + 3 < coords.length; i += 2) {
    const ax = (coords[i]! - lon) * kx, ay = (coords[i + 1]! - lat) * ky;
    const bx = (coords[i + 2]! - lon) * kx, by = (coords[i + 3]! - lat) * ky;
    const dx = bx - ax, dy = by - ay;
    const lengthSquared = dx * dx + dy * dy;
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
    const px = ax + t * dx, py = ay + t * dy;
    best = Math.min(best, px * px + py * py);
  }
  return Math.sqrt(best);
}

/**
 * A place takes the municipality its geometry lies in (drawn, reshaped or imported alike); one
 * that lies nowhere keeps what it had, and the write door's inside-Sweden rule refuses it.
 */
export function withLocatedMunicipality<F extends { geometry: SupportedGeometry; municipalityCode: string }>(feature: F, locator: MunicipalityLocator | null): F {
  const hit = locator?.locate(feature.geometry);
  return hit && hit.code !== feature.municipalityCode ? { ...feature, municipalityCode: hit.code } : feature;
}
