import { text, type Text } from '../domain/text';
import type { ImportFailure } from './importTypes';
import type { ZipEntry } from './zipEntries';

/**
 * How much a zip may unpack to. The whole import is held in memory (and parsed, and reprojected),
 * so the limit is the same 200 MB as for a file itself. A ratio above 100:1 is what zip bombs have
 * and real shapefiles do not; tiny entries (an empty .dbf) may compress well, so only entries over
 * 1 MB are judged by it.
 */
export const ZIP_LIMITS = { totalBytes: 200 * 1024 * 1024, maxRatio: 100, ratioFromBytes: 1024 * 1024 } as const;

const MB = 1024 * 1024;
const LOCALES = { sv: 'sv-SE', en: 'en-GB' } as const;
const mb = (bytes: number, l: keyof typeof LOCALES) => `${Math.round(bytes / MB).toLocaleString(LOCALES[l])} MB`;
const kb = (bytes: number, l: keyof typeof LOCALES) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(LOCALES[l])} kB`;

const tooLarge = (message: Text): ImportFailure => ({ code: 'zip-too-large', message });
/** An entry's name as messages show it: names in a zip can be up to 64 kB long. */
export const entryLabel = (entry: ZipEntry) => (entry.name.length > 120 ? `${entry.name.slice(0, 117)}…` : entry.name);

/** Judges the entries to be inflated by what the central directory declares, before inflating any. */
export function checkDeclaredSizes(entries: readonly ZipEntry[]): ImportFailure | null {
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > ZIP_LIMITS.totalBytes) {
    return tooLarge(
      text(
        `Shapefilen i zip-filen skulle packas upp till ${mb(total, 'sv')}; största tillåtna är ${mb(ZIP_LIMITS.totalBytes, 'sv')}. Dela upp lagret eller exportera bara det område som behövs.`,
        `The shapefile in the zip file would unpack to ${mb(total, 'en')}; the largest allowed is ${mb(ZIP_LIMITS.totalBytes, 'en')}. Split the layer or export only the area that is needed.`,
      ),
    );
  }
  for (const e of entries) {
    const name = entryLabel(e);
    if (e.flags & 1) {
      return {
        code: 'unreadable',
        message: text(
          `${name} i zip-filen är krypterad (lösenordsskyddad). Packa filerna utan lösenord och försök igen.`,
          `${name} in the zip file is encrypted (password protected). Pack the files without a password and try again.`,
        ),
      };
    }
    if (e.method !== 0 && e.method !== 8) {
      return {
        code: 'unreadable',
        message: text(
          `${name} i zip-filen är packad med en komprimeringsmetod som appen inte kan läsa (metod ${e.method}). Packa om med vanlig zip (Deflate).`,
          `${name} in the zip file is packed with a compression method the app cannot read (method ${e.method}). Pack it again with plain zip (Deflate).`,
        ),
      };
    }
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > ZIP_LIMITS.ratioFromBytes && ratio > ZIP_LIMITS.maxRatio) {
      const r = Math.round(ratio);
      return tooLarge(
        text(
          `${name} i zip-filen är komprimerad ${r.toLocaleString('sv-SE')}:1 (${mb(e.uncompressedSize, 'sv')} ur ${kb(e.compressedSize, 'sv')}). ` +
            `Mer än ${ZIP_LIMITS.maxRatio}:1 är typiskt för en zip-bomb, så filen packades inte upp.`,
          `${name} in the zip file is compressed ${r.toLocaleString('en-GB')}:1 (${mb(e.uncompressedSize, 'en')} from ${kb(e.compressedSize, 'en')}). ` +
            `More than ${ZIP_LIMITS.maxRatio}:1 is typical of a zip bomb, so the file was not unpacked.`,
        ),
      );
    }
  }
  return null;
}

/** For an entry that turned out larger than declared: the zip lies, so nothing of it is trusted. */
export function largerThanDeclared(entry: ZipEntry): ImportFailure {
  const name = entryLabel(entry);
  return tooLarge(
    text(
      `${name} i zip-filen packas upp till mer än de ${entry.uncompressedSize.toLocaleString('sv-SE')} byte som zip-filen anger. ` +
        'Filen är skadad eller gjord för att få program att krascha, så den lästes inte.',
      `${name} in the zip file unpacks to more than the ${entry.uncompressedSize.toLocaleString('en-GB')} bytes the zip file declares. ` +
        'The file is damaged or made to crash programs, so it was not read.',
    ),
  );
}
