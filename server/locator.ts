import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { municipalityLocatorFromJson } from '../src/domain/places/municipalityAreas';
import type { MunicipalityLocator } from '../src/domain/places/municipalityLocator';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BASEMAP_DIR = join(ROOT, 'public', 'basemap');

/**
 * The same municipality polygons the browser checks places against (written by
 * scripts/build-geodata.mjs), so "inside Sweden" and "which municipality" mean the same on both
 * sides. Null when the build has no geodata: the rules that need it then say so.
 */
export function loadMunicipalityLocator(dir: string = BASEMAP_DIR, log: (line: string) => void = console.warn): MunicipalityLocator | null {
  const municipalities = join(dir, 'municipalities.geojson');
  const regions = join(dir, 'regions.geojson');
  if (!existsSync(municipalities) && dir === BASEMAP_DIR) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-geodata.mjs')], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  }
  if (!existsSync(municipalities)) {
    log(`No municipality polygons in ${dir}: the server cannot tell which municipality a place lies in.`);
    return null;
  }
  const read = (file: string): unknown => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
  const locator = municipalityLocatorFromJson(read(municipalities), read(regions));
  if (!locator) log(`${municipalities} is not what scripts/build-geodata.mjs writes: the server runs without a municipality locator.`);
  return locator;
}
