// Before Dexie loads: it looks for IndexedDB when imported.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { putFeatures, deleteFeatures } from '../../../src/domain/changes';
import { readBackupContent, restoreBackup } from '../../../src/data/backupStore';
import { perform, undo } from '../../../src/data/history';
import { seedIfEmpty } from '../../../src/data/seed';
import { shippedDataset } from '../../../src/data/shipped';
import { parseBackup, serializeBackup } from '../../../src/io/backup';
import { featuresToGeoJson, walksToGpx } from '../../../src/io/exportFormats';
import { readImportFile } from '../../../src/io/readImportFile';
import { openTestDatabase } from '../data/testDatabases';
import { testMunicipalityLocator } from '../helpers/municipalityLocator';

const L = testMunicipalityLocator();

if (!shippedDataset.ok) throw new Error('invalid');
const shipped = shippedDataset.value;
const encode = (text: string) => new TextEncoder().encode(text);
const open = () => openTestDatabase();

describe('backup and restore', () => {
  it('round-trips documents, activities, places and the edit history to identical data', async () => {
    const source = open();
    await seedIfEmpty(source, shipped, 'v');
    const renamed = { ...shipped.features[0]!, name: 'Omdöpt <plats> "citat" å' };
    await perform(source, putFeatures('döp om', [renamed]), L);
    await perform(source, deleteFeatures('ta bort', [shipped.features[1]!.id]), L);
    await undo(source, L);
    const before = await readBackupContent(source);

    const parsed = parseBackup(serializeBackup(before));
    expect(parsed.ok).toBe(true);
    const target = open();
    await restoreBackup(target, parsed.ok ? parsed.value : (null as never), L);
    const after = await readBackupContent(target);
    expect(after).toEqual(before);
    // The restored history still works: redoing the undone delete removes the place.
    expect(after.history.map((h) => [h.label, h.undone])).toEqual([
      ['döp om', 0],
      ['ta bort', 1],
    ]);
    expect(await undo(target, L)).toBe('döp om');
    expect((await target.features.get(renamed.id))?.name).toBe(shipped.features[0]!.name);
  });

  it('carries the municipalities’ contacts (version 4); a change of contact is undone like any other', async () => {
    const source = open();
    await seedIfEmpty(source, shipped, 'v');
    const contact = { id: 'contact-0182', municipality: { code: '0182', name: 'Nacka' }, organisation: 'Trygghetssamordnare', email: 'trygghet@nacka.test', phone: null, web: null, note: null, updatedAt: '2026-12-02T10:00:00.000Z' };
    await perform(source, { label: 'kontakt', put: { contacts: [contact] }, delete: {} }, L);
    await perform(source, { label: 'kontakt', put: { contacts: [{ ...contact, phone: '08-718 80 00' }] }, delete: {} }, L);
    await undo(source, L);
    expect(await source.contacts.toArray()).toEqual([contact]);
    const parsed = parseBackup(serializeBackup(await readBackupContent(source)));
    expect(parsed.ok && parsed.value.contacts).toEqual([contact]);
    const target = open();
    await restoreBackup(target, parsed.ok ? parsed.value : (null as never), L);
    expect(await target.contacts.toArray()).toEqual([contact]);
    // An older file (version 3) has no contacts and still restores.
    const old = JSON.parse(serializeBackup(await readBackupContent(source))) as Record<string, unknown>;
    delete old.contacts;
    old.version = 3;
    const older = parseBackup(JSON.stringify(old));
    expect(older.ok && older.value.contacts).toEqual([]);
  });

  it('refuses a truncated, foreign, newer or invalid file and leaves the stored data as it was', async () => {
    const db = open();
    await seedIfEmpty(db, shipped, 'v');
    const good = serializeBackup(await readBackupContent(db));
    expect(parseBackup(good.slice(0, good.length / 2))).toEqual({ ok: false, error: { sv: expect.stringMatching(/ofullständig/), en: expect.stringMatching(/incomplete/) } });
    expect(parseBackup('{"type":"FeatureCollection","features":[]}')).toEqual({ ok: false, error: { sv: expect.stringMatching(/ingen säkerhetskopia/), en: expect.stringMatching(/not a Trygghetskartan backup/) } });
    expect(parseBackup(good.replace('"version":4', '"version":9'))).toEqual({ ok: false, error: { sv: expect.stringMatching(/nyare version/), en: expect.stringMatching(/newer version/) } });
    const broken = JSON.parse(good) as { features: { id: string; geometry: unknown }[] };
    broken.features[3]!.geometry = { type: 'Point', coordinates: [999, 999] };
    const result = parseBackup(JSON.stringify(broken));
    expect(result).toEqual({ ok: false, error: { sv: expect.stringMatching(/features\.3\.geometry/), en: expect.stringMatching(/features\.3\.geometry/) } });
    expect(result.ok ? '' : result.error.sv).toContain(`"${broken.features[3]!.id}"`);
    // The schema's own refusal in English too, not its Swedish words.
    expect(result.ok ? '' : result.error.en).toContain('outside the earth’s longitude/latitude range');
    expect(await db.features.count()).toBe(shipped.features.length);
  });
});

describe('exports read back by the importer', () => {
  it('GeoJSON per layer and for all layers: the same geometries and names', async () => {
    for (const layer of ['all', 'watch-area', 'speed-control'] as const) {
      const expected = layer === 'all' ? shipped.features : shipped.features.filter((f) => f.layer === layer);
      const result = await readImportFile(encode(featuresToGeoJson(shipped.features, layer)), 'export.geojson');
      if (!result.ok) throw new Error(result.error.message.en);
      expect(result.value.rejected).toEqual([]);
      expect(result.value.candidates.map((c) => c.geometry)).toEqual(expected.map((f) => f.geometry));
      expect(result.value.candidates.map((c) => c.name)).toEqual(expected.map((f) => f.name));
    }
  });

  it('GPX of the safety walks: one track per walk with the same points', async () => {
    const walks = shipped.features.filter((f) => f.layer === 'safety-walk');
    const gpx = walksToGpx([...walks, { ...walks[0]!, id: 'x', name: 'Vandring <&> "Ö"' }]);
    const result = await readImportFile(encode(gpx), 'vandringar.gpx');
    if (!result.ok) throw new Error(result.error.message.en);
    const tracks = result.value.candidates.filter((c) => c.gpxKind === 'track');
    expect(tracks.map((t) => t.geometry)).toEqual([...walks, walks[0]!].map((w) => w.geometry));
    expect(tracks.at(-1)!.name).toBe('Vandring <&> "Ö"');
  });
});
