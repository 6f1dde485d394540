/** The part of shpjs 6 we use: parse a zipped shapefile (reprojected to WGS 84 when it has a .prj). */
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  export type ShpCollection = FeatureCollection & { fileName?: string };
  export default function shp(input: ArrayBuffer | Uint8Array): Promise<ShpCollection | ShpCollection[]>;
}
