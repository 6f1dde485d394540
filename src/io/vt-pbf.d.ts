// vt-pbf ships no types: the one function we use, encoding geojson-vt tiles (by layer name) as an MVT.
declare module 'vt-pbf' {
  export function fromGeojsonVt(layers: Record<string, { features: readonly unknown[] }>, options?: { version?: number; extent?: number }): Uint8Array;
}
