import { escapeHtml as e, page } from './html';
import { PUBLIC_MAP_COLOURS, type PublicMapData, type PublicPlace } from './mapLayers';
import type { PublicStrings } from './strings';

/** Where the archive sits in the site, relative to its root. */
export const ARCHIVE_PATH = 'data/trygghet.pmtiles';

/**
 * karta.html: the map (MapLibre and the pmtiles protocol, loaded by this page's script only) and,
 * for a browser without WebGL and for screen readers, every fact of the map as a plain list:
 * per municipality its watch areas, walks and speed-checked streets, and the answer cells as
 * counts of areas. `root` leads from the page to the site's root ('' or '../').
 */
export function mapPage(t: PublicStrings, data: PublicMapData, root: string, script: string | undefined, today: string, hasReportForm = false): string {
  const m = t.map;
  const swatch = (layer: keyof typeof PUBLIC_MAP_COLOURS) => `<span class="swatch swatch-${layer}" style="background:${PUBLIC_MAP_COLOURS[layer]}" aria-hidden="true"></span>`;
  const legend = (['cells', 'watch', 'walks', 'speed'] as const).map((l) => `<li>${swatch(l)} ${e(m.layers[l])}</li>`).join('\n');
  const byMunicipality = new Map<string, PublicPlace[]>();
  for (const p of data.places) byMunicipality.set(p.municipality, [...(byMunicipality.get(p.municipality) ?? []), p]);
  const municipalities = [...byMunicipality].map(([name, places]) => {
    const group = (layer: PublicPlace['layer']) => {
      const items = places.filter((p) => p.layer === layer).map((p) => `<li>${e(p.name)}${p.status ? ` <span class="muted">(${e(m.walkStatus[p.status as 'planned'] ?? p.status)})</span>` : ''}</li>`);
      return `<h4>${e(m.layers[layer])}</h4>\n${items.length ? `<ul class="places places-${layer}">${items.join('\n')}</ul>` : `<p class="muted">${e(m.none)}</p>`}`;
    };
    return `<section class="municipality-places"><h3>${e(name)}</h3>\n${group('watch')}\n${group('walks')}\n${group('speed')}\n</section>`;
  });
  const counts = new Map<number, number>();
  for (const [, count] of data.cells.cells) counts.set(count, (counts.get(count) ?? 0) + 1);
  const cellItems = [...counts].sort((a, b) => b[0] - a[0]).map(([count, n]) => `<li>${e(m.cellsByCount(n, count))}</li>`);
  const cells = data.cells.cells.length
    ? `<p class="cells-summary">${e(m.cellsSummary(data.cells.cells.length, data.cells.k))}</p>\n<ul class="cells">${cellItems.join('\n')}</ul>`
    : `<p>${e(m.noCells)}</p>`;
  return page(t, {
    title: m.title,
    otherLanguage: (t.lang === 'sv' ? 'en/' : '../') + 'karta.html',
    body: `<p><a href="index.html">${e(t.backToAll)}</a></p>
<h1>${e(m.title)}</h1>
<p>${e(m.intro)}</p>
<div id="map" class="map" role="region" aria-label="${e(m.mapLabel)}" data-archive="${e(root + ARCHIVE_PATH)}" data-k="${data.cells.k}" data-lang="${t.lang}"></div>
<p id="map-status" class="muted" role="status">${e(script ? m.loading : m.noMap)}</p>
<p hidden id="map-no-webgl">${e(m.noMap)}</p>
<p class="muted" id="map-click-help">${e(hasReportForm ? m.clickHelpReport : m.clickHelp)}</p>
<!-- Filled by the map's script after a click: where to go from the clicked point (near me, the report form). -->
<div id="map-click" aria-live="polite" data-near="${e(m.nearHere)}" data-report="${hasReportForm ? e(m.reportHere) : ''}"></div>
<section aria-labelledby="legend"><h2 id="legend">${e(m.legendHeading)}</h2>
<ul class="legend">${legend}</ul>
<p class="muted">${e(m.cellsNote(data.cells.k))}</p>
</section>
<section aria-labelledby="map-list"><h2 id="map-list">${e(m.listHeading)}</h2>
<h3>${e(m.cellsHeading)}</h3>
${cells}
${municipalities.join('\n')}
</section>
<p class="muted">${e(t.builtFrom(t.date(today)))}</p>
${script ? `<script type="module" src="${e(root + script)}"></script>` : ''}`,
  });
}
