/**
 * npm run build:public -- --from FILE [--out DIR] [--k N] [--server URL]
 *
 * The citizens' site (issue 13) as plain files from a backup of the app (any version the app
 * restores): dist-public/ by default, served by any web host or CDN, from any sub-path. Written to
 * a new folder first and moved into place only when complete: a refused file leaves the old site.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { swedishToday } from '../src/domain/currency';
import { parseBackup } from '../src/io/backup';
import { MIN_PUBLIC_K } from '../src/analysis/publicCells';
import { checkedSite, writeSiteAtomically } from '../server/publish/site';

const usage = 'npm run build:public -- --from FILE [--out DIR] [--k N] [--server URL] [--geocoder URL-WITH-{q}]';
function fail(message: string): never {
  console.error(`build:public: ${message}\n${usage}`);
  process.exit(2);
}

let values: { from?: string; out?: string; k?: string; server?: string; geocoder?: string };
try {
  ({ values } = parseArgs({ options: { from: { type: 'string' }, out: { type: 'string', default: 'dist-public' }, k: { type: 'string', default: String(MIN_PUBLIC_K) }, server: { type: 'string' }, geocoder: { type: 'string' } }, strict: true }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (!values.from) fail('--from saknas: ange säkerhetskopian (JSON) som sajten ska byggas från.');
let text: string;
try {
  text = readFileSync(resolve(values.from), 'utf8');
} catch {
  fail(`Filen ${values.from} kunde inte läsas.`);
}
const parsed = parseBackup(text);
if (!parsed.ok) fail(parsed.error.sv);
const k = Number(values.k);
if (!Number.isInteger(k) || k < MIN_PUBLIC_K) fail(`--k måste vara ett heltal, minst ${MIN_PUBLIC_K} (en cell visas bara om minst så många svar ligger där).`);

const started = Date.now();
// --server: the team server that takes citizens' reports; the site gets the report form (rapportera.html).
if (values.server !== undefined && !/^https?:\/\/[^\s/]+/.test(values.server)) fail(`--server måste vara serverns adress, t.ex. https://karta.example.se, inte "${values.server}".`);
if (values.geocoder !== undefined && !/^https?:\/\/\S+\{q\}/.test(values.geocoder)) fail(`--geocoder måste vara en adress med {q} där sökordet ska stå, t.ex. https://nominatim.example/search?format=json&q={q}, inte "${values.geocoder}".`);
const site = checkedSite(parsed.value, swedishToday(), { k, ...(values.server ? { reportUrl: values.server } : {}), ...(values.geocoder ? { geocoderUrl: values.geocoder } : {}) });
// Checked as a visitor would read it before anything is written: a leak refuses the whole build.
if (!site.ok) {
  console.error(`build:public: sajten publicerades inte, den skulle röja uppgifter:\n${site.problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(3);
}
const out = resolve(values.out ?? 'dist-public');
writeSiteAtomically(site.files, out);
console.log(`build:public: ${site.files.length} filer i ${out} på ${Date.now() - started} ms.`);
