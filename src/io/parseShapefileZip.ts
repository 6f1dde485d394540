import shp from 'shpjs';
import { err, ok, type Result } from '../domain/result';
import { buildCandidates, reprojectionNote, type RawFeature } from './buildCandidates';
import { crsFromRanges, forEachPosition, makeToWgs84, PositionSampler, userChosenCrs } from './crs';
import type { CrsDetection, ImportFailure, ImportOptions, ParsedImport } from './importTypes';
import { ImportNotes } from './sanitize';
import { zipEntryNames } from './zipEntries';

const isLayerFile = (name: string, ext: string) => name.toLowerCase().endsWith(ext) && !name.includes('__MACOSX');

export async function parseShapefileZip(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<Result<ParsedImport, ImportFailure>> {
  const names = zipEntryNames(bytes);
  if (!names) return err({ code: 'unreadable', message: 'Zip-filen kunde inte läsas; den kan vara avkortad eller skadad.' });
  if (!names.some((n) => isLayerFile(n, '.shp'))) {
    return err({ code: 'zip-without-shp', message: 'Zip-filen innehåller ingen shapefil (.shp). Packa .shp, .shx, .dbf och .prj tillsammans.' });
  }
  const hasPrj = names.some((n) => isLayerFile(n, '.prj'));
  const notes = new ImportNotes();
  if (!names.some((n) => isLayerFile(n, '.dbf'))) notes.add('zip-filen saknar .dbf: objekten får inga egenskaper');
  options.onProgress?.(0.1);

  let layers;
  try {
    const parsed = await shp(bytes);
    layers = Array.isArray(parsed) ? parsed : [parsed];
  } catch (e) {
    const detail = e instanceof Error ? ` (${e.message.slice(0, 120)})` : '';
    return err({ code: 'unreadable', message: `Shapefilen i zip-filen kunde inte läsas${detail}.` });
  }
  options.onProgress?.(0.5);
  if (layers.length > 1) notes.add(`zip-filen innehöll ${layers.length} lager; alla lästes in`);
  const features: RawFeature[] = layers.flatMap((layer) =>
    (layer.features ?? []).map((f) => ({ geometry: f.geometry, properties: f.properties, id: f.id })),
  );
  if (features.length === 0) return err({ code: 'no-features', message: 'Shapefilen innehåller inga objekt.' });

  // shpjs reprojects with the .prj; if proj4 could not read it the numbers stay in metres, so
  // the ranges decide whether we still have to convert.
  const sampler = new PositionSampler();
  for (const f of features) forEachPosition((f.geometry as { coordinates?: unknown } | null)?.coordinates, sampler.add);
  const fromRanges = crsFromRanges(sampler.samples);
  let crs: CrsDetection;
  if (hasPrj && fromRanges.crs === 'EPSG:4326') {
    crs = { crs: 'EPSG:4326', reason: '.prj i zip-filen', confident: true };
    if (options.crs === 'EPSG:3006') notes.add('.prj-filen användes; valet EPSG:3006 ignorerades');
  } else {
    if (hasPrj) notes.add('.prj-filen kunde inte tolkas; koordinatsystemet gissades');
    crs = options.crs ? userChosenCrs(options.crs) : fromRanges;
  }
  if (hasPrj && crs.reason === '.prj i zip-filen') notes.add('omräknat till WGS 84 enligt .prj-filen');
  const note = reprojectionNote(crs.crs);
  if (note) notes.add(note);

  const { candidates, rejected } = buildCandidates(features, {
    convert: makeToWgs84(crs.crs),
    notes,
    label: (n) => `objekt ${n}`,
    progress: (f) => options.onProgress?.(0.5 + 0.5 * f),
  });
  return ok({ format: 'shapefile', fileName, crs, candidates, rejected, notes: notes.list() });
}
