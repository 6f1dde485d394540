import { useEffect, useMemo, useState } from 'react';
import type { Dataset } from '../../domain/dataset';
import { boundsOf } from '../../domain/geometry';
import { useI18n } from '../i18n';
import type { RuntimeConfig } from '../useRuntimeConfig';
import type { GazetteerEntry } from './NearMeView';

/**
 * An offline gazetteer: the places in the dataset, every municipality, and the basemap's place
 * names when the basemap is there. A deployment's online geocoder could be added behind the same list.
 */
/** `dataset` null while near me is not shown: the list is built when it is needed, not on every edit. */
export function useGazetteer(config: RuntimeConfig | null, dataset: Dataset | null): GazetteerEntry[] {
  const { t } = useI18n();
  const [basemapPlaces, setBasemapPlaces] = useState<GazetteerEntry[]>([]);
  useEffect(() => {
    if (!config?.basemapUrl) return;
    fetch(new URL('places.geojson', config.basemapUrl))
      .then((r) => (r.ok ? (r.json() as Promise<GeoJSON.FeatureCollection>) : null))
      .then((collection) =>
        setBasemapPlaces(
          (collection?.features ?? [])
            .filter((f) => f.geometry.type === 'Point' && typeof f.properties?.name === 'string')
            .map((f) => ({ name: String(f.properties!.name), point: (f.geometry as GeoJSON.Point).coordinates as [number, number], kind: t.gazetteerKinds.locality })),
        ),
      )
      .catch(() => setBasemapPlaces([]));
  }, [config, t]);

  return useMemo(() => {
    const centre = (b: [number, number, number, number]): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
    const places = (dataset?.features ?? []).map((f) => ({ name: f.name, point: centre(boundsOf([f.geometry])!), kind: t.layerSingular[f.layer] }));
    const municipalities = Object.entries(config?.municipalityBounds ?? {}).map(([code, m]) => ({ name: m.name, point: centre(m.bounds), kind: t.gazetteerKinds.municipality, municipalityCode: code }));
    return [...municipalities, ...basemapPlaces, ...places];
  }, [dataset, config, basemapPlaces, t]);
}
