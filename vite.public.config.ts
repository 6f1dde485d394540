// The citizens' site's scripts (issue 13): each src/public/*.entry.ts is one page's script, built
// apart from the team app so a text page loads only its own few kB and the map page alone loads
// MapLibre. Hashed names and a manifest: build:public reads the manifest to link the right files,
// and any CDN may cache them for ever.
import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';

const entries = Object.fromEntries(
  readdirSync('src/public')
    .filter((name) => name.endsWith('.entry.ts'))
    .map((name) => [name.replace(/\.entry\.ts$/, ''), `src/public/${name}`]),
);

export default defineConfig({
  base: './',
  publicDir: false,
  build: {
    target: 'es2022',
    outDir: 'dist-public-assets',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: { input: entries },
  },
});
