#!/usr/bin/env node
// npm run bench [-- <vitest bench filters/options>]
//
// Runs the unit benchmarks (tests/bench/*.bench.ts) with vitest, its tables streamed through as
// they come, then ends with ONE JSON line: every benchmark's median in milliseconds, keyed
// "<group> / <bench>" (slugs of the describe and bench names), and under "ratios" each bench
// against its group's naive way (the bench whose name starts with "naive:"): naive median / its
// median, so 12 means twelve times faster than the naive way. Run it alone (flock /tmp/heavy.lock):
// two cores shared with a build halve every number. Exits non-zero when vitest fails.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAIVE = /^naive\s*:/i;

/** Short, stable keys: lower case, no diacritics, 100000 → 100k, asides in parentheses dropped unless asked. */
function slug(text, keepAsides = false) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, (aside) => (keepAsides ? aside : ' '))
    .replace(/\d[\d_]*/g, (n) => compactNumber(Number(n.replaceAll('_', ''))))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function compactNumber(n) {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}m`;
  if (n >= 1_000 && n % 1_000 === 0) return `${n / 1_000}k`;
  return String(n);
}

/** Three significant figures, at most three decimals: 1234.5678 → 1235, 12.345 → 12.3, 0.012345 → 0.0123. */
function round(x) {
  if (!Number.isFinite(x)) return null;
  if (x === 0) return 0;
  const digits = Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(Math.abs(x)))));
  return Number(x.toFixed(digits));
}

/** The benchmark's median: vitest's own, or from its samples when those were kept. */
function medianOf(benchmark) {
  if (typeof benchmark.median === 'number') return benchmark.median;
  const samples = [...(benchmark.samples ?? [])].sort((a, b) => a - b);
  if (!samples.length) return NaN;
  const m = samples.length >> 1;
  return samples.length % 2 ? samples[m] : (samples[m - 1] + samples[m]) / 2;
}

/** {figures, ratios} from vitest's --outputJson report. */
function summarise(report) {
  const figures = {};
  const ratios = {};
  // Two benches whose names differ only in an aside keep it; a true duplicate gets a number.
  const taken = new Set();
  const unique = (key, fallback) => {
    let k = taken.has(key) ? fallback : key;
    for (let i = 2; taken.has(k); i++) k = `${fallback}-${i}`;
    taken.add(k);
    return k;
  };
  for (const file of report.files ?? []) {
    const fileSlug = slug(file.filepath.split('/').pop().replace(/\.bench\.[cm]?[jt]sx?$/, ''));
    for (const group of file.groups ?? []) {
      // fullName is "<file> > <describe> > <describe>": the describes name the group.
      const parts = group.fullName.split(' > ');
      const groupName = parts.length > 1 ? parts.slice(1).join(' ') : parts[0];
      const groupSlug = slug(groupName) || fileSlug;
      const entries = group.benchmarks.map((b) => {
        const key = unique(`${groupSlug} / ${slug(b.name)}`, `${groupSlug} / ${slug(b.name, true)}`);
        return { key, name: b.name, median: medianOf(b), naive: NAIVE.test(b.name) };
      });
      for (const e of entries) figures[e.key] = round(e.median);
      const naive = entries.filter((e) => e.naive);
      if (naive.length > 1) console.error(`bench: group "${groupName}" has ${naive.length} naive benches; ratios use the first`);
      if (!naive.length) continue;
      for (const e of entries) if (!e.naive) ratios[e.key] = round(naive[0].median / e.median);
    }
  }
  return { figures, ratios };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const out = join(dir, 'bench.json');
  try {
    const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
    const args = [vitest, 'bench', '--run', '--project', 'unit', '--outputJson', out, ...process.argv.slice(2)];
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } });
      child.on('error', (error) => {
        console.error(error);
        resolve(1);
      });
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
    let report = null;
    try {
      report = JSON.parse(readFileSync(out, 'utf8'));
    } catch (error) {
      console.error(`bench: no report from vitest (${error.message})`);
    }
    if (report) {
      const { figures, ratios } = summarise(report);
      process.stdout.write(`${JSON.stringify({ ...figures, ratios })}\n`);
    }
    process.exitCode = code !== 0 ? code : report ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
