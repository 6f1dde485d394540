/**
 * The citizens' site's scripts as built by `vite build -c vite.public.config.ts` (src/public/*.entry.ts):
 * the files to copy into the site and, per entry, the file a page links to. Built here when the
 * folder is missing (a checkout that has not run `npm run build`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { PublicFile } from '../../src/io/publicSite/buildSite';

export interface PublicAssets {
  files: PublicFile[];
  /** Entry name (map, near, report…) → its script, relative to the site's root. */
  entries: Record<string, string>;
}

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'dist-public-assets');

function entryNames(): string[] {
  const dir = join(ROOT, 'src/public');
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.entry.ts')) : [];
}

export function buildPublicAssets(): void {
  if (!entryNames().length) return;
  execFileSync('npx', ['vite', 'build', '-c', 'vite.public.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

export function readPublicAssets(): PublicAssets {
  const manifestPath = join(OUT, '.vite/manifest.json');
  if (entryNames().length && !existsSync(manifestPath)) buildPublicAssets();
  if (!existsSync(manifestPath)) return { files: [], entries: {} };
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { file: string; isEntry?: boolean; name?: string; src?: string }>;
  const entries: Record<string, string> = {};
  for (const chunk of Object.values(manifest)) if (chunk.isEntry && chunk.src) entries[chunk.src.replace(/^src\/public\//, '').replace(/\.entry\.ts$/, '')] = chunk.file;
  const files: PublicFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === '.vite') continue;
      if (statSync(path).isDirectory()) walk(path);
      // Scripts and styles are text, so the privacy check reads them as a visitor's browser does.
      else files.push({ path: relative(OUT, path), content: /\.(m?js|css|map)$/.test(name) ? readFileSync(path, 'utf8') : new Uint8Array(readFileSync(path)) });
    }
  };
  walk(OUT);
  return { files, entries };
}
