import type { LayerKind } from '../domain/layers';
import type { SafetyFeature } from '../domain/safetyFeature';

/** Places of one layer (or all) as RFC 7946 GeoJSON, with every field of the record as properties. */
export function featuresToGeoJson(features: readonly SafetyFeature[], layer: LayerKind | 'all'): string {
  const chosen = layer === 'all' ? features : features.filter((f) => f.layer === layer);
  const collection: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: chosen.map(({ id, geometry, ...properties }) => ({ type: 'Feature', id, geometry: geometry as GeoJSON.Geometry, properties })),
  };
  return JSON.stringify(collection, null, 1);
}

/**
 * Safety walks as GPX 1.1 tracks, for a phone's GPS app. Findings with a position become waypoints
 * (named by their text, so the importer reads them back as findings); the others go into the
 * track's description.
 */
export function walksToGpx(features: readonly SafetyFeature[]): string {
  const walks = features.filter((f): f is Extract<SafetyFeature, { layer: 'safety-walk' }> => f.layer === 'safety-walk');
  // GPX 1.1 puts every <wpt> before the first <rte> or <trk>.
  const waypoints = walks.flatMap((walk) =>
    walk.details.findings
      .filter((f) => f.point)
      .map((f) => `  <wpt lat="${f.point![1]}" lon="${f.point![0]}">\n    <name>${xml(f.text)}</name>\n    <desc>${xml(walk.name)}</desc>\n  </wpt>`),
  );
  const tracks = walks
    .map((walk) => {
      const lines = walk.geometry.type === 'LineString' ? [walk.geometry.coordinates] : walk.geometry.type === 'MultiLineString' ? walk.geometry.coordinates : [];
      const segments = lines
        .map((line) => `    <trkseg>\n${line.map(([lon, lat]) => `      <trkpt lat="${lat}" lon="${lon}"/>`).join('\n')}\n    </trkseg>`)
        .join('\n');
      const unplaced = walk.details.findings.filter((f) => !f.point).map((f) => f.text);
      const description = [walk.details.plannedDate && `Planerad ${walk.details.plannedDate}`, ...unplaced].filter(Boolean).join('; ');
      return `  <trk>\n    <name>${xml(walk.name)}</name>\n${description ? `    <desc>${xml(description)}</desc>\n` : ''}${segments}\n  </trk>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Trygghetskartan" xmlns="http://www.topografix.com/GPX/1/1">\n${[...waypoints, ...tracks].join('\n')}\n</gpx>\n`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
