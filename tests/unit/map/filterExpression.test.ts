import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { shippedDataset } from '../../../src/data/shipped';
import { indexDataset } from '../../../src/domain/dataset';
import { buildFeatureRows } from '../../../src/domain/featureRows';
import { EMPTY_FILTER, filterRows, type FilterState } from '../../../src/domain/filters';
import { LAYER_KINDS } from '../../../src/domain/layers';
import { chainsOf, toLayerCollections } from '../../../src/map/features';
import { filterExpression } from '../../../src/map/filterExpression';
import { compilePointFilter } from '../../../src/map/pointTiles/pointFilter';
import { PointStore } from '../../../src/map/pointTiles/pointStore';
import { TILED_POINT_LAYERS } from '../../../src/map/style';

if (!shippedDataset.ok) throw new Error('invalid');
const rows = buildFeatureRows(indexDataset(shippedDataset.value));
const collections = toLayerCollections(rows);
const mapFeatures = LAYER_KINDS.flatMap((layer) => collections[layer].features);

/** What MapLibre itself would draw for a filter: its own expression evaluator over our properties. */
function idsOnMap(filter: FilterState): string[] {
  const expression = filterExpression(filter, chainsOf(rows));
  if (!expression) return mapFeatures.map((f) => String(f.id)).sort();
  const compiled = featureFilter(expression, 'layers[0].filter');
  return mapFeatures
    .filter((f) => compiled.filter({ zoom: 12 }, { type: 1, properties: f.properties ?? {}, geometry: [] } as never))
    .map((f) => String(f.id))
    .sort();
}
const idsInTable = (filter: FilterState) => filterRows(rows, filter, null).map((r) => r.id).sort();

// The survey places are drawn from point tiles that their own worker filters (pointFilter.ts), as the adapter hands them over.
const tiledPoints = TILED_POINT_LAYERS.flatMap((layer) => collections[layer].features).filter((f) => f.geometry.type === 'Point');
const tiledIds = new Set(tiledPoints.map((f) => String(f.id)));
const store = new PointStore();
store.set(tiledPoints.map((f) => {
  const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
  return { id: String(f.id), lon, lat, properties: (f.properties ?? {}) as Record<string, string> };
}));
/** What the point-tile worker puts in its tiles for a filter: the whole world's tile, and the count of its cells. */
function idsInTiles(filter: FilterState): { ids: string[]; counted: number } {
  store.setFilter(compilePointFilter(filterExpression(filter, chainsOf(rows))));
  return { ids: store.pointsInTile(0, 0, 0).map((p) => p.id).sort(), counted: store.cellsInTile(0, 0, 0).reduce((sum, c) => sum + c.count, 0) };
}

const cases: [string, Partial<FilterState>][] = [
  ['nothing', {}],
  ['one municipality', { municipality: ['0182'] }],
  ['two municipalities', { municipality: ['0125', '2401'] }],
  ['a document', { document: ['nacka-2022'] }],
  ['a focus area', { focusArea: ['nacka-2022-platssamverkan'] }],
  ['two layers', { layer: ['speed-control', 'watch-area'] }],
  ['responsible party', { responsible: ['annan'] }],
  ['status', { status: ['unknown'] }],
  ['time of day', { timeOfDay: ['kvall', 'natt'] }],
  ['replaced promises', { currency: ['superseded'] }],
  ['expired or replaced promises', { currency: ['expired', 'superseded'] }],
  ['free text, two words', { text: 'Fisksätra trygghetsvandring' }],
  ['free text, upper case and å ä ö', { text: 'ÖRMINGE' }],
  ['everything at once', { municipality: ['0182'], layer: ['focus-place'], status: ['unknown'], text: 'centrum' }],
];

describe('the map filter expression and the table filter agree', () => {
  it.each(cases)('%s', (_name, partial) => {
    const filter = { ...EMPTY_FILTER, ...partial };
    expect(idsOnMap(filter)).toEqual(idsInTable(filter));
  });
  it.each(cases)('%s, in the point tiles', (_name, partial) => {
    const filter = { ...EMPTY_FILTER, ...partial };
    const inTable = idsInTable(filter).filter((id) => tiledIds.has(id));
    const { ids, counted } = idsInTiles(filter);
    expect(ids).toEqual(inTable);
    expect(counted).toBe(inTable.length);
  });
  it('is null when nothing is filtered, so the map draws everything without evaluating', () => {
    expect(filterExpression(EMPTY_FILTER, chainsOf(rows))).toBeNull();
  });
  it('selects something in most cases (the cases are not vacuous)', () => {
    const nonEmpty = cases.filter(([, p]) => idsInTable({ ...EMPTY_FILTER, ...p }).length > 0);
    expect(nonEmpty.length).toBeGreaterThanOrEqual(cases.length - 2);
    const withTiledPlaces = cases.filter(([, p]) => idsInTable({ ...EMPTY_FILTER, ...p }).some((id) => tiledIds.has(id)));
    expect(withTiledPlaces.length).toBeGreaterThanOrEqual(5);
  });
});
