/**
 * Synthetic survey answers (SYNTETISKA enkätsvar) for benchmarks and demos: deterministic for a
 * seed, clustered as PERFORMANCE.md describes (60 % in hot spots). No real survey is imitated; every
 * answer's survey name starts with "SYNTETISK" and the default file name says so too.
 *
 * - `four`: the four municipalities of data/ (85 % around Stockholm, 15 % Nordmaling, as in
 *   PERFORMANCE.md), around real localities (GeoNames coordinates, as in the basemap's place
 *   names), clipped to each municipality's bounding box.
 * - `sweden`: around 33 towns, hard-coded with rounded coordinates and urban-area populations
 *   (a small list, not a census: enough to weight answers to where people live).
 *
 * Points are gaussian around localities, so they fall on land roughly, not exactly: some coastal
 * ones land in water, which a synthetic demo can live with.
 */
import { AnswerColumnsBuilder, reasonMask, reasonsOfMask, timeOfDayCode, type AnswerColumns } from '../src/analysis/answers/columns';
import type { TimeOfDay } from '../src/domain/layers';
import { SWEDEN_BOUNDS, type SurveyAnswer, type SurveyReason } from '../src/domain/surveyAnswer';

export type GeneratorArea = 'four' | 'sweden';
export const GENERATOR_AREAS: readonly GeneratorArea[] = ['four', 'sweden'];

export interface GenerateOptions {
  answers: number;
  seed: number;
  area: GeneratorArea;
}

type LonLat = readonly [number, number];
type Bounds = readonly [west: number, south: number, east: number, north: number];

interface Locality {
  name: string;
  at: LonLat;
  /** Relative share of the region's answers. */
  weight: number;
}

interface Region {
  name: string;
  /** Share of all answers. */
  weight: number;
  bounds: Bounds;
  /** Spread of the answers outside hot spots around a locality, metres. */
  spreadMetres: number;
  localities: readonly Locality[];
}

/**
 * Bounding boxes as the build computes them (public/basemap/municipality-bounds.json, from
 * ../shared/geodata/swedish_municipalities.geojson); copied so the generator runs without
 * ../shared, and a unit test checks they still agree with the geodata.
 */
export const MUNICIPALITY_BOUNDS: Record<'0182' | '0120' | '0125' | '2401', Bounds> = {
  '0182': [18.10933, 59.23147, 18.38901, 59.36924],
  '0120': [18.31932, 58.99798, 19.35867, 59.51573],
  '0125': [17.41092, 59.26168, 17.94125, 59.45157],
  '2401': [18.80723, 63.39061, 19.81421, 63.86821],
};

export const FOUR_MUNICIPALITIES: readonly (Region & { code: keyof typeof MUNICIPALITY_BOUNDS })[] = [
  {
    code: '0182', name: 'Nacka', weight: 0.45, bounds: MUNICIPALITY_BOUNDS['0182'], spreadMetres: 900,
    localities: [
      { name: 'Nacka centrum', at: [18.1637, 59.3105], weight: 3 }, { name: 'Sickla', at: [18.123, 59.306], weight: 2 },
      { name: 'Orminge', at: [18.2578, 59.3306], weight: 2 }, { name: 'Fisksätra', at: [18.256, 59.294], weight: 2 },
      { name: 'Saltsjöbaden', at: [18.3, 59.2833], weight: 1 }, { name: 'Älta', at: [18.1833, 59.2667], weight: 1.5 },
      { name: 'Björknäs', at: [18.225, 59.318], weight: 1 }, { name: 'Kummelberget', at: [18.274, 59.341], weight: 0.5 },
    ],
  },
  {
    code: '0120', name: 'Värmdö', weight: 0.25, bounds: MUNICIPALITY_BOUNDS['0120'], spreadMetres: 1200,
    localities: [
      { name: 'Gustavsbergs centrum', at: [18.3897, 59.3268], weight: 4 }, { name: 'Hemmesta', at: [18.5, 59.3167], weight: 1.5 },
      { name: 'Mörtnäs', at: [18.45, 59.3167], weight: 1 }, { name: 'Brunn', at: [18.43, 59.29], weight: 1 },
      { name: 'Djurö', at: [18.69, 59.31], weight: 0.5 },
    ],
  },
  {
    code: '0125', name: 'Ekerö', weight: 0.15, bounds: MUNICIPALITY_BOUNDS['0125'], spreadMetres: 1000,
    localities: [
      { name: 'Ekerö centrum', at: [17.8121, 59.291], weight: 3 }, { name: 'Stenhamra', at: [17.6667, 59.3333], weight: 1.5 },
      { name: 'Drottningholm', at: [17.886, 59.321], weight: 0.5 }, { name: 'Skå', at: [17.77, 59.37], weight: 0.5 },
    ],
  },
  {
    code: '2401', name: 'Nordmaling', weight: 0.15, bounds: MUNICIPALITY_BOUNDS['2401'], spreadMetres: 1500,
    localities: [
      { name: 'Nordmaling', at: [19.5024, 63.5685], weight: 4 }, { name: 'Rundvik', at: [19.44, 63.53], weight: 1.5 },
      { name: 'Lögdeå', at: [19.38, 63.56], weight: 0.5 }, { name: 'Gräsmyr', at: [19.57, 63.63], weight: 0.5 },
    ],
  },
];

/** [name, lon, lat, urban-area population, rounded]. */
export const SWEDISH_TOWNS: readonly (readonly [string, number, number, number])[] = [
  ['Stockholm', 18.0686, 59.3293, 1_600_000], ['Göteborg', 11.9746, 57.7089, 600_000], ['Malmö', 13.0038, 55.605, 350_000],
  ['Uppsala', 17.6389, 59.8586, 170_000], ['Västerås', 16.5448, 59.6099, 130_000], ['Örebro', 15.2134, 59.2753, 125_000],
  ['Linköping', 15.6214, 58.4108, 115_000], ['Helsingborg', 12.6945, 56.0465, 110_000], ['Jönköping', 14.1618, 57.7826, 100_000],
  ['Norrköping', 16.1826, 58.5877, 95_000], ['Lund', 13.191, 55.7047, 95_000], ['Umeå', 20.263, 63.8258, 90_000],
  ['Gävle', 17.1413, 60.6749, 80_000], ['Borås', 12.9401, 57.721, 75_000], ['Eskilstuna', 16.5077, 59.3666, 70_000],
  ['Södertälje', 17.6254, 59.1955, 70_000], ['Karlstad', 13.5115, 59.4022, 65_000], ['Halmstad', 12.8556, 56.6745, 65_000],
  ['Växjö', 14.8059, 56.8777, 65_000], ['Sundsvall', 17.3069, 62.3908, 55_000], ['Luleå', 22.1547, 65.5848, 50_000],
  ['Trollhättan', 12.2886, 58.2837, 50_000], ['Östersund', 14.6357, 63.1792, 50_000], ['Borlänge', 15.4364, 60.4858, 45_000],
  ['Falun', 15.6355, 60.6065, 40_000], ['Kalmar', 16.3616, 56.6634, 40_000], ['Kristianstad', 14.1557, 56.0294, 40_000],
  ['Skövde', 13.8457, 58.3903, 40_000], ['Karlskrona', 15.5866, 56.1612, 35_000], ['Skellefteå', 20.9511, 64.7507, 35_000],
  ['Uddevalla', 11.9383, 58.3498, 35_000], ['Visby', 18.2948, 57.6348, 25_000], ['Kiruna', 20.2253, 67.8558, 17_000],
];

const SWEDEN: Bounds = [SWEDEN_BOUNDS.west, SWEDEN_BOUNDS.south, SWEDEN_BOUNDS.east, SWEDEN_BOUNDS.north];

/** Each town is a region of its own, weighted by population, spread by its size. */
const SWEDEN_REGIONS: readonly Region[] = SWEDISH_TOWNS.map(([name, lon, lat, population]) => ({
  name,
  weight: population,
  bounds: SWEDEN,
  spreadMetres: Math.min(6000, Math.max(800, 1500 * Math.sqrt(population / 100_000))),
  localities: [{ name, at: [lon, lat], weight: 1 }],
}));

export const HOT_SPOT_SHARE = 0.6;
const HOT_SPOT_SPREAD_METRES = 120;
export const FIRST_YEAR = 2020;
export const YEARS = 6;
const METRES_PER_DEGREE = 111_195;

/** mulberry32: tiny, fast, and the same sequence on every machine for a seed. */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface HotSpot {
  at: LonLat;
  region: number;
  /** The reason and time most of its answers give: a hot spot is a dark tunnel, a square at night. */
  reason: SurveyReason;
  time: TimeOfDay;
}

const pickWeighted = <T>(items: readonly T[], weight: (item: T) => number, r: number): T => {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let x = r * total;
  for (const item of items) if ((x -= weight(item)) < 0) return item;
  return items[items.length - 1]!;
};

const REASON_WEIGHTS: readonly (readonly [SurveyReason, number])[] = [
  ['belysning', 30], ['folksamlingar', 18], ['narkotika', 12], ['skymd sikt', 14], ['klotter', 8],
  ['nedskräpning', 6], ['vegetation', 5], ['tomma lokaler', 3], ['trafik', 3], ['annat', 1],
];
const TIME_WEIGHTS: readonly (readonly [TimeOfDay | null, number])[] = [['dag', 25], ['kvall', 40], ['natt', 25], [null, 10]];

/** The one-sided emitter both outputs share, so rows and columns are the same answers for a seed. */
type Emit = (lon: number, lat: number, survey: string, year: number, time: TimeOfDay | null, reasons: number) => void;

function generate({ answers, seed, area }: GenerateOptions, emit: Emit): void {
  const random = mulberry32(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const regions = area === 'four' ? FOUR_MUNICIPALITIES : SWEDEN_REGIONS;
  const hotSpots: HotSpot[] = [];
  regions.forEach((region, r) => {
    const perLocality = area === 'four' ? 3 : Math.min(12, Math.ceil(3 * Math.sqrt(region.weight / 100_000)));
    for (const locality of region.localities) {
      for (let k = 0; k < perLocality; k++) {
        const spot = scatter(locality.at, region.spreadMetres / 2, gaussian, region.bounds);
        hotSpots.push({ at: spot, region: r, reason: pickWeighted(REASON_WEIGHTS, (w) => w[1], random())[0], time: TIME_WEIGHTS[1 + Math.floor(random() * 2)]![0]! });
      }
    }
  });
  const spotsOf = regions.map((_, r) => hotSpots.filter((s) => s.region === r));
  const surveyNames = regions.map((region) => Array.from({ length: YEARS }, (_, y) => `SYNTETISK trygghetsenkät ${region.name} ${FIRST_YEAR + y}`));

  for (let i = 0; i < answers; i++) {
    const r = regions.indexOf(pickWeighted(regions, (region) => region.weight, random()));
    const region = regions[r]!;
    let at: LonLat;
    let spot: HotSpot | null = null;
    if (random() < HOT_SPOT_SHARE) {
      const spots = spotsOf[r]!;
      spot = spots[Math.floor(random() * spots.length)]!;
      at = scatter(spot.at, HOT_SPOT_SPREAD_METRES, gaussian, region.bounds);
    } else {
      const locality = pickWeighted(region.localities, (l) => l.weight, random());
      at = scatter(locality.at, region.spreadMetres, gaussian, region.bounds);
    }
    const yearIndex = Math.min(YEARS - 1, Math.floor(random() * YEARS));
    const time = spot && random() < 0.6 ? spot.time : pickWeighted(TIME_WEIGHTS, (w) => w[1], random())[0];
    let reasons = spot && random() < 0.7 ? reasonMask([spot.reason]) : 0;
    const extra = random() < 0.15 ? 2 : reasons ? (random() < 0.3 ? 1 : 0) : 1;
    for (let k = 0; k < extra; k++) reasons |= reasonMask([pickWeighted(REASON_WEIGHTS, (w) => w[1], random())[0]]);
    emit(at[0], at[1], surveyNames[r]![yearIndex]!, FIRST_YEAR + yearIndex, time, reasons);
  }
}

/** A gaussian step from a centre, drawn again (up to 20 times) while it falls outside the box. */
function scatter(centre: LonLat, sigmaMetres: number, gaussian: () => number, [west, south, east, north]: Bounds): LonLat {
  const dLat = sigmaMetres / METRES_PER_DEGREE;
  const dLon = dLat / Math.cos((centre[1] * Math.PI) / 180);
  for (let attempt = 0; attempt < 20; attempt++) {
    const lon = centre[0] + gaussian() * dLon;
    const lat = centre[1] + gaussian() * dLat;
    if (lon >= west && lon <= east && lat >= south && lat <= north) return [lon, lat];
  }
  return centre;
}

/** Answers as rows (one object each): for the CSV and for benchmarks of building from rows. */
export function generateAnswers(options: GenerateOptions): SurveyAnswer[] {
  const rows: SurveyAnswer[] = [];
  generate(options, (lon, lat, survey, year, timeOfDay, reasons) => rows.push({ lon, lat, survey, year, timeOfDay, reasons: reasonsOfMask(reasons) }));
  return rows;
}

/** The same answers straight into columns, without an object per answer. */
export function generateAnswerColumns(options: GenerateOptions): AnswerColumns {
  const builder = new AnswerColumnsBuilder(options.answers);
  generate(options, (lon, lat, survey, year, time, reasons) => builder.push(lon, lat, builder.surveyIndex(survey), year, timeOfDayCode(time), reasons));
  return builder.finish();
}

export function syntheticFileName({ answers, seed, area }: GenerateOptions): string {
  return `syntetiska-enkatsvar-${area}-${answers}-seed${seed}.csv`;
}

const TIME_TEXT: Record<TimeOfDay, string> = { dag: 'dag', kvall: 'kväll', natt: 'natt' };
const decimal = (value: number, digits: number) => value.toFixed(digits).replace('.', ',');

/**
 * The CSV as Swedish Excel writes it: `;`, decimal comma, CRLF, UTF-8 with a BOM. Positions in
 * WGS 84 (6 decimals, about 0.1 m) or as SWEREF 99 TM metres when a converter is given.
 * Written in pieces through `write`, so a million rows never sit in one string.
 */
export function writeAnswersCsv(options: GenerateOptions, write: (text: string) => void, toSweref?: (lonLat: [number, number]) => [number, number]): void {
  write(`\uFEFF${toSweref ? 'x;y' : 'lon;lat'};enkat;ar;tid;skal\r\n`);
  let lines: string[] = [];
  generate(options, (lon, lat, survey, year, time, reasons) => {
    const position = toSweref ? toSweref([lon, lat]).map((v) => decimal(v, 1)).join(';') : `${decimal(lon, 6)};${decimal(lat, 6)}`;
    lines.push(`${position};${survey};${year};${time ? TIME_TEXT[time] : ''};${reasonsOfMask(reasons).join(', ')}`);
    if (lines.length === 10_000) {
      write(lines.join('\r\n') + '\r\n');
      lines = [];
    }
  });
  if (lines.length) write(lines.join('\r\n') + '\r\n');
}

