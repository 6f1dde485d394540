/**
 * The part of shpjs 6 we use: its parsers for the .shp and .dbf bytes. The zip itself we unpack
 * ourselves, within limits (readShapefileZip.ts); shp(zip) would inflate every entry unbounded.
 */
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  type Bytes = ArrayBuffer | DataView | Uint8Array;
  /** Geometries in the file's own coordinates when no .prj text is given; null for null shapes. */
  export function parseShp(shp: Bytes, prj?: string | false): (Geometry | null)[];
  /** One record per row; text decoded with the .cpg's code page when given. */
  export function parseDbf(dbf: Bytes, cpg?: string): Record<string, unknown>[];
}
