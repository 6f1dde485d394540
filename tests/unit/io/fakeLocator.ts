import { positionsOf, type SupportedGeometry } from '../../../src/domain/geometry';
import type { MunicipalityLookup } from '../../../src/io/candidatesToFeatures';

/** Rectangular stand-in municipalities, so plan tests need no geodata: [west, south, east, north]. */
const AREAS: { code: string; name: string; box: [number, number, number, number] }[] = [
  { code: '0182', name: 'Nacka', box: [18.1, 59.2, 18.4, 59.4] },
  { code: '0180', name: 'Stockholm', box: [17.8, 59.2, 18.1, 59.45] },
  { code: '1287', name: 'Trelleborg', box: [12.9, 55.3, 13.4, 55.5] },
];

const inside = (p: number[], box: [number, number, number, number]) => p[0]! >= box[0] && p[0]! <= box[2] && p[1]! >= box[1] && p[1]! <= box[3];

/** Locates by the first vertex, like a point-on-feature would for these small test shapes. */
export const fakeLocator: MunicipalityLookup = {
  locate(geometry: SupportedGeometry) {
    const first = positionsOf(geometry)[0]!;
    const area = AREAS.find((a) => inside(first, a.box));
    return area ? { code: area.code, name: area.name, distanceMetres: 0 } : null;
  },
  locatePosition(lon: number, lat: number) {
    const area = AREAS.find((a) => inside([lon, lat], a.box));
    return area ? { code: area.code, name: area.name, distanceMetres: 0 } : null;
  },
  firstOutside(geometry: SupportedGeometry) {
    return positionsOf(geometry).find((p) => !AREAS.some((a) => inside(p, a.box))) ?? null;
  },
};
