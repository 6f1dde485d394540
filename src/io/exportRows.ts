import { pointOnFeature } from '@turf/turf';
import type { FeatureRow } from '../domain/featureRows';
import { toSwedishCsv } from './csv';
import { attributesText } from './featureAttributes';

export interface ExportLabels {
  header: readonly string[];
  layer(row: FeatureRow): string;
  status(row: FeatureRow): string;
  responsible(row: FeatureRow): string;
  provenance(row: FeatureRow): string;
}

/** The rows shown (filtered) as CSV, one line per place, with a point on the place in WGS 84 and its imported attributes. */
export function rowsToCsv(rows: readonly FeatureRow[], labels: ExportLabels): string {
  return toSwedishCsv(
    labels.header,
    rows.map((row) => {
      const [lon, lat] = representativePoint(row);
      return [
        row.id,
        row.name,
        labels.layer(row),
        row.municipalityName,
        row.municipalityCode,
        row.documentTitles.join(' | '),
        row.focusAreaTitles.join(' | '),
        row.activityTitles.join(' | '),
        labels.responsible(row),
        labels.status(row),
        row.periodFrom,
        row.periodTo,
        labels.provenance(row),
        round6(lat),
        round6(lon),
        // One cell for the imported file's own columns: they differ from place to place.
        attributesText(row.feature.attributes),
      ];
    }),
  );
}

/** The rows shown as an RFC 7946 FeatureCollection, with the chain's names beside each record's own fields. */
export function rowsToGeoJson(rows: readonly FeatureRow[]): string {
  const collection: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: rows.map((row) => {
      const { id, geometry, ...own } = row.feature;
      return {
        type: 'Feature',
        id,
        geometry: geometry as GeoJSON.Geometry,
        properties: {
          ...own,
          municipalityName: row.municipalityName,
          documentIds: row.documentIds,
          documentTitles: row.documentTitles,
          focusAreaTitles: row.focusAreaTitles,
          activityTitles: row.activityTitles,
        },
      };
    }),
  };
  return JSON.stringify(collection, null, 1);
}

function representativePoint(row: FeatureRow): number[] {
  return pointOnFeature(row.feature.geometry as GeoJSON.Geometry).geometry.coordinates;
}

const round6 = (n: number | undefined) => (n === undefined ? null : Math.round(n * 1e6) / 1e6);
