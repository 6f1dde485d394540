import type { Language, Text } from '../domain/text';

/**
 * The coordinate systems the importer converts from: one list, so detection, conversion, the
 * preview's choice and the failure messages can never disagree about what is supported.
 *
 * Parameters are the official ones (EPSG registry, as published on epsg.io and by Lantmäteriet's
 * "SWEREF 99, projektioner"): SWEREF 99 TM is UTM zone 33 on GRS 80 widened to all of Sweden; the
 * twelve local zones are transverse Mercator on GRS 80 with scale 1 and false easting 150 000 m.
 * SWEREF 99 is ETRS89, which the app — like EPSG's null transformation — takes as WGS 84 (they
 * differ by well under a metre in Sweden).
 */
export interface CrsDefinition {
  code: string;
  /** The official name, as Lantmäteriet writes it: "SWEREF 99 13 30". */
  name: string;
  /** What the preview shows, per language: the name and the unit. */
  label: Text;
  proj4: string;
  /** Where Sweden lies in this system: easting (or longitude) and northing (or latitude). */
  x: readonly [number, number];
  y: readonly [number, number];
}

const localZone = <Code extends string>(code: Code, name: string, centralMeridian: number) =>
  ({
    code,
    name,
    label: { sv: `${name} (lokal zon, meter)`, en: `${name} (local zone, metres)` },
    proj4: `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`,
    // A zone is 1.5° wide, but a municipality may use its zone some way beyond its edges.
    x: [0, 350_000],
    y: [6_100_000, 7_700_000],
  }) as const satisfies CrsDefinition;

export const CRS_REGISTRY = [
  {
    code: 'EPSG:4326',
    name: 'WGS 84',
    label: { sv: 'WGS 84 (lon/lat, grader)', en: 'WGS 84 (lon/lat, degrees)' },
    proj4: '+proj=longlat +datum=WGS84 +no_defs',
    x: [10, 24.2],
    y: [55, 69.1],
  },
  {
    code: 'EPSG:3006',
    name: 'SWEREF 99 TM',
    label: { sv: 'SWEREF 99 TM (meter)', en: 'SWEREF 99 TM (metres)' },
    proj4: '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
    x: [200_000, 1_000_000],
    y: [6_100_000, 7_700_000],
  },
  localZone('EPSG:3007', 'SWEREF 99 12 00', 12),
  localZone('EPSG:3008', 'SWEREF 99 13 30', 13.5),
  localZone('EPSG:3009', 'SWEREF 99 15 00', 15),
  localZone('EPSG:3010', 'SWEREF 99 16 30', 16.5),
  localZone('EPSG:3011', 'SWEREF 99 18 00', 18),
  localZone('EPSG:3012', 'SWEREF 99 14 15', 14.25),
  localZone('EPSG:3013', 'SWEREF 99 15 45', 15.75),
  localZone('EPSG:3014', 'SWEREF 99 17 15', 17.25),
  localZone('EPSG:3015', 'SWEREF 99 18 45', 18.75),
  localZone('EPSG:3016', 'SWEREF 99 20 15', 20.25),
  localZone('EPSG:3017', 'SWEREF 99 21 45', 21.75),
  localZone('EPSG:3018', 'SWEREF 99 23 15', 23.25),
  {
    code: 'EPSG:3021',
    name: 'RT 90 2.5 gon V',
    label: { sv: 'RT 90 2.5 gon V (äldre rikssystem, meter)', en: 'RT 90 2.5 gon V (former national grid, metres)' },
    // Lantmäteriet's direct projection from SWEREF 99 to the RT 90 grid (Gauss-Krüger on GRS 80
    // with an adjusted meridian, scale and offsets; EPSG:3847 "SWEREF99 / RT90 2.5 gon V emulation"),
    // not EPSG's Bessel ellipsoid + 7-parameter shift (towgs84). Why: it is the one Lantmäteriet
    // publishes for going straight between SWEREF 99 and the RT 90 grid and it reproduces
    // Lantmäteriet's control points to the millimetre, where the 7-parameter shift is off by about a
    // decimetre and its rotations come with opposite signs in different sources (coordinate-frame
    // versus position-vector convention).
    proj4: '+proj=tmerc +lat_0=0 +lon_0=15.806284529444444 +k=1.00000561024 +x_0=1500064.274 +y_0=-667.711 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
    x: [1_200_000, 1_900_000],
    y: [6_100_000, 7_700_000],
  },
] as const satisfies readonly CrsDefinition[];

export type RegistryCrs = (typeof CRS_REGISTRY)[number]['code'];

const BY_CODE = new Map<string, CrsDefinition>(CRS_REGISTRY.map((c) => [c.code, c]));

export const isRegistryCrs = (code: string): code is RegistryCrs => BY_CODE.has(code);

export function crsDefinition(code: RegistryCrs): CrsDefinition {
  return BY_CODE.get(code)!;
}

/** "SWEREF99_13_30", "SWEREF 99 13 30" and "sweref99 13 30" all become "SWEREF991330". */
export const normaliseCrsName = (name: string) => name.toUpperCase().replace(/[\s_.\-]/g, '');

const BY_NAME = new Map<string, RegistryCrs>(CRS_REGISTRY.map((c) => [normaliseCrsName(c.name), c.code]));

/** Finds a registry system by how .prj files name it (ESRI and OGC spellings alike). */
export function registryCrsByName(name: string): RegistryCrs | null {
  return BY_NAME.get(normaliseCrsName(name)) ?? null;
}

/** The preview's option labels for one language. */
export function crsLabels(lang: Language): Record<string, string> {
  return Object.fromEntries(CRS_REGISTRY.map((c) => [c.code, c.label[lang]]));
}
