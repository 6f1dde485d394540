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
const mb = (bytes: number) => `${Math.round(bytes / MB).toLocaleString('sv-SE')} MB`;
const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('sv-SE')} kB`;

const tooLarge = (message: string): ImportFailure => ({ code: 'zip-too-large', message });
/** An entry's name as messages show it: names in a zip can be up to 64 kB long. */
export const entryLabel = (entry: ZipEntry) => (entry.name.length > 120 ? `${entry.name.slice(0, 117)}…` : entry.name);

/** Judges the entries to be inflated by what the central directory declares, before inflating any. */
export function checkDeclaredSizes(entries: readonly ZipEntry[]): ImportFailure | null {
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > ZIP_LIMITS.totalBytes) {
    return tooLarge(
      `Shapefilen i zip-filen skulle packas upp till ${mb(total)}; största tillåtna är ${mb(ZIP_LIMITS.totalBytes)}. ` +
        'Dela upp lagret eller exportera bara det område som behövs.',
    );
  }
  for (const e of entries) {
    if (e.flags & 1) {
      return { code: 'unreadable', message: `${entryLabel(e)} i zip-filen är krypterad (lösenordsskyddad). Packa filerna utan lösenord och försök igen.` };
    }
    if (e.method !== 0 && e.method !== 8) {
      return {
        code: 'unreadable',
        message: `${entryLabel(e)} i zip-filen är packad med en komprimeringsmetod som appen inte kan läsa (metod ${e.method}). Packa om med vanlig zip (Deflate).`,
      };
    }
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > ZIP_LIMITS.ratioFromBytes && ratio > ZIP_LIMITS.maxRatio) {
      return tooLarge(
        `${entryLabel(e)} i zip-filen är komprimerad ${Math.round(ratio).toLocaleString('sv-SE')}:1 (${mb(e.uncompressedSize)} ur ${kb(e.compressedSize)}). ` +
          `Mer än ${ZIP_LIMITS.maxRatio}:1 är typiskt för en zip-bomb, så filen packades inte upp.`,
      );
    }
  }
  return null;
}

/** For an entry that turned out larger than declared: the zip lies, so nothing of it is trusted. */
export function largerThanDeclared(entry: ZipEntry): ImportFailure {
  return tooLarge(
    `${entryLabel(entry)} i zip-filen packas upp till mer än de ${entry.uncompressedSize.toLocaleString('sv-SE')} byte som zip-filen anger. ` +
      'Filen är skadad eller gjord för att få program att krascha, så den lästes inte.',
  );
}
