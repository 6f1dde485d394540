import type { MunicipalityLocator } from '../domain/places/municipalityLocator';
import type { SupportedGeometry } from '../domain/geometry';
import { CRS_REGISTRY, type RegistryCrs } from './crsRegistry';
import type { SafetyFeature } from '../domain/safetyFeature';
import type { NamingInfo } from './naming';
import { text, type Text } from '../domain/text';

/** The coordinate systems planners' files arrive in: exactly those of the registry. */
export type SourceCrs = RegistryCrs;
export const SOURCE_CRS: readonly SourceCrs[] = CRS_REGISTRY.map((c) => c.code);

export const IMPORT_FORMATS = ['geojson', 'csv', 'kml', 'gpx', 'shapefile'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Why a row or feature was left out; each has its words in both languages in REJECT_TEXTS. */
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

/**
 * Here, not in the UI's dictionaries: the importer is loaded with its panel, so its words stay out
 * of the page's first JavaScript, and the answers' importer shares them.
 */
export const REJECT_TEXTS: Record<RejectReason, Text> = {
  'missing-coordinates': text('koordinater saknas', 'coordinates missing'),
  'non-numeric-coordinates': text('koordinaterna är inte tal', 'the coordinates are not numbers'),
  'outside-sweden': text('ligger utanför Sverige', 'lies outside Sweden'),
  'lat-lon-swapped': text('latitud och longitud verkar ha bytt plats', 'latitude and longitude seem swapped'),
  'invalid-geometry': text('ogiltig geometri', 'invalid geometry'),
  'unclosed-ring': text('polygonens ring är inte sluten', 'the polygon ring is not closed'),
  'unsupported-geometry': text('geometritypen stöds inte', 'geometry type not supported'),
  'empty-geometry': text('geometrin är tom', 'the geometry is empty'),
  'degree-minutes': text('koordinaterna ser ut som grader och minuter (GGMM,mm), inte decimalgrader', 'the coordinates look like degrees and minutes (DDMM.mm), not decimal degrees'),
  'wrong-layer': text('passar inte det valda lagret', 'does not fit the chosen layer'),
  'missing-activity': text('aktiviteten finns inte i den här databasen', 'the activity does not exist in this database'),
  'sensitive-activity': text('aktiviteten är känslig och får ingen plats på kartan', 'the activity is sensitive and gets no place on the map'),
  'invalid-record': text('posten från Trygghetskartan är ogiltig', 'the Trygghetskartan record is invalid'),
};

/** Property values as imported: text is only ever shown as text, never as HTML or a link. */
export type ImportedValue = string | number | boolean | null;

/** One importable row or feature, already in WGS 84. */
export interface ImportCandidate {
  /** 1-based position in the file: CSV line number (header = line 1) or feature number. */
  index: number;
  /** How the preview names it: "rad 14" / "row 14", "objekt 3" / "feature 3", "spår 1" / "track 1". */
  label: Text;
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
  label: Text;
  reason: RejectReason;
  /** The detail for the preview, e.g. "lat = abc", or "lat saknas" / "lat missing". */
  detail: Text;
}

export interface CrsDetection {
  crs: SourceCrs;
  /** Why we believe it, e.g. "filen anger EPSG:3006 (crs)" / "the file declares EPSG:3006 (crs)". */
  reason: Text;
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
  /** Notes on what was done: "decimalkomma tolkat", "omräknat från EPSG:3006" / "converted from EPSG:3006". */
  notes: Text[];
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
  records: { index: number; label: Text; feature: SafetyFeature }[];
  /** Features that look like records but fail the schema, or carry no record at all. */
  rejected: RejectedItem[];
}

/** A file that cannot be read at all: nothing is imported and the message says why. */
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
  message: Text;
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
