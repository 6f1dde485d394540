import type { Currency } from '../../domain/currency';
import type { Dataset, DatasetIndex } from '../../domain/dataset';
import type { PoliceArea } from '../../domain/policeAreas';
import type { PromiseDocument } from '../../domain/promiseDocument';
import { escapeHtml as e, page } from './html';
import { promiseSection, upcomingWalks, walksList } from './pages';
import type { PublicStrings } from './strings';

const ORDER: Record<Currency, number> = { current: 0, upcoming: 1, superseded: 2, expired: 2 };

/**
 * A police area's page (issue 13): the municipalities it serves (each with how we know, where the
 * register says it is inferred), the promises of those municipalities and of documents that name
 * the area, and the upcoming safety walks there. Police officers and citizens who think in police
 * areas, not municipalities, land here.
 */
export function policeAreaPage(
  t: PublicStrings,
  area: PoliceArea,
  documents: readonly PromiseDocument[],
  publishedMunicipalities: ReadonlySet<string>,
  index: DatasetIndex,
  currencyOf: (documentId: string) => Currency,
  dataset: Dataset,
  today: string,
): string {
  const codes = new Set(area.municipalities.map((m) => m.code));
  const own = documents
    .filter((d) => codes.has(d.municipality.code) || d.policeArea === area.name)
    .sort((a, b) => ORDER[currencyOf(a.id)] - ORDER[currencyOf(b.id)] || a.municipality.name.localeCompare(b.municipality.name, 'sv') || b.period.from.localeCompare(a.period.from));
  const municipalities = area.municipalities.map((m) => {
    const name = publishedMunicipalities.has(m.code) ? `<a href="../kommun/${e(m.code)}.html">${e(m.name)}</a>` : `${e(m.name)} <span class="muted">(${e(t.noPublishedPromise)})</span>`;
    return `<li>${name}${m.inferred ? ` <span class="muted">(${e(t.inferredMembership)})</span>` : ''}</li>`;
  });
  const otherPrefix = t.lang === 'sv' ? '../en/' : '../../';
  return page(t, {
    title: area.name,
    otherLanguage: `${otherPrefix}polis/${area.id}.html`,
    body: `<p><a href="../index.html">${e(t.backToAll)}</a></p>
<h1>${e(area.name)}</h1>
<p>${e(area.policeRegion)}</p>
<section aria-labelledby="served"><h2 id="served">${e(t.servedMunicipalities)}</h2>
<ul>${municipalities.join('\n')}</ul>
</section>
<section aria-labelledby="walks"><h2 id="walks">${e(t.walksHeading)}</h2>
${walksList(t, upcomingWalks(dataset, codes, today))}
</section>
${own.map((d) => promiseSection(t, d, currencyOf(d.id), index)).join('\n')}
<p class="muted">${e(t.builtFrom(t.date(today)))}</p>`,
  });
}
