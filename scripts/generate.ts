/**
 * npm run generate -- --answers N --seed S [--area four|sweden] [--out FILE] [--crs 4326|3006]
 *
 * Writes a synthetic survey (SYNTETISKA enkätsvar, see scripts/generate-answers.ts) as CSV the
 * answer importer reads: the same file for the same arguments, on any machine.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import proj4 from 'proj4';
import { crsDefinition } from '../src/io/crsRegistry';
import { GENERATOR_AREAS, syntheticFileName, writeAnswersCsv, type GeneratorArea } from './generate-answers';

const usage = 'npm run generate -- --answers N --seed S [--area four|sweden] [--out FILE] [--crs 4326|3006]';

function fail(message: string): never {
  console.error(`generate: ${message}\n${usage}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    answers: { type: 'string' },
    seed: { type: 'string', default: '1' },
    area: { type: 'string', default: 'four' },
    out: { type: 'string' },
    crs: { type: 'string', default: '4326' },
  },
  strict: true,
});

const answers = Number(values.answers);
const seed = Number(values.seed);
if (!values.answers || !Number.isInteger(answers) || answers < 1) fail('--answers måste vara ett positivt heltal');
if (!Number.isInteger(seed)) fail('--seed måste vara ett heltal');
if (!GENERATOR_AREAS.includes(values.area as GeneratorArea)) fail(`--area måste vara ${GENERATOR_AREAS.join(' eller ')}`);
if (values.crs !== '4326' && values.crs !== '3006') fail('--crs måste vara 4326 (lon/lat) eller 3006 (SWEREF 99 TM)');

const options = { answers, seed, area: values.area as GeneratorArea };
const out = resolve(values.out ?? syntheticFileName(options));
// One converter for the whole file (PERFORMANCE.md: proj4 per point re-parses both definitions).
const toSweref = values.crs === '3006' ? proj4(crsDefinition('EPSG:4326').proj4, crsDefinition('EPSG:3006').proj4) : null;

const started = performance.now();
const fd = openSync(out, 'w');
try {
  writeAnswersCsv(options, (text) => writeSync(fd, text), toSweref ? (p) => toSweref.forward(p) : undefined);
} finally {
  closeSync(fd);
}
console.log(`${answers} syntetiska enkätsvar (${options.area}, frö ${seed}) → ${out} på ${Math.round(performance.now() - started)} ms`);
