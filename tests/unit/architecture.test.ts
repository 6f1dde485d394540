import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);

describe('architecture: imports point one way', () => {
  const files = sourceFiles('src');
  const violations = (test: (file: string, spec: string) => boolean) =>
    files.flatMap((file) => importsOf(file).filter((spec) => test(file, spec)).map((spec) => `${file} → ${spec}`));

  it('src/domain imports nothing of React, MapLibre, Dexie or our other folders', () => {
    expect(
      violations((file, spec) => file.startsWith('src/domain') && (/^(react|maplibre-gl|dexie)/.test(spec) || /\.\.\/(data|io|analysis|map|ui)\//.test(spec))),
    ).toEqual([]);
  });
  it('only src/map imports maplibre-gl, only src/data imports dexie, only src/ui imports React', () => {
    expect(violations((file, spec) => spec.startsWith('maplibre-gl') && !file.startsWith('src/map'))).toEqual([]);
    expect(violations((file, spec) => spec === 'dexie' && !file.startsWith('src/data'))).toEqual([]);
    expect(violations((file, spec) => /^react(-dom)?(\/|$)/.test(spec) && !file.startsWith('src/ui') && file !== 'src/main.tsx')).toEqual([]);
  });
  it('never renders text as HTML', () => {
    expect(files.filter((file) => /dangerouslySetInnerHTML|\.innerHTML\s*=/.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
});
