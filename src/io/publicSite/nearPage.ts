import { NEAR_RADII } from '../../analysis/publicNear';
import type { FollowStrings } from './followStrings';
import { escapeHtml as e, page } from './html';
import type { MunicipalityList } from './pages';
import type { PublicStrings } from './strings';

/**
 * nara.html: near me. The search form is shown by its script (src/public/near.entry.ts), which
 * reads data/near.json; without script the page offers the municipalities' pages instead.
 */
export function nearPage(t: PublicStrings, f: FollowStrings, municipalities: MunicipalityList, script: string | undefined, root: string, geocoderUrl?: string): string {
  const radii = NEAR_RADII.map((r) => `<option value="${r}"${r === 2000 ? ' selected' : ''}>${r < 1000 ? `${r} m` : `${r / 1000} km`}</option>`).join('');
  const links = municipalities.map(([code, m]) => `<li><a href="kommun/${e(code)}.html">${e(m.name)}</a></li>`).join('\n');
  return page(t, {
    title: f.nearTitle,
    otherLanguage: `${t.lang === 'sv' ? 'en/' : '../'}nara.html`,
    head: script ? `<script type="module" src="${e(root + script)}"></script>` : '',
    body: `<p><a href="index.html">${e(t.backToAll)}</a></p>
<h1>${e(f.nearTitle)}</h1>
<p>${e(f.nearIntro)}</p>
<form id="near-form" class="near-form" hidden data-data="${e(root)}data/near.json" data-lang="${t.lang}"${geocoderUrl ? ` data-geocoder="${e(geocoderUrl)}"` : ''}>
<p><label for="near-query">${e(f.nearSearchLabel)}</label><br>
<input id="near-query" name="q" type="search" autocomplete="off" aria-describedby="near-hint"> <button type="submit">${e(f.nearSearch)}</button></p>
<p id="near-hint" class="muted">${e(f.nearSearchHint)}</p>
<p><label for="near-radius">${e(f.nearRadiusLabel)}</label>
<select id="near-radius" name="radius">${radii}</select>
<button type="button" id="near-position">${e(f.nearPosition)}</button></p>
</form>
<p id="near-status" role="status" aria-live="polite"></p>
<div id="near-output"></div>
<noscript><p>${e(f.nearNoScript)}</p></noscript>
<h2>${e(f.nearAllMunicipalities)}</h2>
<ul class="municipalities">${links}</ul>`,
  });
}
