import { text, type Text } from '../domain/text';

/**
 * Words several importers share (places and survey answers alike), in both languages. The
 * message is picked when it is shown, so a preview read in Swedish reads in English after a switch.
 */

/** A CSV row by its file line, as the user finds it in Excel. */
export const rowLabel = (line: number): Text => text(`rad ${line}`, `row ${line}`);
/** A GeoJSON or shapefile feature by its number in the file. */
export const featureLabel = (n: number): Text => text(`objekt ${n}`, `feature ${n}`);

/** The CSV note that asks for the coordinate columns; the advice looks for it to point at the column choice. */
export const CHOOSE_COLUMNS_NOTE = text('välj vilka kolumner som innehåller koordinaterna', 'choose which columns hold the coordinates');

export const reprojectedNote = (crs: string): Text => text(`omräknat från ${crs} till WGS 84`, `converted from ${crs} to WGS 84`);
export const DECIMAL_COMMA_NOTE = text('decimalkomma tolkat (t.ex. 59,3105 = 59.3105)', 'decimal commas read as decimal points (e.g. 59,3105 = 59.3105)');

export const EMPTY_FILE = text('Filen är tom.', 'The file is empty.');
export const CANCELLED = text('Importen avbröts.', 'The import was cancelled.');
export const NOT_JSON = text('Filen är inte giltig JSON.', 'The file is not valid JSON.');

/** "Filen är 240 MB": whole megabytes, as each language writes the number. */
export function fileTooLarge(bytes: number, limitMb: number): Text {
  const mb = Math.round(bytes / 1024 / 1024);
  return text(
    `Filen är ${mb.toLocaleString('sv-SE')} MB; största tillåtna storlek är ${limitMb} MB.`,
    `The file is ${mb.toLocaleString('en-GB')} MB; the largest allowed size is ${limitMb} MB.`,
  );
}

/** A column named by its header, missing in a row: "lat saknas" / "lat missing". */
export const missingCell = (header: string): Text => text(`${header} saknas`, `${header} missing`);
/** A value the file has, shown as it is written there: the same in both languages. */
export const cellValue = (header: string, value: string): Text => text(`${header} = ${value}`, `${header} = ${value}`);
