// Before Dexie loads: it looks for IndexedDB when imported.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { fromRows, fromTransferable, toTransferable } from '../../../src/analysis/answers/columns';
import { withAnswerCells } from '../../../src/analysis/density';
import { listAnswerSets, readAnswerColumns, removeAnswerSet, saveAnswerSet } from '../../../src/data/answerSets';
import { schemaV5 } from '../../../src/data/schemas';
import { freshDatabaseName, openTestDatabase, track } from './testDatabases';

const rows = Array.from({ length: 500 }, (_, i) => ({ lon: 18 + i / 1e4, lat: 59.3, survey: i % 2 ? 'A' : 'B', year: 2024, timeOfDay: null, reasons: [] }));

describe('survey answers stored as columns', () => {
  it('stores a set whole, lists it without its columns, reads the columns back equal, and removes it', async () => {
    const db = openTestDatabase();
    const { message } = toTransferable(fromRows(rows));
    await saveAnswerSet(db, { id: 's1', fileName: 'enkat.csv', importedAt: '2026-12-02T10:00:00Z', count: 500, columns: message });
    expect(await listAnswerSets(db)).toEqual([{ id: 's1', fileName: 'enkat.csv', importedAt: '2026-12-02T10:00:00Z', count: 500, surveys: ['B', 'A'] }]);
    const [stored] = await readAnswerColumns(db);
    const back = fromTransferable(stored!);
    expect(back.count).toBe(500);
    expect(Array.from(back.lon)).toEqual(rows.map((r) => r.lon));
    // A set whose count does not match its columns is refused, not stored half-right.
    await expect(saveAnswerSet(db, { id: 's2', fileName: 'x', importedAt: '2026-12-02T11:00:00Z', count: 3, columns: message })).rejects.toThrow();
    await removeAnswerSet(db, 's1');
    expect(await listAnswerSets(db)).toEqual([]);
  });

  it('database v6 adds the answer sets to a v5 database and keeps what it held', async () => {
    const name = freshDatabaseName();
    const v5 = track(new Dexie(name));
    v5.version(5).stores(schemaV5);
    await v5.table('features').add({ id: 'kept' });
    v5.close();
    const db = openTestDatabase(name);
    expect(await db.features.get('kept')).toEqual({ id: 'kept' });
    expect(await db.answerSets.count()).toBe(0);
  });

  it('adds the answers’ cells to the places’ cells, cell by cell', () => {
    const places = [{ h3: '881f1d4887fffff', count: 2, polygon: { type: 'Polygon' as const, coordinates: [] } }];
    const merged = withAnswerCells(places, { cells: ['881f1d4887fffff', '881f1d4881fffff'], counts: Uint32Array.from([3, 7]) });
    expect(merged.map((c) => [c.h3, c.count])).toEqual([['881f1d4881fffff', 7], ['881f1d4887fffff', 5]]);
    expect(withAnswerCells(places, null)).toEqual(places);
  });
});

describe('backups carry the survey answers', () => {
  it('round-trips the sets through a backup file, byte for byte, and restores them; a set with a short column is refused whole', async () => {
    const { parseBackup, serializeBackup } = await import('../../../src/io/backup');
    const { readBackupContent, restoreBackup } = await import('../../../src/data/backupStore');
    const { seedIfEmpty } = await import('../../../src/data/seed');
    const { dataset } = await import('../fixtures');
    const { testMunicipalityLocator } = await import('../helpers/municipalityLocator');
    const db = openTestDatabase();
    await seedIfEmpty(db, dataset(), 'test');
    const { message } = toTransferable(fromRows(rows));
    await saveAnswerSet(db, { id: 's1', fileName: 'enkat.csv', importedAt: '2026-12-02T10:00:00Z', count: 500, columns: message });
    const text = serializeBackup(await readBackupContent(db));
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error.en);
    expect(parsed.value.answerSets?.map((s) => s.count)).toEqual([500]);
    expect(Array.from(new Float64Array(parsed.value.answerSets![0]!.columns.lon))).toEqual(rows.map((r) => r.lon));
    await removeAnswerSet(db, 's1');
    await restoreBackup(db, parsed.value, testMunicipalityLocator());
    expect((await listAnswerSets(db)).map((s) => s.id)).toEqual(['s1']);

    const broken = JSON.parse(text) as { answerSets: { columns: { lat: string } }[] };
    broken.answerSets[0]!.columns.lat = broken.answerSets[0]!.columns.lat.slice(0, 40);
    const refused = parseBackup(JSON.stringify(broken));
    expect(refused.ok ? 'accepted' : refused.error.sv).toMatch(/enkätsvar är skadade/);
    expect(refused.ok ? 'accepted' : refused.error.en).toMatch(/survey answers are damaged/);
  });
});
