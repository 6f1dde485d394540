import { crsLabels } from '../../io/crsRegistry';
import type { Language } from '../i18n';
import { enCount, svCount, svForm } from '../strings/plural';

/**
 * The importer's strings in both languages, loaded with its panel (issue 12: the first JavaScript
 * stays under 500 kB gzip), not with the app's dictionary. What the importer itself says about a
 * file (notes, rejections, failures) comes from src/io in both languages and is picked at render.
 */
const SV = {
  title: 'Importera fil',
  chooseFile: 'Välj fil (GeoJSON, CSV, KML, GPX eller zippad Shapefile)',
  reading: (file: string) => `Läser ${file}…`,
  progressLabel: 'Hur långt läsningen har kommit',
  failed: 'Filen kunde inte importeras. Inget har ändrats.',
  format: 'Format',
  crs: 'Koordinatsystem',
  // One name per coordinate system of the importer's registry, so the list never misses one.
  crsNames: crsLabels('sv'),
  crsConfirm: 'Gissat utifrån talen: kontrollera att det stämmer.',
  mapping: 'Kolumner',
  mappingFields: { name: 'Namn', y: 'Latitud eller N', x: 'Longitud eller E', timeOfDay: 'Tid på dygnet', reason: 'Orsak', count: 'Antal' } as Record<string, string>,
  noColumn: '(ingen)',
  summary: (valid: number, rejected: number) => `${valid} giltiga, ${rejected} avvisade`,
  rejectedTitle: 'Avvisade rader och objekt',
  rejectedMore: (n: number) => `…och ${n} till`,
  where: 'Var',
  why: 'Varför',
  notes: 'Gjort vid läsningen',
  layer: 'Importera som',
  importButton: (n: number) => `Importera ${svCount(n, 'plats', 'platser')}`,
  imported: (n: number, file: string) => `${svCount(n, 'plats', 'platser')} ${svForm(n, 'importerad', 'importerade')} från ${file}. Ångra med knappen Ångra eller Ctrl+Z.`,
  chooseActivity: 'Välj minst en aktivitet som platserna hör till.',
  another: 'Välj en annan fil',
  nameKey: 'Namn från egenskapen',
  nameKeyNone: '(ingen: platserna får filens namn och nummer)',
  nameKeyGuessed: 'Gissat utifrån egenskapernas namn.',
  nameExamples: (names: string) => `T.ex. ${names}`,
  geometryNames: { Point: 'punkter', LineString: 'linjer', MultiLineString: 'linjer', Polygon: 'ytor', MultiPolygon: 'ytor' } as Record<string, string>,
  and: ' och ',
  locatorLoading: 'Läser in kommungränserna…',
  locatorRequired: 'Kommungränserna saknas, så platsernas kommun kan inte kontrolleras. Inget importerades.',
  advice: {
    locatorUnavailable:
      'Kommungränserna kunde inte läsas in i den här installationen, så det går inte att kontrollera att platserna ligger i Sverige och i vilken kommun. Import är inte möjlig.',
    appExport: (n: number, replaced: number) =>
      `Trygghetskartan-export: ${svCount(n, 'plats behåller sitt lager och sina', 'platser behåller sina lager och')} aktiviteter.${replaced ? ` ${replaced} av dem finns redan och uppdateras (kan ångras).` : ''}`,
    nothingValid: (rejected: number) =>
      rejected ? `Inget i filen kan importeras: alla ${rejected} rader och objekt avvisades.` : 'Inget i filen kan importeras: inga platser hittades.',
    commonReason: (reason: string) => `Vanligaste skälet: ${reason}.`,
    hintCrs: 'Koordinaterna hamnar utanför Sverige. Prova ett annat koordinatsystem ovan, t.ex. SWEREF 99 TM om talen är meter.',
    hintColumns: 'Välj under Kolumner vilka kolumner som innehåller koordinaterna.',
    walkNeedsLine: (n: number) =>
      `Filen har ${svCount(n, 'vägpunkt', 'vägpunkter')} men ingen rutt eller spår. En trygghetsvandring är en linje, så inget kan importeras som trygghetsvandring. Vägpunkterna kan i stället bli punkter i ett annat lager:`,
    layerTakesNone: (layer: string, n: number, types: string, accepted: string) =>
      `Lagret ${layer} tar inget av filens ${n} objekt: de är ${types}, och lagret tar bara ${accepted}. Välj ett lager som passar:`,
    switchTo: (layer: string) => `Importera som ${layer}`,
    someSkipped: (n: number) => `${n} hoppas över:`,
    noneImportable: (n: number) => `Inget kan importeras, alla ${n} hoppas över:`,
    reasonCount: (reason: string, n: number) => `${reason} (${n})`,
    waypointsAsFindings: (n: number) => `${svCount(n, 'vägpunkt blir en iakttagelse', 'vägpunkter blir iakttagelser')} på vandringen, med sin position.`,
    waypointsAsPoints: (n: number, layer: string) =>
      `Filen har bara vägpunkter (${n}) och ingen rutt eller spår, så de importeras som ${layer}. Välj ett annat lager ovan om det passar bättre.`,
    allLeftOut: (n: number) => `${n === 1 ? 'Den enda platsen' : `Alla ${svCount(n, 'plats', 'platser')}`} är bortvald${n === 1 ? '' : 'a'}, så inget importeras.`,
    chooseActivity: 'Välj nedan minst en aktivitet som platserna hör till; utan aktivitet kan inget importeras.',
    attributesTrimmed: 'Vissa egenskaper från filen kortades: högst 50 per plats och 500 tecken per värde.',
  },
  flaggedTitle: (n: number) => svCount(n, 'plats ligger utanför de valda aktiviteternas kommun', 'platser ligger utanför de valda aktiviteternas kommun'),
  flaggedHelp: 'De importeras med den kommun de ligger i. Kryssa för dem som inte ska importeras.',
  leaveOut: (name: string, municipality: string) => `Lämna bort ${name} (${municipality})`,
  leaveOutAll: 'Lämna bort alla',
  flaggedMore: (n: number) => `…och ${n} till; använd Lämna bort alla för att välja bort dem.`,
};
export type ImportStrings = typeof SV;

const EN: ImportStrings = {
  title: 'Import file',
  chooseFile: 'Choose a file (GeoJSON, CSV, KML, GPX or zipped Shapefile)',
  reading: (file) => `Reading ${file}…`,
  progressLabel: 'How far reading has come',
  failed: 'The file could not be imported. Nothing has changed.',
  format: 'Format',
  crs: 'Coordinate system',
  crsNames: crsLabels('en'),
  crsConfirm: 'Guessed from the numbers: check that it is right.',
  mapping: 'Columns',
  mappingFields: { name: 'Name', y: 'Latitude or N', x: 'Longitude or E', timeOfDay: 'Time of day', reason: 'Reason', count: 'Count' },
  noColumn: '(none)',
  summary: (valid, rejected) => `${valid} valid, ${rejected} rejected`,
  rejectedTitle: 'Rejected rows and features',
  rejectedMore: (n) => `…and ${n} more`,
  where: 'Where',
  why: 'Why',
  notes: 'Done while reading',
  layer: 'Import as',
  importButton: (n) => `Import ${enCount(n, 'place', 'places')}`,
  imported: (n, file) => `${enCount(n, 'place', 'places')} imported from ${file}. Undo with the Undo button or Ctrl+Z.`,
  chooseActivity: 'Choose at least one activity the places belong to.',
  another: 'Choose another file',
  nameKey: 'Name from the property',
  nameKeyNone: '(none: places are named after the file and a number)',
  nameKeyGuessed: 'Guessed from the property names.',
  nameExamples: (names) => `E.g. ${names}`,
  geometryNames: { Point: 'points', LineString: 'lines', MultiLineString: 'lines', Polygon: 'areas', MultiPolygon: 'areas' },
  and: ' and ',
  locatorLoading: 'Loading the municipality boundaries…',
  locatorRequired: 'The municipality boundaries are missing, so the places’ municipality cannot be checked. Nothing was imported.',
  advice: {
    locatorUnavailable:
      'The municipality boundaries could not be loaded in this installation, so it cannot be checked that the places lie in Sweden, nor in which municipality. Importing is not possible.',
    appExport: (n, replaced) =>
      `Trygghetskartan export: ${enCount(n, 'place keeps its layer and activities', 'places keep their layers and activities')}.${replaced ? ` ${replaced} of them already exist and are updated (can be undone).` : ''}`,
    nothingValid: (rejected) =>
      rejected ? `Nothing in the file can be imported: all ${rejected} rows and features were rejected.` : 'Nothing in the file can be imported: no places were found.',
    commonReason: (reason) => `Most common reason: ${reason}.`,
    hintCrs: 'The coordinates land outside Sweden. Try another coordinate system above, e.g. SWEREF 99 TM if the numbers are metres.',
    hintColumns: 'Choose under Columns which columns hold the coordinates.',
    walkNeedsLine: (n) =>
      `The file has ${enCount(n, 'waypoint', 'waypoints')} but no route or track. A safety walk is a line, so nothing can be imported as a safety walk. The waypoints can become points of another layer instead:`,
    layerTakesNone: (layer, n, types, accepted) =>
      `The layer ${layer} takes none of the file’s ${n} features: they are ${types}, and the layer only takes ${accepted}. Choose a layer that fits:`,
    switchTo: (layer) => `Import as ${layer}`,
    someSkipped: (n) => `${n} are skipped:`,
    noneImportable: (n) => `Nothing can be imported, all ${n} are skipped:`,
    reasonCount: (reason, n) => `${reason} (${n})`,
    waypointsAsFindings: (n) => `${enCount(n, 'waypoint becomes a finding', 'waypoints become findings')} of the walk, with their position.`,
    waypointsAsPoints: (n, layer) =>
      `The file has only waypoints (${n}) and no route or track, so they are imported as ${layer}. Choose another layer above if that fits better.`,
    allLeftOut: (n) => `${n === 1 ? 'The only place is' : `All ${enCount(n, 'place', 'places')} are`} left out, so nothing is imported.`,
    chooseActivity: 'Choose below at least one activity the places belong to; without one nothing can be imported.',
    attributesTrimmed: 'Some properties from the file were shortened: at most 50 per place and 500 characters per value.',
  },
  flaggedTitle: (n) => enCount(n, 'place lies outside the municipality of the chosen activities', 'places lie outside the municipality of the chosen activities'),
  flaggedHelp: 'They are imported with the municipality they lie in. Tick those that should not be imported.',
  leaveOut: (name, municipality) => `Leave out ${name} (${municipality})`,
  leaveOutAll: 'Leave out all',
  flaggedMore: (n) => `…and ${n} more; use Leave out all to leave them out.`,
};

export const importStrings = (language: Language): ImportStrings => (language === 'en' ? EN : SV);
