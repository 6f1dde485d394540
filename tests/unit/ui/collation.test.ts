import { describe, expect, it } from 'vitest';
import { compareSwedish } from '../../../src/ui/PlacesTable';

describe('Swedish collation in the table', () => {
  it('puts å, ä, ö after z, in that order, ignoring case', () => {
    expect(['ö', 'Ä', 'z', 'å', 'a', 'Z'].sort(compareSwedish)).toEqual(['a', 'z', 'Z', 'å', 'Ä', 'ö']);
  });
  it('sorts numbers in names by value', () => {
    expect(['Plats 10', 'Plats 9'].sort(compareSwedish)).toEqual(['Plats 9', 'Plats 10']);
  });
});
