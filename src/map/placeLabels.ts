import { Marker, type Map as MapLibreMap } from 'maplibre-gl';

export interface PlaceLabels {
  destroy(): void;
}

const MIN_ZOOM_BY_KIND: Record<string, number> = { city: 6, town: 8, locality: 9.5, suburb: 11 };

/**
 * Place names as small DOM labels. The offline style has no glyph server (no request may leave the
 * machine), so symbol layers cannot draw text; ~70 labels are cheap as markers. They are
 * decorative for orientation and hidden from assistive technology.
 */
export function createPlaceLabels(map: MapLibreMap, url: string): PlaceLabels {
  const markers: { marker: Marker; minZoom: number }[] = [];
  let destroyed = false;
  const update = () => {
    const zoom = map.getZoom();
    for (const { marker, minZoom } of markers) marker.getElement().style.display = zoom >= minZoom ? '' : 'none';
  };
  fetch(url)
    .then((r) => (r.ok ? (r.json() as Promise<GeoJSON.FeatureCollection>) : null))
    .then((collection) => {
      if (destroyed || !collection) return;
      for (const feature of collection.features) {
        if (feature.geometry.type !== 'Point') continue;
        const element = document.createElement('div');
        element.className = 'place-label';
        element.setAttribute('aria-hidden', 'true');
        element.textContent = String(feature.properties?.name ?? '');
        const marker = new Marker({ element, anchor: 'center' }).setLngLat(feature.geometry.coordinates as [number, number]).addTo(map);
        markers.push({ marker, minZoom: MIN_ZOOM_BY_KIND[String(feature.properties?.kind)] ?? 10 });
      }
      update();
    })
    .catch(() => undefined);
  map.on('zoomend', update);
  return {
    destroy() {
      destroyed = true;
      map.off('zoomend', update);
      for (const { marker } of markers) marker.remove();
    },
  };
}
