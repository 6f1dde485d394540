import { Marker, type GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl';
import type { MapOverlay } from './adapter';
import { classStepExpression, overlayClasses } from './overlayClasses';

const AREAS = 'tk-overlay-areas';
const CIRCLE = 'tk-overlay-circle';
const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Analysis results under the places: a sequential (count) or diverging (change) fill that reads
 * without relying on hue alone (lightness rises with the value), a search circle, numbered markers.
 */
export class OverlayLayers {
  private current: MapOverlay | null = null;
  private markers: Marker[] = [];

  constructor(
    private readonly map: MapLibreMap,
    private readonly beforeLayerId: string,
  ) {}

  install(): void {
    const map = this.map;
    if (!map.getSource(AREAS)) map.addSource(AREAS, { type: 'geojson', data: EMPTY });
    if (!map.getSource(CIRCLE)) map.addSource(CIRCLE, { type: 'geojson', data: EMPTY });
    const before = map.getLayer(this.beforeLayerId) ? this.beforeLayerId : undefined;
    if (!map.getLayer(`${AREAS}-fill`))
      map.addLayer({ id: `${AREAS}-fill`, type: 'fill', source: AREAS, paint: { 'fill-color': '#000', 'fill-opacity': 0.6 } }, before);
    if (!map.getLayer(`${AREAS}-line`))
      map.addLayer({ id: `${AREAS}-line`, type: 'line', source: AREAS, paint: { 'line-color': '#ffffff', 'line-width': 0.6 } }, before);
    if (!map.getLayer(`${CIRCLE}-line`))
      map.addLayer({ id: `${CIRCLE}-line`, type: 'line', source: CIRCLE, paint: { 'line-color': '#1a1a1a', 'line-width': 2, 'line-dasharray': [2, 2] } }, before);
    this.apply();
  }

  set(next: MapOverlay | null): void {
    this.current = next;
    this.apply();
  }

  destroy(): void {
    for (const marker of this.markers) marker.remove();
    this.markers = [];
  }

  private apply(): void {
    const map = this.map;
    const areas = map.getSource(AREAS) as GeoJSONSource | undefined;
    if (!areas) return;
    const overlay = this.current;
    areas.setData(overlay?.areas?.collection ?? EMPTY);
    if (overlay?.areas) map.setPaintProperty(`${AREAS}-fill`, 'fill-color', classStepExpression(overlayClasses(overlay.areas.scale, overlay.areas.max)) as never);
    (map.getSource(CIRCLE) as GeoJSONSource).setData(overlay?.circle ? { type: 'Feature', geometry: overlay.circle, properties: {} } : EMPTY);
    this.destroy();
    for (const item of overlay?.numbered ?? []) {
      const element = document.createElement('div');
      element.className = 'number-marker';
      element.setAttribute('aria-hidden', 'true');
      element.textContent = item.label;
      this.markers.push(new Marker({ element }).setLngLat(item.point).addTo(map));
    }
  }
}
