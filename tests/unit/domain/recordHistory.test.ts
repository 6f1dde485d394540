import { describe, expect, it } from 'vitest';
import { emptyChange, invertChange, type ChangeSet, type RecordOf, type RecordTable } from '../../../src/domain/changes';
import { recordHistory, type HistorySource } from '../../../src/domain/sync/recordHistory';
import { activity, document, unsafePlace } from '../fixtures';

type Before = { [T in RecordTable]?: Map<string, RecordOf[T] | undefined> };

/** A log entry as the server writes it: the inverse is made from the records before, like applyPush does. */
function logged(seq: number, author: string, change: ChangeSet, before: Before = {}): HistorySource {
  return { seq, author, at: `2025-01-0${seq}T10:00:00.000Z`, label: change.label, forward: change, inverse: invertChange(change, before) };
}

const place = unsafePlace();
const renamed = unsafePlace({ name: 'Stora torget' });
const moved = unsafePlace({ name: 'Södra torget', geometry: { type: 'Point', coordinates: [18.3, 59.31] } });

const created = logged(1, 'planner@nacka.test', { label: 'lägg till Torget', put: { features: [place] }, delete: {} }, { features: new Map([[place.id, undefined]]) });
const rename = logged(2, 'police@nacka.test', { label: 'byt namn', put: { features: [renamed] }, delete: {} }, { features: new Map([[place.id, place]]) });
const otherRecord = logged(3, 'planner@nacka.test', { label: 'ändra aktivitet', put: { activities: [activity({ status: 'ongoing' })] }, delete: {} }, { activities: new Map([['act', activity()]]) });
const move = logged(4, 'planner@nacka.test', { label: 'flytta', put: { features: [moved] }, delete: {} }, { features: new Map([[place.id, renamed]]) });
const removed = logged(5, 'planner@nacka.test', { label: 'ta bort', put: {}, delete: { features: [place.id] } }, { features: new Map([[place.id, moved]]) });

describe('recordHistory: who changed a record, when, and which fields', () => {
  it('lists created, changed and deleted newest first, skipping entries for other records', () => {
    const history = recordHistory([created, rename, otherRecord, move, removed], 'features', place.id);
    expect(history.map((h) => [h.seq, h.author, h.kind])).toEqual([
      [5, 'planner@nacka.test', 'deleted'],
      [4, 'planner@nacka.test', 'changed'],
      [2, 'police@nacka.test', 'changed'],
      [1, 'planner@nacka.test', 'created'],
    ]);
    expect(history[2]).toEqual({ seq: 2, author: 'police@nacka.test', at: '2025-01-02T10:00:00.000Z', label: 'byt namn', kind: 'changed', fields: ['name'] });
    expect(history[1]!.fields).toEqual(['geometry', 'name']);
  });

  it('names every field (but the id) of a created or deleted record', () => {
    const fields = Object.keys(place).filter((f) => f !== 'id').sort();
    const [deleted, , , first] = recordHistory([removed, move, rename, created], 'features', place.id);
    expect(first!.fields).toEqual(fields);
    expect(deleted!.fields).toEqual(Object.keys(moved).filter((f) => f !== 'id').sort());
  });

  it('names a change inside a place’s details by the detail field, as the conflict panel does', () => {
    const later = unsafePlace({ details: { ...place.details, year: 2024 } } as Partial<typeof place>);
    const entry = logged(10, 'planner@nacka.test', { label: 'år', put: { features: [later] }, delete: {} }, { features: new Map([[place.id, place]]) });
    expect(recordHistory([entry], 'features', place.id)[0]!.fields).toEqual(['details.year']);
  });

  it('sorts by sequence number whatever order the entries come in', () => {
    expect(recordHistory([removed, created, move, rename], 'features', place.id).map((h) => h.seq)).toEqual([5, 4, 2, 1]);
  });

  it('keeps tables apart: the same id in another table is another record', () => {
    const sameIdDocument = { ...document, id: place.id };
    const documentEntry = logged(6, 'planner@nacka.test', { label: 'nytt dokument', put: { documents: [sameIdDocument] }, delete: {} }, { documents: new Map([[place.id, undefined]]) });
    expect(recordHistory([created, documentEntry], 'documents', place.id).map((h) => [h.seq, h.kind])).toEqual([[6, 'created']]);
    expect(recordHistory([created, documentEntry], 'features', place.id).map((h) => h.seq)).toEqual([1]);
  });

  it('ignores key order (as PostgreSQL’s jsonb stores records) and reports a re-saved record with no fields', () => {
    const reordered = Object.fromEntries(Object.entries(renamed).reverse()) as typeof renamed;
    const resave = logged(7, 'police@nacka.test', { label: 'spara', put: { features: [reordered] }, delete: {} }, { features: new Map([[place.id, renamed]]) });
    expect(recordHistory([resave], 'features', place.id)).toEqual([expect.objectContaining({ kind: 'changed', fields: [] })]);
  });

  it('lists a change that deletes and puts the same id as what the put leaves (the server deletes first)', () => {
    const replace = logged(8, 'planner@nacka.test', { label: 'ersätt', put: { features: [renamed] }, delete: { features: [place.id] } }, { features: new Map([[place.id, place]]) });
    expect(recordHistory([replace], 'features', place.id)).toEqual([expect.objectContaining({ kind: 'changed', fields: ['name'] })]);
  });

  it('lists a delete of a record that did not exist as a deletion without fields', () => {
    const nothing = logged(9, 'planner@nacka.test', { ...emptyChange('ta bort'), delete: { features: ['never'] } }, { features: new Map([['never', undefined]]) });
    expect(nothing.inverse).toEqual(emptyChange('ta bort'));
    expect(recordHistory([nothing], 'features', 'never')).toEqual([expect.objectContaining({ kind: 'deleted', fields: [] })]);
  });

  it('answers an empty list for a record no entry touches', () => {
    expect(recordHistory([created, rename], 'features', 'elsewhere')).toEqual([]);
    expect(recordHistory([], 'activities', 'act')).toEqual([]);
  });
});
