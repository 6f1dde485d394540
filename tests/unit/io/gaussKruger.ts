/**
 * Geodetic → grid with Krüger's series, the formulas Lantmäteriet publishes for Gauss' conformal
 * projection ("Gauss-Krügers formler", the ones its own transformation service uses). Written out
 * here, independent of proj4, so the tests can make grid coordinates for places that have only a
 * published latitude/longitude (Örebro slott) without asking proj4 — the code under test — for them.
 * The tests first check this function against Lantmäteriet's published control points.
 */
export interface GridParameters {
  /** Semi-major axis and flattening of the ellipsoid (GRS 80 for SWEREF 99). */
  a: number;
  f: number;
  centralMeridian: number;
  scale: number;
  falseNorthing: number;
  falseEasting: number;
}

const GRS80 = { a: 6378137, f: 1 / 298.257222101 };

export const swerefZone = (centralMeridian: number): GridParameters => ({ ...GRS80, centralMeridian, scale: 1, falseNorthing: 0, falseEasting: 150_000 });
export const SWEREF99_TM: GridParameters = { ...GRS80, centralMeridian: 15, scale: 0.9996, falseNorthing: 0, falseEasting: 500_000 };

/** Returns [northing, easting] in metres for a latitude and longitude in degrees. */
export function geodeticToGrid(lat: number, lon: number, p: GridParameters): [number, number] {
  const e2 = p.f * (2 - p.f);
  const n = p.f / (2 - p.f);
  const aRoof = (p.a / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64);
  // Conformal latitude, as a series in sin²φ.
  const A = e2;
  const B = (5 * e2 ** 2 - e2 ** 3) / 6;
  const C = (104 * e2 ** 3 - 45 * e2 ** 4) / 120;
  const D = (1237 * e2 ** 4) / 1260;
  const beta = [
    n / 2 - (2 * n ** 2) / 3 + (5 * n ** 3) / 16 + (41 * n ** 4) / 180,
    (13 * n ** 2) / 48 - (3 * n ** 3) / 5 + (557 * n ** 4) / 1440,
    (61 * n ** 3) / 240 - (103 * n ** 4) / 140,
    (49561 * n ** 4) / 161280,
  ];
  const rad = Math.PI / 180;
  const phi = lat * rad;
  const s2 = Math.sin(phi) ** 2;
  const phiStar = phi - Math.sin(phi) * Math.cos(phi) * (A + B * s2 + C * s2 ** 2 + D * s2 ** 3);
  const dLambda = (lon - p.centralMeridian) * rad;
  const xiPrim = Math.atan(Math.tan(phiStar) / Math.cos(dLambda));
  const etaPrim = Math.atanh(Math.cos(phiStar) * Math.sin(dLambda));
  let xi = xiPrim;
  let eta = etaPrim;
  beta.forEach((b, i) => {
    const k = 2 * (i + 1);
    xi += b * Math.sin(k * xiPrim) * Math.cosh(k * etaPrim);
    eta += b * Math.cos(k * xiPrim) * Math.sinh(k * etaPrim);
  });
  return [p.scale * aRoof * xi + p.falseNorthing, p.scale * aRoof * eta + p.falseEasting];
}

/** Degrees, minutes, seconds → decimal degrees. */
export const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;

/** Ground distance in metres between two [lon, lat] positions a few metres to kilometres apart. */
export function metresBetween(a: readonly number[], b: readonly number[]): number {
  const rad = Math.PI / 180;
  const meanLat = ((a[1]! + b[1]!) / 2) * rad;
  const dx = (a[0]! - b[0]!) * rad * Math.cos(meanLat) * 6_371_000;
  const dy = (a[1]! - b[1]!) * rad * 6_371_000;
  return Math.hypot(dx, dy);
}
