import { err, ok, type Result } from '../domain/result';
import { crsFromRanges, userChosenCrs } from './crs';
import { isRegistryCrs, registryCrsByName } from './crsRegistry';
import { text, type Text } from '../domain/text';
import type { CrsDetection, ImportFailure, SourceCrs } from './importTypes';

/** A system the file names but the registry does not have, with the name to show the user. */
export interface UnsupportedCrs {
  unsupported: string;
}

/**
 * Names from files are shown as text; keep them short and free of control characters. A file
 * that names nothing is shown what it does have (`""`, the member as JSON): the same in both
 * languages, and what the user finds when they open the file.
 */
const displayName = (name: string) => name.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || '""';
const memberAsText = (member: object) => displayName(JSON.stringify(member) ?? '');

function epsgToSource(code: string): SourceCrs | UnsupportedCrs {
  const crs = `EPSG:${Number(code)}`;
  return isRegistryCrs(crs) ? crs : { unsupported: crs };
}

/**
 * Reads a legacy GeoJSON `crs` member (GDAL, QGIS and ArcGIS still write it): a registry system,
 * a named system we cannot convert from, or null when the file says nothing.
 */
export function crsFromGeoJsonMember(member: unknown): SourceCrs | UnsupportedCrs | null {
  if (!member || typeof member !== 'object') return null;
  const props = (member as { properties?: unknown }).properties;
  if (!props || typeof props !== 'object') return { unsupported: memberAsText(member) };
  const { name, code, href } = props as { name?: unknown; code?: unknown; href?: unknown };
  // Old (2008) spec: {"type": "EPSG", "properties": {"code": 3006}}.
  if ((typeof code === 'number' || typeof code === 'string') && /^\s*\d+\s*$/.test(String(code))) return epsgToSource(String(code).trim());
  if (typeof name !== 'string') return { unsupported: typeof href === 'string' ? displayName(href) : memberAsText(member) };
  if (/CRS:?84$/i.test(name)) return 'EPSG:4326';
  // EPSG:3006, urn:ogc:def:crs:EPSG::3006, urn:ogc:def:crs:EPSG:6.3:3006, http://www.opengis.net/def/crs/EPSG/0/3006
  const match = /EPSG(?::[\d.]*)?:{1,2}(\d+)$/i.exec(name) ?? /\/EPSG\/[\d.]+\/(\d+)$/i.exec(name);
  return match ? epsgToSource(match[1]!) : { unsupported: displayName(name) };
}

const GEOGRAPHIC_WGS84 = /^(GCS_)?WGS[\s_]?(19)?84$/i;

/**
 * Recognises the WKT that QGIS, GDAL and ArcGIS write into a shapefile's .prj: by the EPSG
 * authority of the whole system when there is one, else by its name in ESRI or OGC spelling
 * ("SWEREF99_13_30", "SWEREF99 13 30", "RT90_25_gon_V", "RT 90 2.5 gon V").
 */
export function crsFromPrj(prj: string): SourceCrs | UnsupportedCrs {
  const text = prj.trim();
  const head = /^(PROJCS|PROJCRS|GEOGCS|GEOGCRS|GEODCRS)\s*\[\s*"([^"]*)"/i.exec(text);
  if (!head) {
    // WKT 2 wrappers (BOUNDCRS, COMPOUNDCRS) still start their system with PROJCRS or GEOGCRS.
    const inner = /\b(PROJCRS|PROJCS|GEOGCRS|GEOGCS)\s*\[\s*"([^"]*)"/i.exec(text);
    return inner ? crsFromName(inner[1]!, inner[2]!) : { unsupported: displayName(text.slice(0, 60)) };
  }
  // The outermost AUTHORITY/ID closes the WKT; the nested ones belong to datum, ellipsoid, units.
  const authority = /(?:AUTHORITY|ID)\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/i.exec(text);
  return authority ? epsgToSource(authority[1]!) : crsFromName(head[1]!, head[2]!);
}

function crsFromName(kind: string, name: string): SourceCrs | UnsupportedCrs {
  if (/^GEO/i.test(kind)) return GEOGRAPHIC_WGS84.test(name.trim()) ? 'EPSG:4326' : { unsupported: displayName(name) };
  const known = registryCrsByName(name);
  return known && known !== 'EPSG:4326' ? known : { unsupported: displayName(name) };
}

/** The failure for a file that names a system outside the registry. */
export function unsupportedCrsFailure(name: string): ImportFailure {
  return {
    code: 'unsupported-crs',
    message: text(
      `Filen anger koordinatsystemet ${name}, som appen inte kan räkna om från. ` +
        'Appen läser WGS 84, SWEREF 99 TM, de tolv lokala SWEREF 99-zonerna (EPSG:3007–3018) och RT 90 2.5 gon V (EPSG:3021). ' +
        'Exportera filen i något av dem (i QGIS: Exportera > Spara objekt som, välj koordinatsystem) och försök igen.',
      `The file declares the coordinate system ${name}, which the app cannot convert from. ` +
        'The app reads WGS 84, SWEREF 99 TM, the twelve local SWEREF 99 zones (EPSG:3007–3018) and RT 90 2.5 gon V (EPSG:3021). ' +
        'Export the file in one of them (in QGIS: Export > Save Features As, choose the CRS) and try again.',
    ),
  };
}

export interface CrsEvidence {
  /** The GeoJSON `crs` member, when the file has one. */
  geoJsonCrs?: unknown;
  /** The text of a .prj file. */
  prj?: string | null;
  samples?: readonly (readonly [number, number])[];
}

export interface CrsChoice {
  crs: CrsDetection;
  /** The file named its system, so the user's choice did not apply. */
  declared: boolean;
  /** Notes for the preview, e.g. that the user's choice was not used. */
  notes: Text[];
}

/**
 * What the file says always wins; a system outside the registry is refused, never guessed. Only a
 * file that says nothing takes the user's choice, or a guess from the numbers that the user confirms.
 */
export function detectCrs(evidence: CrsEvidence, userChoice?: SourceCrs): Result<CrsChoice, ImportFailure> {
  const fromMember = crsFromGeoJsonMember(evidence.geoJsonCrs);
  const trimmedPrj = evidence.prj?.trim();
  const declared = fromMember ?? (trimmedPrj ? crsFromPrj(trimmedPrj) : null);
  if (declared && typeof declared === 'object') return err(unsupportedCrsFailure(declared.unsupported));
  if (declared) {
    const where = fromMember ? 'crs' : '.prj';
    const notes = userChoice && userChoice !== declared ? [text(`filen anger ${declared} (${where}); valet ${userChoice} användes inte`, `the file declares ${declared} (${where}); the choice ${userChoice} was not used`)] : [];
    return ok({ crs: { crs: declared, reason: text(`filen anger ${declared} (${where})`, `the file declares ${declared} (${where})`), confident: true }, declared: true, notes });
  }
  const crs = userChoice ? userChosenCrs(userChoice) : crsFromRanges(evidence.samples ?? []);
  const emptyPrj = text('.prj-filen är tom; koordinatsystemet gissades', 'the .prj file is empty; the coordinate system was guessed');
  return ok({ crs, declared: false, notes: evidence.prj != null && !trimmedPrj ? [emptyPrj] : [] });
}
