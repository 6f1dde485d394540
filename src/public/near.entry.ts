// Near me (issue 13): search data/near.json by place name or the browser's position, nearest first.
// No map library: a text page's script.
import { findPlaces, formatDistance, inMunicipality, isExactMatch, nearestBeyond, NEAR_RADII, withinRadius, type GazetteerPlace, type LonLat, type NearFile, type RankedItem } from '../analysis/publicNear';
import { followStrings } from '../io/publicSite/followStrings';

const form = document.querySelector<HTMLFormElement>('#near-form');
const query = document.querySelector<HTMLInputElement>('#near-query');
const radiusSelect = document.querySelector<HTMLSelectElement>('#near-radius');
const positionButton = document.querySelector<HTMLButtonElement>('#near-position');
const status = document.querySelector<HTMLElement>('#near-status');
const output = document.querySelector<HTMLElement>('#near-output');

if (form && query && radiusSelect && positionButton && status && output) {
  const f = followStrings(form.dataset.lang ?? document.documentElement.lang);
  const lang = f.lang;
  const root = (form.dataset.data ?? 'data/near.json').replace(/data\/near\.json$/, '');
  let data: NearFile | null = null;
  const say = (text: string) => (status.textContent = text);
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  };
  const radiusText = (m: number) => (m < 1000 ? `${m} m` : `${(m / 1000).toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB')} km`);
  const municipalityName = (code: string) => data?.municipalities[code]?.name ?? code;
  const pageLink = (code: string | null): HTMLElement => {
    const m = code ? data?.municipalities[code] : undefined;
    return m?.page ? el('a', f.nearMunicipalityPage(m.name), { href: `kommun/${code}.html` }) : el('a', f.nearAllMunicipalities, { href: 'index.html' });
  };

  let lists = 0;
  const list = (heading: string, ranked: readonly RankedItem[]) => {
    const id = `near-list-${++lists}`;
    const section = el('section', undefined, { 'aria-labelledby': id });
    section.append(el('h2', heading, { id }));
    const ol = el('ol', undefined, { class: 'near-results' });
    for (const { item, distanceMetres } of ranked) {
      const li = el('li');
      li.append(el('h3', item.name));
      li.append(el('p', `${f.nearKinds[item.kind]} · ${f.nearDistance(formatDistance(distanceMetres, lang))} · ${municipalityName(item.municipality)}`));
      if (item.kind === 'walk') {
        if (item.date) li.append(el('p', f.nearWalkWhen(f.date(item.date), item.time ?? null)));
        if (item.meetingPoint) li.append(el('p', f.nearMeetingPoint(item.meetingPoint)));
      }
      for (const a of item.activities) li.append(el('p', `${a.title}: ${f.status[a.status]} (${a.date ? f.nearLatest(f.date(a.date)) : f.nearNoEntry})`));
      const m = data?.municipalities[item.municipality];
      if (m?.page) {
        const p = el('p');
        p.append(el('a', f.nearMunicipalityPage(m.name), { href: `kommun/${item.municipality}.html` }));
        li.append(p);
      }
      ol.append(li);
    }
    section.append(ol);
    return section;
  };

  const searchAround = (point: LonLat, label: string, code: string | null) => {
    if (!data) return;
    const radius = Number(radiusSelect.value);
    const found = withinRadius(data.items, point, radius);
    output.replaceChildren();
    if (found.length) {
      say(f.nearFound(found.length, radiusText(radius), label));
      output.append(list(f.nearResultsHeading, found));
      return;
    }
    const beyond = nearestBeyond(data.items, point, radius);
    const largest = radius >= NEAR_RADII[NEAR_RADII.length - 1]!;
    say(`${f.nearNoneWithin(radiusText(radius), label)}${largest ? ` ${f.nearLargestChosen}` : ''}`);
    const next = el('p');
    if (!largest) {
      const wider = NEAR_RADII.find((r) => r > radius)!;
      const button = el('button', f.nearLargerRadius(radiusText(wider)), { type: 'button' });
      button.addEventListener('click', () => {
        radiusSelect.value = String(wider);
        searchAround(point, label, code);
      });
      next.append(button, ' ');
    }
    // The next step is always there: the place's municipality page (or the nearest thing's), else all municipalities.
    next.append(pageLink(code ?? beyond[0]?.item.municipality ?? null));
    output.append(next);
    if (beyond.length) output.append(list(f.nearBeyondHeading, beyond));
  };

  const show = (place: GazetteerPlace) => {
    if (!data) return;
    query.value = place.name;
    if (place.kind === 'municipality') {
      // A municipality covers the municipality: all its things, whatever the radius.
      const all = inMunicipality(data.items, place);
      output.replaceChildren();
      const next = el('p');
      next.append(pageLink(place.code));
      if (all.length) {
        say(f.nearMunicipality(all.length, place.name));
        output.append(next, list(f.nearResultsHeading, all));
      } else {
        const beyond = nearestBeyond(data.items, place.point, 0);
        say(f.nearMunicipalityEmpty(place.name));
        output.append(next);
        if (beyond.length) output.append(list(f.nearBeyondHeading, beyond));
      }
      return;
    }
    searchAround(place.point, place.name, place.code);
  };

  const search = () => {
    if (!data) return say(f.nearLoadFailed);
    const text = query.value.trim();
    if (!text) return say(f.nearEmptyQuery);
    const matches = findPlaces(data.gazetteer, text);
    output.replaceChildren();
    if (!matches.length) return form.dataset.geocoder ? void searchOnline(form.dataset.geocoder, text) : say(f.nearNoPlace(text));
    if (matches.length === 1 || isExactMatch(matches[0]!, text)) return show(matches[0]!);
    say(f.nearChoose);
    const ul = el('ul', undefined, { class: 'near-choices', 'aria-label': f.nearChoose });
    for (const place of matches) {
      const li = el('li');
      const button = el('button', `${place.name} (${f.nearKinds[place.kind]}${place.kind === 'locality' && place.code ? `, ${municipalityName(place.code)}` : ''})`, { type: 'button' });
      button.addEventListener('click', () => show(place));
      li.append(button);
      ul.append(li);
    }
    output.append(ul);
  };

  // The deployment's online geocoder, only when the offline list knows no such place; its answer is text, never markup.
  const searchOnline = async (template: string, text: string) => {
    try {
      const response = await fetch(template.replace('{q}', encodeURIComponent(text)));
      const answer = (response.ok ? await response.json() : null) as unknown;
      const first = Array.isArray(answer) ? (answer[0] as { lat?: unknown; lon?: unknown; display_name?: unknown } | undefined) : undefined;
      const point: LonLat = [Number(first?.lon), Number(first?.lat)];
      if (!first || !point.every(Number.isFinite)) return say(f.nearOnlineFailed(text));
      const label = `${String(first.display_name ?? text).slice(0, 200)} (${f.nearOnline})`;
      searchAround(point, label, null);
    } catch {
      say(f.nearOnlineFailed(text));
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  radiusSelect.addEventListener('change', () => {
    if (query.value.trim()) search();
  });
  positionButton.addEventListener('click', () => {
    if (!('geolocation' in navigator)) return say(f.nearPositionUnsupported);
    say(f.nearLocating);
    navigator.geolocation.getCurrentPosition(
      (position) => searchAround([position.coords.longitude, position.coords.latitude], f.nearYourPosition, null),
      (error) => say(error.code === error.PERMISSION_DENIED ? f.nearPositionDenied : error.code === error.TIMEOUT ? f.nearPositionTimeout : f.nearPositionUnavailable),
      { timeout: 15_000, maximumAge: 60_000 },
    );
  });
  fetch(`${root}data/near.json`)
    .then((r) => (r.ok ? (r.json() as Promise<NearFile>) : Promise.reject(new Error(String(r.status)))))
    .then((file) => {
      data = file;
      form.hidden = false;
      const params = new URLSearchParams(location.search);
      // From the map page: a clicked point (?punkt=lon,lat).
      const clicked = pointParam(params.get('punkt'));
      if (clicked) return searchAround(clicked, f.nearChosenPoint, null);
      const q = params.get('q');
      if (q) {
        query.value = q;
        search();
      }
    })
    .catch(() => say(f.nearLoadFailed));
}

/** "lon,lat" inside Sweden's box, or null. */
function pointParam(value: string | null): LonLat | null {
  const [lon, lat] = (value ?? '').split(',').map(Number);
  return lon !== undefined && lat !== undefined && lon > 10 && lon < 25 && lat > 55 && lat < 70 ? [lon, lat] : null;
}
