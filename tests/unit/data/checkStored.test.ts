import { describe, expect, it } from 'vitest';
import { checkStored } from '../../../src/data/readDataset';
import { dataset, unsafePlace } from '../fixtures';

describe('the background check of the records read at start-up', () => {
  it('passes valid records, finds a damaged one, and yields to the page between slices', async () => {
    const many = dataset({ features: Array.from({ length: 3000 }, (_, i) => unsafePlace({ id: `p${i}` })) });
    expect(await checkStored(many)).toBe(true);
    const damaged = { ...many, features: [...many.features, { ...unsafePlace({ id: 'bad' }), geometry: { type: 'Point', coordinates: ['x', 'y'] } }] } as unknown as typeof many;
    expect(await checkStored(damaged)).toBe(false);
    // A cancelled check (the view was read again) stops at its next slice and says nothing.
    expect(await checkStored(damaged, () => true, 0)).toBeNull();
  });
});
