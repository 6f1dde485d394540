import type { MunicipalityLocator } from '../domain/places/municipalityLocator';
import type { SupportedGeometry } from '../domain/geometry';
import { CRS_REGISTRY, type RegistryCrs } from './crsRegistry';
import type { SafetyFeature } from '../domain/safetyFeature';
import type { NamingInfo } from './naming';

/** The coordinate systems planners' files arrive in: exactly those of the registry. */
export type SourceCrs = RegistryCrs;
export const SOURCE_CRS: readonly SourceCrs[] = CRS_REGISTRY.map((c) => c.code);

export const IMPORT_FORMATS = ['geojson', 'csv', 'kml', 'gpx', 'shapefile'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Why a row or feature was left out; each has a Swedish message in REJECT_MESSAGES. */
export const REJECT_REASONS = [
  'missing-coordinates',
  'non-numeric-coordinates',
  'outside-sweden',
  'lat-lon-swapped',
  'invalid-geometry',
  'unclosed-ring',
  'unsupported-geometry',
  'empty-geometry',
  'degree-minutes',
  'wrong-layer',
  'missing-activity',
  'sensitive-activity',
  'invalid-record',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const REJECT_MESSAGES: Record<RejectReason, string> = {
  'missing-coordinates': 'koordinater saknas',
  'non-numeric-coordinates': 'koordinaterna är inte tal',
  'outside-sweden': 'ligger utanför Sverige',
  'lat-lon-swapped': 'latitud och longitud verkar ha bytt plats',
  'invalid-geometry': 'ogiltig geometri',
  'unclosed-ring': 'polygonens ring är inte sluten',
  'unsupported-geometry': 'geometritypen stöds inte',
  'empty-geometry': 'geometrin är tom',
  'degree-minutes': 'koordinaterna ser ut som grader och minuter (GGMM,mm), inte decimalgrader',
  'wrong-layer': 'passar inte det valda lagret',
  'missing-activity': 'aktiviteten finns inte i den här databasen',
  'sensitive-activity': 'aktiviteten är känslig och får ingen plats på kartan',
  'invalid-record': 'posten från Trygghetskartan är ogiltig',
};

/** Property values as imported: text is only ever shown as text, never as HTML or a link. */
export type ImportedValue = string | number | boolean | null;

/** One importable row or feature, already in WGS 84. */
export interface ImportCandidate {
  /** 1-based position in the file: CSV line number (header = line 1) or feature number. */
  index: number;
  /** How the preview names it, in Swedish: "rad 14", "objekt 3", "spår 1", "vägpunkt 2". */
  label: string;
  geometry: SupportedGeometry;
  name: string | null;
  /** GPX: tracks and routes become safety walks, waypoints findings along them. */
  gpxKind?: 'track' | 'route' | 'waypoint';
  /** Values mapped from CSV columns (time of day, reason, count) when the user mapped them. */
  mapped?: { timeOfDay?: string | null; reason?: string | null; count?: number | null };
  properties: Record<string, ImportedValue>;
}

export interface RejectedItem {
  index: number;
  label: string;
  reason: RejectReason;
  /** Swedish detail for the preview, e.g. "lat = abc". */
  detail: string;
}

export interface CrsDetection {
  crs: SourceCrs;
  /** Swedish: why we believe it, e.g. "filen anger EPSG:3006 (crs)", "koordinaterna ser ut som SWEREF 99 TM". */
  reason: string;
  /** False when guessed from number ranges only: the user should confirm. */
  confident: boolean;
}

/** CSV columns the user maps; null = not in the file. Indices into headers. */
export interface CsvColumnMapping {
  name: number | null;
  /** Latitude or northing (N). */
  y: number | null;
  /** Longitude or easting (E). */
  x: number | null;
  timeOfDay: number | null;
  reason: number | null;
  count: number | null;
}

export interface CsvInfo {
  headers: string[];
  delimiter: ';' | ',' | '\t';
  encoding: 'utf-8' | 'windows-1252';
  decimalComma: boolean;
  mapping: CsvColumnMapping;
  /** The data rows as text cells, kept so a changed mapping or CRS re-runs without re-reading. */
  rows: string[][];
}

export interface ParsedImport {
  format: ImportFormat;
  fileName: string;
  crs: CrsDetection;
  candidates: ImportCandidate[];
  rejected: RejectedItem[];
  /** Swedish notes on what was done: "decimalkomma tolkat", "omräknat från EPSG:3006", "3 tomma rader hoppades över". */
  notes: string[];
  /** True when the file names its coordinate system (GeoJSON crs, .prj): the user's choice does not apply. */
  crsDeclared?: boolean;
  csv?: CsvInfo;
  /** GeoJSON, KML, GPX, shapefile: the properties present and the one names come from. */
  naming?: NamingInfo;
  /**
   * Set when the file is Trygghetskartan's own GeoJSON export: its records, each validated with the
   * place schema, keep their own layer, activities and id instead of taking the preview's choices.
   */
  appExport?: AppExport;
}

export interface AppExport {
  records: { index: number; label: string; feature: SafetyFeature }[];
  /** Features that look like records but fail the schema, or carry no record at all. */
  rejected: RejectedItem[];
}

/** A file that cannot be read at all: nothing is imported and the message says why (Swedish). */
export interface ImportFailure {
  code:
    | 'unknown-format'
    | 'unreadable'
    | 'truncated'
    | 'too-large'
    | 'empty'
    | 'no-features'
    | 'zip-without-shp'
    /** The file names a coordinate system outside the registry: refused, never guessed. */
    | 'unsupported-crs'
    /** A zip that would unpack beyond the limits, or unpacks to more than it declares. */
    | 'zip-too-large';
  message: string;
}

export interface ImportOptions {
  /** Overrides detection when the user has chosen a CRS in the preview. */
  crs?: SourceCrs;
  /** Overrides the guessed CSV mapping. */
  csvMapping?: CsvColumnMapping;
  /** The property names are taken from (GeoJSON, KML, GPX, shapefile): undefined = guess, null = none. */
  nameKey?: string | null;
  /**
   * The municipality polygons: candidates outside Sweden are rejected with their position. Not
   * sent to the worker (it loads its own from `municipalityAreasUrl`).
   */
  locator?: MunicipalityLocator | null;
  municipalityAreasUrl?: string;
  onProgress?: (fraction: number) => void;
}
