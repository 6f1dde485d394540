import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { answerAt } from '../../src/analysis/answers/columns';
import { SWEDEN_BOUNDS } from '../../src/domain/surveyAnswer';
import { MUNICIPALITY_BOUNDS, generateAnswerColumns, generateAnswers, syntheticFileName, writeAnswersCsv } from '../../scripts/generate-answers';
import { SHARED } from './sharedFiles';

const csvOf = (answers: number, seed: number, area: 'four' | 'sweden') => {
  const parts: string[] = [];
  writeAnswersCsv({ answers, seed, area }, (t) => parts.push(t));
  return parts.join('');
};

/** Share of answers in the busiest `share` of occupied H3 res-9 cells (about 0.1 km² each). */
function concentration(lons: Float64Array, lats: Float64Array, share: number): number {
  const cells = new Map<string, number>();
  for (let i = 0; i < lons.length; i++) {
    const h3 = latLngToCell(lats[i]!, lons[i]!, 9);
    cells.set(h3, (cells.get(h3) ?? 0) + 1);
  }
  const counts = [...cells.values()].sort((a, b) => b - a);
  const top = counts.slice(0, Math.ceil(counts.length * share)).reduce((a, b) => a + b, 0);
  return top / lons.length;
}

describe('synthetic survey generator', () => {
  it('is deterministic for a seed, and a different seed gives different answers', () => {
    expect(csvOf(5000, 17, 'four')).toBe(csvOf(5000, 17, 'four'));
    expect(csvOf(5000, 17, 'four')).not.toBe(csvOf(5000, 18, 'four'));
    const columns = generateAnswerColumns({ answers: 500, seed: 3, area: 'sweden' });
    expect(Array.from({ length: 500 }, (_, i) => answerAt(columns, i))).toEqual(generateAnswers({ answers: 500, seed: 3, area: 'sweden' }));
  });

  it('names itself synthetic: every survey and the file name', () => {
    const columns = generateAnswerColumns({ answers: 2000, seed: 1, area: 'four' });
    expect(columns.surveys.every((s) => s.startsWith('SYNTETISK '))).toBe(true);
    expect(syntheticFileName({ answers: 2000, seed: 1, area: 'four' })).toMatch(/^syntetiska-enkatsvar-four-2000-seed1\.csv$/);
  });

  it('four: the four municipalities, 15 % in Nordmaling, every answer inside its bounding box', () => {
    const columns = generateAnswerColumns({ answers: 20_000, seed: 2, area: 'four' });
    const inBox = (i: number, [w, s, e, n]: readonly number[]) => columns.lon[i]! >= w! && columns.lon[i]! <= e! && columns.lat[i]! >= s! && columns.lat[i]! <= n!;
    let nordmaling = 0;
    for (let i = 0; i < columns.count; i++) {
      expect(Object.values(MUNICIPALITY_BOUNDS).some((b) => inBox(i, b))).toBe(true);
      if (inBox(i, MUNICIPALITY_BOUNDS['2401'])) nordmaling++;
    }
    expect(nordmaling / columns.count).toBeGreaterThan(0.13);
    expect(nordmaling / columns.count).toBeLessThan(0.17);
  });

  it('clusters in hot spots: the busiest 5 % of cells hold far more than 5 % of answers', () => {
    for (const area of ['four', 'sweden'] as const) {
      const columns = generateAnswerColumns({ answers: 30_000, seed: 8, area });
      expect(concentration(columns.lon, columns.lat, 0.05), area).toBeGreaterThan(0.4);
    }
  });

  it('sweden: inside Sweden, weighted to population (Stockholm the most, Kiruna some)', () => {
    const columns = generateAnswerColumns({ answers: 20_000, seed: 4, area: 'sweden' });
    const near = (lon: number, lat: number) => {
      let n = 0;
      for (let i = 0; i < columns.count; i++) if (Math.abs(columns.lon[i]! - lon) < 0.3 && Math.abs(columns.lat[i]! - lat) < 0.15) n++;
      return n;
    };
    for (let i = 0; i < columns.count; i++) {
      expect(columns.lon[i]! >= SWEDEN_BOUNDS.west && columns.lon[i]! <= SWEDEN_BOUNDS.east && columns.lat[i]! >= SWEDEN_BOUNDS.south && columns.lat[i]! <= SWEDEN_BOUNDS.north).toBe(true);
    }
    expect(near(18.07, 59.33)).toBeGreaterThan(near(11.97, 57.71));
    expect(near(20.23, 67.86)).toBeGreaterThan(0);
  });

  const geodata = join(SHARED, 'geodata', 'swedish_municipalities.geojson');
  it.skipIf(!existsSync(geodata))('four: its boxes are the geodata’s, and nearly every answer lies in its municipality polygon', () => {
    const features = (JSON.parse(readFileSync(geodata, 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, { id: string }>).features;
    const columns = generateAnswerColumns({ answers: 10_000, seed: 6, area: 'four' });
    for (const [code, bounds] of Object.entries(MUNICIPALITY_BOUNDS)) {
      const feature = features.find((f) => f.properties.id === code)!;
      const flat = (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates).flat(2);
      const box = [Math.min(...flat.map((p) => p[0]!)), Math.min(...flat.map((p) => p[1]!)), Math.max(...flat.map((p) => p[0]!)), Math.max(...flat.map((p) => p[1]!))];
      box.forEach((v, k) => expect(Math.abs(v - bounds[k]!), code).toBeLessThan(1e-4));
    }
    const four = features.filter((f) => f.properties.id in MUNICIPALITY_BOUNDS);
    let inside = 0;
    for (let i = 0; i < columns.count; i++) if (four.some((f) => booleanPointInPolygon([columns.lon[i]!, columns.lat[i]!], f))) inside++;
    // The polygons are strongly simplified; "roughly on land" is what the generator promises.
    expect(inside / columns.count).toBeGreaterThan(0.95);
  });

  it('npm run generate writes the same file twice for the same arguments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'generate-'));
    try {
      const run = (out: string) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate.ts', '--answers', '1500', '--seed', '5', '--area', 'sweden', '--out', out], { encoding: 'utf8' });
      const a = run(join(dir, 'a.csv'));
      expect(a.status, a.stderr).toBe(0);
      run(join(dir, 'b.csv'));
      const text = readFileSync(join(dir, 'a.csv'), 'utf8');
      expect(text).toBe(readFileSync(join(dir, 'b.csv'), 'utf8'));
      expect(text).toBe(csvOf(1500, 5, 'sweden'));
      expect(spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate.ts', '--answers', 'x'], { encoding: 'utf8' }).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
