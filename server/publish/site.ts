/**
 * Building and writing the citizens' site (issue 13), shared by `npm run build:public` and the team
 * server's Publish: checked as a visitor would read it before anything is written, then written to
 * a new folder beside the target and moved into place only when complete, so a refused or failed
 * build leaves the site that was there.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildPublicSite, type PublicFile, type PublicSiteOptions, type PublicSource } from '../../src/io/publicSite/buildSite';
import { privacyProblems, privateFactsOf, type BinaryDecoder } from '../../src/io/publicSite/privacyCheck';
import { MIN_PUBLIC_K } from '../../src/analysis/publicCells';
import { shippedPoliceAreas } from '../../src/data/policeAreas';
import { readPublicAssets, type PublicAssets } from './assets';
import { loadGazetteer } from './gazetteer';
import { pmtilesDecoder } from '../../src/io/publicSite/tileDecoder';

/** Decoders of the site's binary files for the privacy check (the tile archive). */
export const siteDecoders: BinaryDecoder[] = [pmtilesDecoder];

export type CheckedSite = { ok: true; files: PublicFile[] } | { ok: false; problems: string[] };

/** The site with its scripts (assets.ts) linked and copied in, checked whole. */
export function checkedSite(source: PublicSource, today: string, options: Omit<PublicSiteOptions, 'scripts'> = {}, assets: PublicAssets = readPublicAssets()): CheckedSite {
  const files = [...buildPublicSite(source, today, { policeAreas: shippedPoliceAreas(), gazetteer: loadGazetteer(), ...options, scripts: assets.entries }), ...assets.files];
  const problems = privacyProblems(files, privateFactsOf(source, options.k ?? MIN_PUBLIC_K), siteDecoders);
  return problems.length ? { ok: false, problems } : { ok: true, files };
}

export function writeSiteAtomically(files: readonly PublicFile[], target: string): void {
  const out = resolve(target);
  const building = `${out}.building-${process.pid}-${Date.now()}`;
  rmSync(building, { recursive: true, force: true });
  try {
    for (const file of files) {
      const path = join(building, file.path);
      // Paths come from our own build, but a path that climbs out of the folder is refused all the same.
      if (!path.startsWith(building + '/')) throw new Error(`${file.path} ligger utanför sajten`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
  // Old site aside, new one in, old one gone: at no moment is there a half-written site at `out`.
  const old = `${out}.old-${process.pid}-${Date.now()}`;
  let hadOld = false;
  try {
    renameSync(out, old);
    hadOld = true;
  } catch {
    // No site there yet.
  }
  renameSync(building, out);
  if (hadOld) rmSync(old, { recursive: true, force: true });
}
