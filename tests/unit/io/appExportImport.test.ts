// Before Dexie loads: it looks for IndexedDB when imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { putFeatures } from '../../../src/domain/changes';
import { indexDataset } from '../../../src/domain/dataset';
import { buildFeatureRows } from '../../../src/domain/featureRows';
import { perform, undo } from '../../../src/data/history';
import { seedIfEmpty } from '../../../src/data/seed';
import { shippedDataset } from '../../../src/data/shipped';
import { appExportPlan } from '../../../src/io/appExport';
import { featuresToGeoJson } from '../../../src/io/exportFormats';
import { rowsToGeoJson } from '../../../src/io/exportRows';
import { readImportFile } from '../../../src/io/readImportFile';
import { openTestDatabase } from '../data/testDatabases';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';
import { expectOk, utf8 } from './importHelpers';

if (!shippedDataset.ok) throw new Error('invalid');
const shipped = shippedDataset.value;
const index = indexDataset(shipped);
const read = async (text: string) => expectOk(await readImportFile(utf8(text), 'trygghetskartan.geojson'));

describe('the app’s own GeoJSON export imports back whole', () => {
  it('every place of the shipped dataset keeps its id, layer, activities, details and provenance', async () => {
    const parsed = await read(featuresToGeoJson(shipped.features, 'all'));
    expect(parsed.appExport?.records).toHaveLength(shipped.features.length);
    const plan = appExportPlan(parsed.appExport!, index);
    expect(plan.skipped).toEqual([]);
    expect(plan.features).toEqual(shipped.features);
    expect(plan.replaced).toBe(shipped.features.length);
  });

  it('the filtered-rows export (with chain names beside the record) is recognised as well', async () => {
    const rows = buildFeatureRows(index).slice(0, 5);
    const parsed = await read(rowsToGeoJson(rows));
    expect(appExportPlan(parsed.appExport!, index).features).toEqual(rows.map((r) => r.feature));
  });

  it('a place whose activity is not in this dataset, or whose record is broken, is rejected with the reason', async () => {
    const [first, second, ...rest] = shipped.features;
    const text = featuresToGeoJson([{ ...first!, activityIds: ['finns-inte'] }, { ...second!, details: { nonsense: 1 } } as never, ...rest], 'all');
    const parsed = await read(text);
    expect(parsed.appExport!.rejected.map((r) => [r.label.sv, r.reason])).toEqual([['objekt 2', 'invalid-record']]);
    const plan = appExportPlan(parsed.appExport!, index);
    expect(plan.skipped.map((s) => [s.label.sv, s.reason])).toEqual([['objekt 1', 'missing-activity']]);
    expect(plan.skipped[0]!.detail).toEqual({ sv: 'aktiviteten finns-inte finns inte', en: 'the activity finns-inte does not exist' });
    expect(plan.features).toHaveLength(shipped.features.length - 2);
  });

  it('an ordinary GeoJSON is not taken for an export', async () => {
    const parsed = await read('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"layer":"x"},"geometry":{"type":"Point","coordinates":[18,59]}}]}');
    expect(parsed.appExport).toBeUndefined();
  });

  it('importing over an existing id updates that place, in one undoable change', async () => {
    const db = openTestDatabase();
    await seedIfEmpty(db, shipped, 'v');
    const renamed = shipped.features.map((f, i) => (i < 3 ? { ...f, name: `${f.name} (ändrad)` } : f));
    const locator = testMunicipalityLocator();
    const plan = appExportPlan((await read(featuresToGeoJson(renamed, 'all'))).appExport!, index, locator);
    expect(plan.skipped).toEqual([]);
    await perform(db, putFeatures('importera', plan.features), locator);
    expect(await db.features.count()).toBe(shipped.features.length);
    expect((await db.features.get(shipped.features[0]!.id))?.name).toBe(`${shipped.features[0]!.name} (ändrad)`);
    expect(await undo(db, locator)).toBe('importera');
    expect((await db.features.get(shipped.features[0]!.id))?.name).toBe(shipped.features[0]!.name);
  });
});
