import type { TilePoint } from './pointStore';

type Value = TilePoint['properties'][string];

/** One property of every point: its distinct values and each point's index into them, or (mostly distinct) the values themselves. */
export type PointColumn = { key: string; dictionary: Value[]; codes: Uint32Array } | { key: string; values: (Value | undefined)[] };

/**
 * Many points as a few arrays: what the main thread posts to the point-tile worker. Structured
 * cloning 100 000 point objects, each with its properties object, held the main thread 200 ms at
 * start-up; positions and codes go as transferred typed arrays, and only the properties that are
 * mostly distinct (the id, the own search text) as arrays of strings.
 */
export interface PointColumns {
  ids: string[];
  /** lon, lat, lon, lat, … */
  lonLat: Float64Array;
  columns: PointColumn[];
}

export function toColumns(points: readonly TilePoint[]): { columns: PointColumns; transfer: ArrayBuffer[] } {
  const n = points.length;
  const ids = new Array<string>(n);
  const lonLat = new Float64Array(2 * n);
  const keys: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const point = points[i]!;
    ids[i] = point.id;
    lonLat[2 * i] = point.lon;
    lonLat[2 * i + 1] = point.lat;
    for (const key in point.properties) if (!seen.has(key)) seen.add(key), keys.push(key);
  }
  const transfer: ArrayBuffer[] = [lonLat.buffer];
  const columns = keys.map((key): PointColumn => {
    const index = new Map<Value, number>();
    const dictionary: Value[] = [];
    const codes = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const value = points[i]!.properties[key];
      // A point without the property: code 0 stands for "none", so the dictionary starts at 1.
      if (value === undefined) continue;
      let code = index.get(value);
      if (code === undefined) index.set(value, (code = dictionary.push(value)));
      codes[i] = code;
      // Mostly distinct: the values themselves are cheaper to clone than a dictionary as long.
      if (dictionary.length > n / 2) return { key, values: points.map((p) => p.properties[key]) };
    }
    transfer.push(codes.buffer);
    return { key, dictionary, codes };
  });
  return { columns: { ids, lonLat, columns }, transfer };
}

export function fromColumns({ ids, lonLat, columns }: PointColumns): TilePoint[] {
  const points: TilePoint[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const properties: TilePoint['properties'] = {};
    for (const column of columns) {
      const value = 'values' in column ? column.values[i] : column.codes[i] ? column.dictionary[column.codes[i]! - 1] : undefined;
      if (value !== undefined) properties[column.key] = value;
    }
    points[i] = { id: ids[i]!, lon: lonLat[2 * i]!, lat: lonLat[2 * i + 1]!, properties };
  }
  return points;
}
