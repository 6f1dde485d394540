import { describe, expect, it } from 'vitest';
import { same } from '../../../src/domain/text';
import { indexDataset } from '../../../src/domain/dataset';
import { safetyFeatureSchema, type SafetyFeature } from '../../../src/domain/safetyFeature';
import { candidatesToFeatures } from '../../../src/io/candidatesToFeatures';
import { parseBackup } from '../../../src/io/backup';
import { walksToGpx } from '../../../src/io/exportFormats';
import type { ImportCandidate } from '../../../src/io/importTypes';
import { readImportFile } from '../../../src/io/readImportFile';
import { draftFromFeature, draftToFeature } from '../../../src/ui/editing/featureDraft';
import { dataset, unsafePlace } from '../fixtures';
import { importFixture, utf8 } from './importHelpers';

const index = indexDataset(dataset());
let n = 0;
const newId = () => `walk-${++n}`;
type Walk = Extract<SafetyFeature, { layer: 'safety-walk' }>;
const walk = (findings: unknown[], over: Partial<Walk> = {}) =>
  ({
    ...unsafePlace(),
    id: 'w1',
    layer: 'safety-walk',
    geometry: { type: 'LineString', coordinates: [[18.2, 59.3], [18.21, 59.31]] },
    details: { plannedDate: null, organisers: [], status: 'done', findings },
    ...over,
  }) as unknown as Walk;

describe('a safety walk’s findings keep their position', () => {
  it('the schema takes {text, point} and still accepts the old plain strings (as point: null)', () => {
    const parsed = safetyFeatureSchema.parse(walk(['Trasig lampa', { text: 'Klotter', point: [18.2, 59.3] }]));
    expect(parsed.layer === 'safety-walk' && parsed.details.findings).toEqual([
      { text: 'Trasig lampa', point: null },
      { text: 'Klotter', point: [18.2, 59.3] },
    ]);
    expect(safetyFeatureSchema.safeParse(walk([{ text: 'x', point: [999, 59] }])).success).toBe(false);
    expect(safetyFeatureSchema.safeParse(walk([{ text: '', point: null }])).success).toBe(false);
  });

  it('GPX waypoints become findings with their point', async () => {
    const parsed = await importFixture('spar_rutt_vagpunkter.gpx');
    const route = parsed.candidates.filter((c) => c.gpxKind !== 'track');
    const { features } = candidatesToFeatures(route, 'safety-walk', ['act'], 'walk.gpx', index, newId);
    expect(features).toHaveLength(1);
    expect(features[0]!.layer === 'safety-walk' && features[0]!.details.findings).toEqual([
      { text: 'Trasig lampa', point: [18.0711, 59.3251] },
      { text: 'Klotter', point: [18.072, 59.326] },
    ]);
  });

  it('with several walks in the file, each waypoint goes to the nearest walk', () => {
    const line = (lon: number): ImportCandidate => ({ index: lon, label: same(`spår ${lon}`), gpxKind: 'track', name: `Vandring ${lon}`, properties: {}, geometry: { type: 'LineString', coordinates: [[lon, 59.3], [lon, 59.31]] } });
    const wpt = (lon: number, name: string): ImportCandidate => ({ index: 9, label: same(name), gpxKind: 'waypoint', name, properties: {}, geometry: { type: 'Point', coordinates: [lon, 59.305] } });
    const { features } = candidatesToFeatures([line(18.1), line(18.3), wpt(18.29, 'Öster'), wpt(18.11, 'Väster')], 'safety-walk', ['act'], 'w.gpx', index, newId);
    const texts = features.map((f) => (f.layer === 'safety-walk' ? f.details.findings.map((x) => x.text) : []));
    expect(texts).toEqual([['Väster'], ['Öster']]);
  });

  it('GPX export writes findings with a point as <wpt>, and they come back as findings', async () => {
    const original = safetyFeatureSchema.parse(walk([{ text: 'Mörk <gång> & "trappa"', point: [18.205, 59.305] }, { text: 'Utan plats', point: null }])) as Walk;
    const gpx = walksToGpx([original]);
    expect(gpx).toContain('<wpt lat="59.305" lon="18.205">');
    expect(gpx.indexOf('<wpt')).toBeLessThan(gpx.indexOf('<trk>')); // GPX 1.1 orders wpt before trk
    const result = await readImportFile(utf8(gpx), 'export.gpx');
    if (!result.ok) throw new Error(result.error.message.en);
    const { features } = candidatesToFeatures(result.value.candidates, 'safety-walk', ['act'], 'export.gpx', index, newId);
    expect(features[0]!.layer === 'safety-walk' && features[0]!.details.findings).toContainEqual({ text: 'Mörk <gång> & "trappa"', point: [18.205, 59.305] });
  });

  it('editing the findings as lines keeps the point of every line whose text is unchanged', () => {
    const stored = safetyFeatureSchema.parse(walk([{ text: 'Trasig lampa', point: [18.2, 59.3] }, { text: 'Klotter', point: [18.21, 59.31] }])) as Walk;
    const withStored = indexDataset(dataset({ features: [stored] }));
    const draft = draftFromFeature(stored);
    expect(draft.details.findings).toBe('Trasig lampa\nKlotter');
    const edited = { ...draft, details: { ...draft.details, findings: 'Trasig lampa\nNy iakttagelse' } };
    const result = draftToFeature(edited, withStored, newId);
    if (!('feature' in result)) throw new Error(JSON.stringify(result.errors));
    expect(result.feature.layer === 'safety-walk' && result.feature.details.findings).toEqual([
      { text: 'Trasig lampa', point: [18.2, 59.3] },
      { text: 'Ny iakttagelse', point: null },
    ]);
  });

  it('a backup written before findings had points is restored with point: null, also in its history', () => {
    const old = { ...walk(['Trasig lampa']) };
    const backup = {
      type: 'trygghetskartan-backup',
      version: 1,
      exportedAt: '2026-01-01T00:00:00Z',
      documents: dataset().documents,
      focusAreas: dataset().focusAreas,
      activities: dataset().activities,
      features: [old],
      history: [{ label: 'l', at: 'x', forward: { label: 'l', put: { features: [old] }, delete: {} }, inverse: { label: 'l', put: {}, delete: { features: ['w1'] } }, undone: 0 }],
    };
    const parsed = parseBackup(JSON.stringify(backup));
    if (!parsed.ok) throw new Error(parsed.error.en);
    const restored = parsed.value.features[0]!;
    expect(restored.layer === 'safety-walk' && restored.details.findings).toEqual([{ text: 'Trasig lampa', point: null }]);
    const inHistory = parsed.value.history[0]!.forward.put.features![0]!;
    expect(inHistory.layer === 'safety-walk' && inHistory.details.findings).toEqual([{ text: 'Trasig lampa', point: null }]);
  });
});
