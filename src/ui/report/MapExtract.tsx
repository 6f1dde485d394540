import type { SafetyFeature } from '../../domain/safetyFeature';
import { LAYER_COLOURS } from '../../map/palette';

interface Props {
  features: readonly SafetyFeature[];
  /** Unsafe places numbered as in the report's list. */
  numbers: ReadonlyMap<string, number>;
  title: string;
}

const WIDTH = 640;
const HEIGHT = 380;
const PAD = 24;

/**
 * The report's map extract as plain SVG: it prints sharply on any printer and needs no map
 * tiles, WebGL or network. Positions are projected equirectangularly with the latitude's
 * cosine, which keeps shapes true at a municipality's scale.
 */
export function MapExtract({ features, numbers, title }: Props) {
  const positions = features.flatMap((f) => flatten(f.geometry.coordinates));
  if (!positions.length) return null;
  // A loop, not Math.min(...lons): a report of 100 000 survey places would overflow the stack.
  let [west, east, south, north] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [lon, lat] of positions) {
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * k, 0.005);
  const spanY = Math.max(north - south, 0.005);
  const scale = Math.min((WIDTH - 2 * PAD) / spanX, (HEIGHT - 2 * PAD) / spanY);
  const x = (lon: number) => PAD + ((lon - west) * k * scale) + (WIDTH - 2 * PAD - spanX * scale) / 2;
  const y = (lat: number) => PAD + ((north - lat) * scale) + (HEIGHT - 2 * PAD - spanY * scale) / 2;
  const path = (ring: number[][]) => ring.map((p, i) => `${i ? 'L' : 'M'}${x(p[0]!).toFixed(1)},${y(p[1]!).toFixed(1)}`).join(' ');

  return (
    <svg className="map-extract" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
      <rect width={WIDTH} height={HEIGHT} fill="#f4f1ea" />
      {features.map((f) => {
        const colour = LAYER_COLOURS[f.layer];
        const g = f.geometry;
        if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
          const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
          return <path key={f.id} d={polygons.map((rings) => rings.map((r) => `${path(r)} Z`).join(' ')).join(' ')} fill={colour} fillOpacity={0.3} stroke={colour} strokeWidth={1.5} />;
        }
        if (g.type === 'LineString' || g.type === 'MultiLineString') {
          const lines = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
          return <path key={f.id} d={lines.map(path).join(' ')} fill="none" stroke={colour} strokeWidth={3} />;
        }
        const [lon, lat] = g.coordinates as number[];
        const n = numbers.get(f.id);
        return (
          <g key={f.id}>
            <circle cx={x(lon!)} cy={y(lat!)} r={n ? 9 : 5} fill={colour} stroke="#ffffff" strokeWidth={1.5} />
            {n && (
              <text x={x(lon!)} y={y(lat!) + 4} textAnchor="middle" fontSize={11} fontWeight="bold" fill="#ffffff">
                {n}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

function flatten(coordinates: unknown): [number, number][] {
  if (!Array.isArray(coordinates)) return [];
  if (typeof coordinates[0] === 'number') return [[coordinates[0] as number, coordinates[1] as number]];
  return coordinates.flatMap(flatten);
}
