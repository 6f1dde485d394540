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
  it('src/io, src/analysis and src/map never reach into src/data or src/ui; src/analysis and src/io never into src/map', () => {
    const inner = (file: string) => /^src\/(io|analysis|map)\//.test(file);
    expect(violations((file, spec) => inner(file) && /\.\.\/(data|ui)\//.test(spec))).toEqual([]);
    expect(violations((file, spec) => /^src\/(io|analysis)\//.test(file) && /\.\.\/map\//.test(spec))).toEqual([]);
  });
  it("the citizens' site's scripts (src/public) never reach the team app: no React, no src/data or src/ui", () => {
    expect(violations((file, spec) => file.startsWith('src/public') && (/^(react|dexie)/.test(spec) || /\.\.\/(data|ui)\//.test(spec)))).toEqual([]);
  });
  it('src/data never imports React or the UI', () => {
    expect(violations((file, spec) => file.startsWith('src/data') && (/^react/.test(spec) || /\.\.\/ui\//.test(spec)))).toEqual([]);
  });
  it('one door for writes: the UI writes only through src/data/store, never the history functions or a database of its own', () => {
    expect(violations((file, spec) => file.startsWith('src/ui') && /data\/(history|backupStore)$/.test(spec) && !/ChangeRejected|readHistoryState|readBackupContent/.test(readFileSync(file, 'utf8')))).toEqual([]);
    const writes = files.filter((file) => !file.startsWith('src/data') && /\.(bulkPut|bulkAdd|bulkDelete)\(|new TrygghetsDatabase\(/.test(readFileSync(file, 'utf8')));
    expect(writes).toEqual([]);
    expect(files.filter((file) => file.startsWith('src/ui') && /\b(perform|undo|redo|restoreBackup)\(getDatabase\(\)/.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
  it('one copy of the sensitive-place rule: only src/domain/rules decides what is sensitive', () => {
    expect(files.filter((file) => !file.startsWith('src/domain/rules') && /\.sensitive\s*\|\|/.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
  it('never renders text as HTML', () => {
    expect(files.filter((file) => /dangerouslySetInnerHTML|\.innerHTML\s*=/.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
});
