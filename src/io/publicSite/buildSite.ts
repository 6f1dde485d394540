import { documentStandings } from '../../domain/currency';
import { indexDataset, type Dataset } from '../../domain/dataset';
import { MIN_PUBLIC_K, PUBLIC_RESOLUTION, publicCells } from '../../analysis/publicCells';
import type { BackupAnswerSet } from '../backupAnswers';
import { policeAreaOfMunicipality, type PoliceAreaRegister } from '../../domain/policeAreas';
import { policeAreaPage } from './policeAreaPages';
import { indexPage, municipalityPage, type MunicipalityList } from './pages';
import { EN, SV } from './strings';
import { FOLLOW_EN, FOLLOW_SV } from './followStrings';
import { atomFeed, municipalityEvents, sinceSection } from './feed';
import { nearData, type GazetteerSource } from './nearData';
import { nearPage } from './nearPage';
import { reportPage, reportStrings } from './reportPage';
import { escapeHtml } from './html';
import { ARCHIVE_PATH, mapPage } from './mapPage';
import { publicMapData } from './mapLayers';
import { publicTileArchive } from './tiles';

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
  /** The team server's public address: the site gets the citizens' report form (rapportera.html), which posts there; absent: no form. */
  reportUrl?: string;
  /**
   * An online geocoder for near me, as in the app's config.json (a URL with {q}, answering
   * Nominatim's JSON: lat, lon, display_name): asked only when the offline list has no match.
   */
  geocoderUrl?: string;
  /** Municipalities and localities for near me's search (server/publish/gazetteer.ts). */
  gazetteer?: GazetteerSource;
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
  const cells = publicCells(answers, options.k ?? MIN_PUBLIC_K, PUBLIC_RESOLUTION, options.allowUnsafeK);
  files.push({ path: 'data/answer-cells.json', content: JSON.stringify(cells) });
  // The map's four layers as one PMTiles archive (tiles.ts), read by karta.html through the pmtiles protocol.
  const mapData = publicMapData(dataset, cells);
  files.push({ path: ARCHIVE_PATH, content: publicTileArchive(mapData.layers) });
  // A police area gets a page when it serves a municipality with promises or a document names it.
  const register = options.policeAreas;
  const areas = (register?.areas ?? []).filter((a) => a.municipalities.some((m) => byCode.has(m.code)) || dataset.documents.some((d) => d.policeArea === a.name));
  // Near me (nearData.ts) reads this file; feeds and "nytt sedan" (feed.ts) per municipality.
  files.push({ path: 'data/near.json', content: JSON.stringify(nearData(dataset, index, currencyOf, today, options.gazetteer)) });
  const events = new Map(municipalities.map(([code]) => [code, municipalityEvents(dataset, index, code, today)]));
  for (const [strings, prefix] of [[SV, ''], [EN, 'en/']] as const) {
    const follow = strings.lang === 'sv' ? FOLLOW_SV : FOLLOW_EN;
    const root = prefix ? '../' : '';
    files.push({ path: `${prefix}nara.html`, content: nearPage(strings, follow, municipalities, options.scripts?.near, root, options.geocoderUrl) });
    // The report form only where a server takes the reports (done-means 8): without one it is not shown, nor linked.
    if (options.reportUrl) files.push({ path: `${prefix}rapportera.html`, content: reportPage(strings, municipalities, options.reportUrl, options.scripts?.report, root) });
    for (const [code, m] of municipalities) {
      files.push({ path: `${prefix}kommun/${code}.atom`, content: atomFeed(strings, follow, code, m.name, events.get(code) ?? [], today) });
    }
    const followOf = (code: string, name: string) => ({
      head: `<link rel="alternate" type="application/atom+xml" href="${escapeHtml(code)}.atom" title="${escapeHtml(follow.feedTitle(name))}">\n${options.scripts?.since ? `<script type="module" src="../${root}${escapeHtml(options.scripts.since)}"></script>\n` : ''}`,
      section: sinceSection(strings, follow, code, events.get(code) ?? []),
      links: `<p><a href="../nara.html">${escapeHtml(follow.nearLink)}</a> · <a href="${escapeHtml(code)}.atom" type="application/atom+xml">${escapeHtml(follow.feedLink)}</a></p>`,
    });
    const reportLink = options.reportUrl ? `<p><a href="rapportera.html">${escapeHtml(reportStrings(strings.lang).link)}</a></p>` : '';
    files.push({ path: `${prefix}index.html`, content: indexPage(strings, municipalities, today, areas, reportLink) });
    files.push({ path: `${prefix}karta.html`, content: mapPage(strings, mapData, prefix ? '../' : '', options.scripts?.map, today, !!options.reportUrl) });
    for (const [code, m] of municipalities)
      files.push({ path: `${prefix}kommun/${code}.html`, content: municipalityPage(strings, code, m.name, m.documents, index, currencyOf, dataset, today, register && policeAreaOfMunicipality(register, code), followOf(code, m.name)) });
    for (const area of areas)
      files.push({ path: `${prefix}polis/${area.id}.html`, content: policeAreaPage(strings, area, dataset.documents, new Set(byCode.keys()), index, currencyOf, dataset, today) });
  }
  return files;
}
