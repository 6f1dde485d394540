import Flatbush from 'flatbush';

/** A polygon or multipolygon as GeoJSON coordinates. */
export type AreaGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

const METRES_PER_DEGREE_LAT = 111_320;

interface Part {
  owner: number;
  /** Outer ring first, then holes; flat lon,lat pairs. */
  rings: Float64Array[];
}

/**
 * Polygons in a spatial index, answering "which of them contain this position, or lie within
 * d metres of it, and how far". Distances are measured in a local equirectangular plane around
 * the position: exact enough at the kilometre scale of the questions asked.
 */
export class PolygonIndex {
  private readonly parts: Part[] = [];
  private readonly index: Flatbush;

  constructor(geometries: readonly AreaGeometry[]) {
    geometries.forEach((geometry, owner) => {
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      for (const polygon of polygons) this.parts.push({ owner, rings: polygon.map((ring) => Float64Array.from(ring.flat())) });
    });
    this.index = new Flatbush(Math.max(this.parts.length, 1));
    for (const part of this.parts) {
      const outer = part.rings[0]!;
      let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
      for (let i = 0; i < outer.length; i += 2) {
        west = Math.min(west, outer[i]!);
        east = Math.max(east, outer[i]!);
        south = Math.min(south, outer[i + 1]!);
        north = Math.max(north, outer[i + 1]!);
      }
      this.index.add(west, south, east, north);
    }
    if (!this.parts.length) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }

  /** Each owner within `metres` of the position (0 = inside), nearest first. */
  near(lon: number, lat: number, metres: number): { owner: number; distanceMetres: number }[] {
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) >= 89) return [];
    const dLat = metres / METRES_PER_DEGREE_LAT;
    const dLon = dLat / Math.cos((lat * Math.PI) / 180);
    const best = new Map<number, number>();
    for (const i of this.index.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
      const part = this.parts[i];
      if (!part) continue;
      const distance = distanceToPart(part.rings, lon, lat);
      if (distance > metres) continue;
      const previous = best.get(part.owner);
      if (previous === undefined || distance < previous) best.set(part.owner, distance);
    }
    return [...best].map(([owner, distanceMetres]) => ({ owner, distanceMetres })).sort((a, b) => a.distanceMetres - b.distanceMetres || a.owner - b.owner);
  }

  contains(lon: number, lat: number): boolean {
    return this.near(lon, lat, 0).length > 0;
  }
}

/** 0 inside the polygon (outer ring minus holes), else metres to the nearest edge of any ring. */
function distanceToPart(rings: Float64Array[], lon: number, lat: number): number {
  let inside = ringContains(rings[0]!, lon, lat);
  for (let r = 1; inside && r < rings.length; r++) if (ringContains(rings[r]!, lon, lat)) inside = false;
  if (inside) return 0;
  let nearest = Infinity;
  for (const ring of rings) nearest = Math.min(nearest, distanceToRing(ring, lon, lat));
  return nearest;
}

/** Ray casting; a position on an edge may fall either way, which every caller's tolerance makes harmless. */
function ringContains(coords: Float64Array, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = coords.length - 2; i < coords.length; j = i, i += 2) {
    const xi = coords[i]!, yi = coords[i + 1]!, xj = coords[j]!, yj = coords[j + 1]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

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
