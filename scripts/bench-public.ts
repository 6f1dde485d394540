/**
 * npm run bench:public [-- --answers 1000000 --runs 3]
 *
 * The citizens' map at national scale (issue 13): 1 000 000 synthetic answers across Sweden
 * (scripts/generate-answers.ts, area "sweden") and the shipped data, built into the PMTiles archive
 * as build:public does (publicCells → publicMapData → publicTileArchive), and then read back by the
 * privacy check (every tile decoded, every answer compared). Medians of `runs` runs; ends with one
 * JSON line (ms, MB). Run it alone (flock /tmp/heavy.lock): the machine has two cores.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MIN_PUBLIC_K, PUBLIC_RESOLUTION, publicCells } from '../src/analysis/publicCells';
import { publicMapData } from '../src/io/publicSite/mapLayers';
import { ARCHIVE_PATH } from '../src/io/publicSite/mapPage';
import { archiveTiles } from '../src/io/publicSite/pmtilesArchive';
import { privacyProblems, privateFactsOf } from '../src/io/publicSite/privacyCheck';
import { pmtilesDecoder } from '../src/io/publicSite/tileDecoder';
import { publicTileArchive } from '../src/io/publicSite/tiles';
import { readShippedDataset } from '../server/store/seed';
import { generateAnswerColumns } from './generate-answers';

const { values } = parseArgs({ options: { answers: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' }, seed: { type: 'string', default: '20261202' } } });
const ANSWERS = Number(values.answers);
const RUNS = Math.max(1, Number(values.runs));
const shipped = readShippedDataset(resolve(import.meta.dirname, '../data'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs: { cellsMs: number; tilesMs: number; buildMs: number; checkMs: number; archiveMB: number; tiles: number; cells: number; problems: number }[] = [];
for (let run = 0; run < RUNS; run++) {
  const answers = generateAnswerColumns({ answers: ANSWERS, seed: Number(values.seed) + run, area: 'sweden' });
  const set = { count: answers.count, lon: answers.lon, lat: answers.lat };
  const t0 = performance.now();
  const cells = publicCells([set], MIN_PUBLIC_K, PUBLIC_RESOLUTION);
  const t1 = performance.now();
  const archive = publicTileArchive(publicMapData(shipped, cells).layers);
  const t2 = performance.now();
  const facts = { ...privateFactsOf({ ...shipped, statusEntries: [] }, MIN_PUBLIC_K), answers: [set] };
  const problems = privacyProblems([{ path: ARCHIVE_PATH, content: archive }], facts, [pmtilesDecoder]);
  const t3 = performance.now();
  const figures = { cellsMs: t1 - t0, tilesMs: t2 - t1, buildMs: t2 - t0, checkMs: t3 - t2, archiveMB: archive.length / 1e6, tiles: archiveTiles(archive).length, cells: cells.cells.length, problems: problems.length };
  runs.push(figures);
  console.log(`run ${run + 1}: ${ANSWERS} answers → ${figures.cells} cells, ${figures.tiles} tiles, ${figures.archiveMB.toFixed(2)} MB; cells ${figures.cellsMs.toFixed(0)} ms, tiles ${figures.tilesMs.toFixed(0)} ms, privacy check ${figures.checkMs.toFixed(0)} ms${problems.length ? `; PROBLEMS: ${problems.slice(0, 3).join(' | ')}` : ''}`);
}
const pick = (key: keyof (typeof runs)[number]) => Math.round(median(runs.map((r) => r[key])) * 100) / 100;
console.log(JSON.stringify({ answers: ANSWERS, runs: RUNS, cells: pick('cells'), tiles: pick('tiles'), cellsMs: pick('cellsMs'), tilesMs: pick('tilesMs'), archiveBuildMs: pick('buildMs'), privacyCheckMs: pick('checkMs'), archiveMB: pick('archiveMB'), problems: Math.max(...runs.map((r) => r.problems)) }));
