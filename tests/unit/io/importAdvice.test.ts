import { describe, expect, it } from 'vitest';
import { CHOOSE_COLUMNS_NOTE } from '../../../src/io/importText';
import { indexDataset } from '../../../src/domain/dataset';
import { candidatesToFeatures } from '../../../src/io/candidatesToFeatures';
import { adviseImport, defaultLayer, layersFor } from '../../../src/io/importAdvice';
import type { ParsedImport } from '../../../src/io/importTypes';
import { readImportFile } from '../../../src/io/readImportFile';
import { dataset } from '../fixtures';
import { fakeLocator } from './fakeLocator';
import { expectOk, importFixture, utf8 } from './importHelpers';

const index = indexDataset(dataset());
const newId = () => crypto.randomUUID();
const plan = (parsed: ParsedImport, layer: Parameters<typeof candidatesToFeatures>[1], activityIds = ['act']) =>
  candidatesToFeatures(parsed.candidates, layer, activityIds, parsed.fileName, index, newId, { locator: fakeLocator });
const codes = (advice: { code: string }[]) => advice.map((a) => a.code);

const waypointsOnly = `<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">
  <wpt lat="59.3251" lon="18.2711"><name>Trasig lampa</name></wpt><wpt lat="59.3260" lon="18.2720"><name>Klotter</name></wpt></gpx>`;

describe('every empty result says why, and what can be done', () => {
  it('a GPX with only waypoints: a walk needs a line; the waypoints can be points of another layer (the default)', async () => {
    const parsed = expectOk(await readImportFile(utf8(waypointsOnly), 'punkter.gpx'));
    // GPX always offers the walk layer, so choosing it explains itself instead of vanishing.
    expect(layersFor(parsed)).toEqual(['unsafe-place', 'safety-walk', 'focus-place']);
    expect(defaultLayer(parsed)).toBe('unsafe-place');
    const advice = adviseImport({ parsed, layer: 'safety-walk', plan: plan(parsed, 'safety-walk'), activityIds: ['act'], locatorAvailable: true });
    expect(advice).toContainEqual({ code: 'walk-needs-line', waypoints: 2, alternatives: ['unsafe-place', 'focus-place'] });
    const asPoints = adviseImport({ parsed, layer: 'unsafe-place', plan: plan(parsed, 'unsafe-place'), activityIds: ['act'], locatorAvailable: true });
    expect(asPoints).toEqual([{ code: 'waypoints-as-points', waypoints: 2, layer: 'unsafe-place' }]);
  });

  it('a GPX with a route and waypoints says the waypoints become findings of the walk', async () => {
    const parsed = await importFixture('spar_rutt_vagpunkter.gpx');
    expect(defaultLayer(parsed)).toBe('safety-walk');
    const advice = adviseImport({ parsed, layer: 'safety-walk', plan: plan(parsed, 'safety-walk'), activityIds: ['act'], locatorAvailable: true });
    expect(advice).toContainEqual({ code: 'waypoints-as-findings', waypoints: 2 });
  });

  it('a layer that takes none of the candidates: how many, which geometry, and the layers that would take them', async () => {
    const parsed = await importFixture('en_trasig_polygon.geojson'); // a polygon and three points
    const advice = adviseImport({ parsed, layer: 'speed-control', plan: plan(parsed, 'speed-control'), activityIds: ['act'], locatorAvailable: true });
    expect(advice).toContainEqual({ code: 'layer-takes-none', layer: 'speed-control', skipped: 4, types: ['Polygon', 'Point'], alternatives: ['unsafe-place', 'focus-place', 'watch-area'] });
    const some = adviseImport({ parsed, layer: 'watch-area', plan: plan(parsed, 'watch-area'), activityIds: ['act'], locatorAvailable: true });
    expect(some).toContainEqual({ code: 'some-skipped', skipped: 3, reasons: [{ reason: 'wrong-layer', count: 3 }] });
  });

  it('no activity chosen, no valid rows, places left out, and a missing municipality map', async () => {
    const parsed = await importFixture('felaktiga_rader.csv');
    expect(codes(adviseImport({ parsed, layer: 'unsafe-place', plan: plan(parsed, 'unsafe-place', []), activityIds: [], locatorAvailable: true }))).toContain('choose-activity');
    const sweref = await importFixture('sweref99tm.csv', { crs: 'EPSG:4326' });
    expect(adviseImport({ parsed: sweref, layer: null, plan: null, activityIds: ['act'], locatorAvailable: true })).toContainEqual({
      code: 'nothing-valid',
      rejected: 2,
      reason: 'outside-sweden',
      hint: 'crs',
    });
    const noColumns = { ...sweref, candidates: [], rejected: [], notes: [CHOOSE_COLUMNS_NOTE] };
    expect(adviseImport({ parsed: noColumns, layer: null, plan: null, activityIds: ['act'], locatorAvailable: true })).toContainEqual({ code: 'nothing-valid', rejected: 0, reason: null, hint: 'columns' });
    const good = plan(parsed, 'unsafe-place');
    expect(codes(adviseImport({ parsed, layer: 'unsafe-place', plan: good, activityIds: ['act'], locatorAvailable: false }))).toContain('locator-unavailable');
  });
});
