import { err, ok, type Result } from '../domain/result';
import { text, type Text } from '../domain/text';
import type { ImportFailure } from './importTypes';
import { inflateBounded } from './inflateBounded';
import { entryData, zipEntries, type ZipEntry } from './zipEntries';
import { checkDeclaredSizes, entryLabel, largerThanDeclared } from './zipLimits';

/** One shapefile in the zip: the inflated bytes of its parts (the .shx is not needed to read it). */
export interface ShapefileLayer {
  /** The path without extension, e.g. "data/platser". */
  base: string;
  shp: Uint8Array;
  dbf: Uint8Array | null;
  prj: string | null;
  cpg: string | null;
}

const PARTS = ['.shp', '.dbf', '.prj', '.cpg'] as const;
type Part = (typeof PARTS)[number];

const unreadable = (message: Text): ImportFailure => ({ code: 'unreadable', message });

/** The layers' entries, by base name; macOS resource forks (__MACOSX/, ._x.shp) are not layers. */
function groupLayers(entries: readonly ZipEntry[]): Map<string, Partial<Record<Part, ZipEntry>>> {
  const layers = new Map<string, Partial<Record<Part, ZipEntry>>>();
  for (const entry of entries) {
    const fileName = entry.name.slice(entry.name.lastIndexOf('/') + 1);
    if (entry.name.includes('__MACOSX') || fileName.startsWith('._')) continue;
    const part = PARTS.find((p) => entry.name.toLowerCase().endsWith(p));
    if (!part) continue;
    const base = entry.name.slice(0, -part.length);
    layers.set(base, { ...layers.get(base), [part]: entry });
  }
  return layers;
}

/**
 * Unpacks only what the shapefiles need, within limits: judged first by the sizes the zip
 * declares, then byte by byte while inflating. onProgress gets the share inflated, 0..1.
 */
export async function readShapefileZip(bytes: Uint8Array, onProgress?: (fraction: number) => void): Promise<Result<ShapefileLayer[], ImportFailure>> {
  const entries = zipEntries(bytes);
  if (!entries) return err(unreadable(text('Zip-filen kunde inte läsas; den kan vara avkortad eller skadad.', 'The zip file could not be read; it may be cut short or damaged.')));
  const groups = [...groupLayers(entries)].filter(([, parts]) => parts['.shp']);
  if (groups.length === 0) {
    return err({
      code: 'zip-without-shp',
      message: text('Zip-filen innehåller ingen shapefil (.shp). Packa .shp, .shx, .dbf och .prj tillsammans.', 'The zip file contains no shapefile (.shp). Pack .shp, .shx, .dbf and .prj together.'),
    });
  }
  const needed = groups.flatMap(([, parts]) => PARTS.flatMap((p) => (parts[p] ? [parts[p]] : [])));
  const refused = checkDeclaredSizes(needed);
  if (refused) return err(refused);

  const total = Math.max(1, needed.reduce((sum, e) => sum + e.uncompressedSize, 0));
  let done = 0;
  let reported = 0;
  const inflated = new Map<ZipEntry, Uint8Array>();
  for (const entry of needed) {
    const data = entryData(bytes, entry);
    if (!data) {
      const name = entryLabel(entry);
      return err(unreadable(text(`${name} i zip-filen kunde inte läsas; zip-filen kan vara avkortad eller skadad.`, `${name} in the zip file could not be read; the zip file may be cut short or damaged.`)));
    }
    const result = await inflateBounded(data, entry.method, entry.uncompressedSize, (n) => {
      // Every 2 % is enough to show movement without flooding the worker's message channel.
      const fraction = (done + n) / total;
      if (fraction - reported >= 0.02) onProgress?.((reported = fraction));
    });
    if (!result.ok) {
      if (result.error === 'larger-than-declared') return err(largerThanDeclared(entry));
      if (result.error === 'unavailable')
        return err(
          unreadable(
            text('Webbläsaren kan inte packa upp zip-filer (DecompressionStream saknas). Prova en nyare webbläsare.', 'The browser cannot unpack zip files (DecompressionStream is missing). Try a newer browser.'),
          ),
        );
      const name = entryLabel(entry);
      return err(unreadable(text(`${name} i zip-filen är skadad och kunde inte packas upp.`, `${name} in the zip file is damaged and could not be unpacked.`)));
    }
    inflated.set(entry, result.value);
    done += entry.uncompressedSize;
  }
  onProgress?.(1);

  const asText = (entry: ZipEntry | undefined) => (entry ? new TextDecoder().decode(inflated.get(entry)) : null);
  return ok(
    groups.map(([base, parts]) => ({
      base,
      shp: inflated.get(parts['.shp']!)!,
      dbf: parts['.dbf'] ? inflated.get(parts['.dbf'])! : null,
      prj: asText(parts['.prj']),
      cpg: asText(parts['.cpg']),
    })),
  );
}
