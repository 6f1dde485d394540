// karta.html's script (issue 13): the only page that loads MapLibre and the pmtiles protocol.
// The page already lists every fact of the map; this draws them. Texts come from the page itself.
import { createPublicMap } from '../map/publicMap';
import { PUBLIC_MAP_COLOURS } from '../io/publicSite/mapLayers';

const container = document.getElementById('map');
const status = document.getElementById('map-status');
const noWebGl = document.getElementById('map-no-webgl');
if (container) {
  const archiveUrl = new URL(container.dataset.archive ?? 'data/trygghet.pmtiles', document.baseURI).href;
  const k = Number(container.dataset.k ?? 5);
  const failed = () => {
    container.hidden = true;
    if (status) status.textContent = noWebGl?.textContent ?? '';
  };
  createPublicMap(container, { archiveUrl, colours: PUBLIC_MAP_COLOURS, k, attribution: 'Trygghetskartan' })
    .then((map) => {
      if (!map) return failed();
      // For the browser tests: the map, to ask what it drew.
      (window as unknown as { trygghetMap?: unknown }).trygghetMap = map;
      map.on('load', () => {
        if (status) status.textContent = '';
        container.dataset.loaded = 'true';
      });
      map.on('error', (event) => console.error(event.error));
      // A click on the map leads on from that point: what is near it, and (with a server) the report form.
      const next = document.getElementById('map-click');
      if (next)
        map.on('click', (event) => {
          const point = `${event.lngLat.lng.toFixed(5)},${event.lngLat.lat.toFixed(5)}`;
          const link = (href: string, text: string) => {
            const a = document.createElement('a');
            a.href = `${href}?punkt=${point}`;
            a.textContent = text;
            const p = document.createElement('p');
            p.append(a);
            return p;
          };
          next.replaceChildren(link('nara.html', next.dataset.near ?? ''), ...(next.dataset.report ? [link('rapportera.html', next.dataset.report)] : []));
        });
    })
    .catch(failed);
}
