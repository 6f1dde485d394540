import { parseDbf, parseShp } from 'shpjs';
import { err, ok, type Result } from '../domain/result';
import { text } from '../domain/text';
import { buildCandidates, reprojectionNote, type RawFeature } from './buildCandidates';
import { forEachPosition, makeToWgs84, PositionSampler, reprojectGeometry } from './crs';
import { detectCrs, type CrsChoice } from './declaredCrs';
import type { ImportFailure, ImportOptions, ParsedImport } from './importTypes';
import { readShapefileZip, type ShapefileLayer } from './readShapefileZip';
import { featureLabel } from './importText';
import { ImportNotes } from './sanitize';

export async function parseShapefileZip(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<Result<ParsedImport, ImportFailure>> {
  const read = await readShapefileZip(bytes, (f) => options.onProgress?.(0.05 + 0.4 * f));
  if (!read.ok) return read;
  const layers = read.value;
  const notes = new ImportNotes();
  if (layers.length > 1) notes.add(text(`zip-filen innehöll ${layers.length} lager; alla lästes in`, `the zip file held ${layers.length} layers; all were read`));

  // Each layer's .prj decides its own system; shpjs is given none, so the registry does all the
  // reprojection and a .prj it does not know refuses the file instead of leaving metres as degrees.
  const parsed: { features: RawFeature[]; choice: CrsChoice }[] = [];
  for (const [i, layer] of layers.entries()) {
    const features = parseLayer(layer);
    if (!features.ok) return features;
    if (!layer.dbf) notes.add(text('zip-filen saknar .dbf: objekten får inga egenskaper', 'the zip file has no .dbf: the features get no properties'));
    const declares = Boolean(layer.prj?.trim());
    const choice = detectCrs({ prj: layer.prj, samples: declares ? [] : samplePositions(features.value) }, options.crs);
    if (!choice.ok) return choice;
    choice.value.notes.forEach((n) => notes.add(n));
    parsed.push({ features: features.value, choice: choice.value });
    options.onProgress?.(0.45 + (0.05 * (i + 1)) / layers.length);
  }
  if (parsed.every((p) => p.features.length === 0)) return err({ code: 'no-features', message: text('Shapefilen innehåller inga objekt.', 'The shapefile contains no features.') });

  const systems = [...new Set(parsed.map((p) => p.choice.crs.crs))];
  for (const crs of systems) {
    const note = reprojectionNote(crs);
    if (note) notes.add(note);
  }
  let features: RawFeature[];
  let convert = makeToWgs84(systems[0]!);
  if (systems.length === 1) features = parsed.flatMap((p) => p.features);
  else {
    // Rare: layers in different systems are converted layer by layer before validation.
    notes.add(text(`lagren har olika koordinatsystem (${systems.join(', ')}); vart och ett räknades om från sitt eget`, `the layers have different coordinate systems (${systems.join(', ')}); each was converted from its own`));
    features = parsed.flatMap((p) => {
      const toWgs84 = makeToWgs84(p.choice.crs.crs);
      return p.features.map((f) => ({ ...f, geometry: reprojectGeometry(f.geometry, toWgs84) }));
    });
    convert = (p) => p;
  }

  const { candidates, rejected } = buildCandidates(features, {
    convert,
    notes,
    label: featureLabel,
    progress: (f) => options.onProgress?.(0.5 + 0.5 * f),
  });
  const crs = parsed[0]!.choice.crs;
  const crsDeclared = parsed.every((p) => p.choice.declared);
  return ok({ format: 'shapefile', fileName, crs, crsDeclared, candidates, rejected, notes: notes.list() });
}

function parseLayer(layer: ShapefileLayer): Result<RawFeature[], ImportFailure> {
  try {
    const geometries = parseShp(layer.shp);
    const records = layer.dbf ? parseDbf(layer.dbf, layer.cpg?.trim() || undefined) : [];
    return ok(geometries.map((geometry, i) => ({ geometry, properties: records[i] ?? {} })));
  } catch (e) {
    const detail = e instanceof Error ? ` (${e.message.slice(0, 120)})` : '';
    return err({ code: 'unreadable', message: text(`Shapefilen ${layer.base}.shp i zip-filen kunde inte läsas${detail}.`, `The shapefile ${layer.base}.shp in the zip file could not be read${detail}.`) });
  }
}

function samplePositions(features: readonly RawFeature[]): [number, number][] {
  const sampler = new PositionSampler();
  for (const f of features) forEachPosition((f.geometry as { coordinates?: unknown } | null)?.coordinates, sampler.add);
  return sampler.samples;
}
