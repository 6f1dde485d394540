import { cellToBoundary } from 'h3-js';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Dataset } from '../../domain/dataset';
import { isSensitiveActivity } from '../../domain/rules/sensitivePlace';
import { lookupOf } from '../../domain/rules/lookup';
import type { PublicCells } from '../../analysis/publicCells';

/** The four layers of the citizens' map (issue 13), as named in the tile archive. */
export const PUBLIC_MAP_LAYERS = ['cells', 'watch', 'walks', 'speed'] as const;
export type PublicMapLayer = (typeof PUBLIC_MAP_LAYERS)[number];

const LAYER_OF: Partial<Record<Dataset['features'][number]['layer'], Exclude<PublicMapLayer, 'cells'>>> = {
  'watch-area': 'watch',
  'safety-walk': 'walks',
  'speed-control': 'speed',
};

export interface PublicPlace {
  layer: Exclude<PublicMapLayer, 'cells'>;
  name: string;
  municipalityCode: string;
  municipality: string;
  /** A walk's status (planned, done, unknown); none for the other layers. */
  status: string | null;
}

export interface PublicMapData {
  /** One collection per layer, every feature with its public properties only. */
  layers: Record<PublicMapLayer, FeatureCollection>;
  /** The same places as a list, for the page's text (the no-WebGL and screen-reader path). */
  places: PublicPlace[];
  cells: PublicCells;
}

/**
 * What the public map shows, from what may be public only: the answers as the published cells
 * (publicCells.ts: one resolution, counts in multiples of k), watch areas, safety walks and
 * speed-control streets. Never a place linked to a sensitive activity (the one rule,
 * sensitivePlace.ts), never unsafe places or focus places, never an answer, author or history.
 */
export function publicMapData(dataset: Dataset, cells: PublicCells): PublicMapData {
  const lookup = lookupOf({
    documents: new Map(dataset.documents.map((d) => [d.id, d])),
    focusAreas: new Map(dataset.focusAreas.map((a) => [a.id, a])),
    activities: new Map(dataset.activities.map((a) => [a.id, a])),
  });
  const names = new Map(dataset.documents.map((d) => [d.municipality.code, d.municipality.name]));
  const layers = Object.fromEntries(PUBLIC_MAP_LAYERS.map((l) => [l, { type: 'FeatureCollection', features: [] as Feature[] }])) as Record<PublicMapLayer, FeatureCollection & { features: Feature[] }>;
  const places: PublicPlace[] = [];
  for (const f of dataset.features) {
    const layer = LAYER_OF[f.layer];
    if (!layer) continue;
    // A place that serves any sensitive activity is never mapped, not even beside public work.
    if (f.activityIds.some((id) => { const a = lookup.activity(id); return !a || isSensitiveActivity(a, lookup); })) continue;
    const name = f.layer === 'speed-control' ? f.details.streetName : f.name;
    const place: PublicPlace = { layer, name, municipalityCode: f.municipalityCode, municipality: names.get(f.municipalityCode) ?? f.municipalityCode, status: f.layer === 'safety-walk' ? f.details.status : null };
    places.push(place);
    const properties: Record<string, string> = { layer, name, municipality: place.municipality };
    if (place.status) properties.status = place.status;
    layers[layer].features.push({ type: 'Feature', properties, geometry: f.geometry as Geometry });
  }
  for (const [cell, count] of cells.cells) {
    const ring = cellToBoundary(cell, true);
    layers.cells.features.push({ type: 'Feature', properties: { layer: 'cells', cell, count }, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] } });
  }
  places.sort((a, b) => a.municipality.localeCompare(b.municipality, 'sv') || a.layer.localeCompare(b.layer) || a.name.localeCompare(b.name, 'sv'));
  return { layers, places, cells };
}

/** The map's colours (Okabe–Ito, as the team app's layers); cells darken with their count. */
export const PUBLIC_MAP_COLOURS = { cells: '#CC79A7', watch: '#009E73', walks: '#0072B2', speed: '#E69F00' } as const;
