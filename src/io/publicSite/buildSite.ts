import { documentStandings } from '../../domain/currency';
import { indexDataset, type Dataset } from '../../domain/dataset';
import { MIN_PUBLIC_K, PUBLIC_RESOLUTION, publicCells } from '../../analysis/publicCells';
import type { BackupAnswerSet } from '../backupAnswers';
import { policeAreaOfMunicipality, type PoliceAreaRegister } from '../../domain/policeAreas';
import { policeAreaPage } from './policeAreaPages';
import { indexPage, municipalityPage, type MunicipalityList } from './pages';
import { EN, SV } from './strings';

/** One file of the citizens' site: a path relative to the site's root, and its text or bytes. */
export interface PublicFile {
  path: string;
  content: string | Uint8Array;
}

/** The data a public site is built from: a backup's content (any version the app restores). */
export type PublicSource = Dataset & { answerSets?: readonly BackupAnswerSet[] };

/**
 * The citizens' site (issue 13) as plain files from the team's data: a page per municipality with
 * its promises, their activities, status and dated history ("vi lovade / vi gjorde") and the
 * upcoming safety walks, in Swedish and English; the survey answers only as counts per H3 cell
 * (publicCells.ts). Built from what may be public only: no author of a status entry, no single
 * answer, no edit history.
 * Every link is relative, so the site works from any sub-path of any host.
 */
export interface PublicSiteOptions {
  /** Least answers a published cell stands for (at least MIN_PUBLIC_K). */
  k?: number;
  /** Only the privacy test's deliberately leaky build. */
  allowUnsafeK?: boolean;
  /** The site's scripts: entry name (src/public/<name>.entry.ts) → its file relative to the site's root. */
  scripts?: Readonly<Record<string, string>>;
  /** The register of police areas (data/police-areas.json): a page per area the data has promises for. */
  policeAreas?: PoliceAreaRegister;
}

export function buildPublicSite(dataset: PublicSource, today: string, options: PublicSiteOptions = {}): PublicFile[] {
  const index = indexDataset(dataset);
  const standings = documentStandings(dataset.documents, today);
  const byCode = new Map<string, MunicipalityList[number][1]>();
  for (const document of dataset.documents) {
    const m = byCode.get(document.municipality.code) ?? { name: document.municipality.name, documents: [] };
    m.documents.push(document);
    byCode.set(document.municipality.code, m);
  }
  const municipalities: MunicipalityList = [...byCode].sort((a, b) => a[1].name.localeCompare(b[1].name, 'sv'));
  const currencyOf = (id: string) => standings.get(id)?.currency ?? 'expired';
  const files: PublicFile[] = [];
  // The survey answers only as cells (publicCells.ts): the map reads this file.
  const answers = (dataset.answerSets ?? []).map((set) => ({ count: set.columns.count, lon: new Float64Array(set.columns.lon), lat: new Float64Array(set.columns.lat) }));
  files.push({ path: 'data/answer-cells.json', content: JSON.stringify(publicCells(answers, options.k ?? MIN_PUBLIC_K, PUBLIC_RESOLUTION, options.allowUnsafeK)) });
  // A police area gets a page when it serves a municipality with promises or a document names it.
  const register = options.policeAreas;
  const areas = (register?.areas ?? []).filter((a) => a.municipalities.some((m) => byCode.has(m.code)) || dataset.documents.some((d) => d.policeArea === a.name));
  for (const [strings, prefix] of [[SV, ''], [EN, 'en/']] as const) {
    files.push({ path: `${prefix}index.html`, content: indexPage(strings, municipalities, today, areas) });
    for (const [code, m] of municipalities)
      files.push({ path: `${prefix}kommun/${code}.html`, content: municipalityPage(strings, code, m.name, m.documents, index, currencyOf, dataset, today, register && policeAreaOfMunicipality(register, code)) });
    for (const area of areas)
      files.push({ path: `${prefix}polis/${area.id}.html`, content: policeAreaPage(strings, area, dataset.documents, new Set(byCode.keys()), index, currencyOf, dataset, today) });
  }
  return files;
}
