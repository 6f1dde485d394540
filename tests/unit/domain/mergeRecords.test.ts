import { describe, expect, it } from 'vitest';
import { mergeRecords, recordDifferences } from '../../../src/domain/sync/differences';
import { unsafePlace } from '../fixtures';

const base = unsafePlace();

describe('mergeRecords: my edit laid over theirs when we changed different fields', () => {
  it('keeps their rename and my detail change', () => {
    const theirs = { ...base, name: 'Deras namn' };
    const mine = { ...base, details: { ...base.details, year: 2025 } } as typeof base;
    const merged = mergeRecords(base, mine, theirs)!;
    expect(merged.name).toBe('Deras namn');
    expect((merged.details as { year: number }).year).toBe(2025);
    expect(recordDifferences(theirs, merged).map((d) => d.field)).toEqual(['details.year']);
  });

  it('refuses when we changed the same field, or one of us deleted the record', () => {
    expect(mergeRecords(base, { ...base, name: 'Mitt' }, { ...base, name: 'Deras' })).toBeNull();
    expect(mergeRecords(base, { ...base, name: 'Mitt' }, null)).toBeNull();
    expect(mergeRecords(null, { ...base, name: 'Mitt' }, base)).toBeNull();
  });

  it('treats a change of the whole details (another layer) as touching every detail field', () => {
    const theirs = { ...base, details: { ...base.details, year: 1999 } } as typeof base;
    const mine = { ...base, details: { ...base.details, responses: 12 } } as typeof base;
    // Different detail fields: both kept.
    expect(mergeRecords(base, mine, theirs)!.details).toMatchObject({ year: 1999, responses: 12 });
    // A field I removed is removed from theirs as well.
    const withoutAttributes = { ...base, attributes: { a: 1 } } as typeof base;
    const removed = { ...withoutAttributes };
    delete removed.attributes;
    expect(mergeRecords(withoutAttributes, removed, { ...withoutAttributes, name: 'X' })).not.toHaveProperty('attributes');
  });
});
