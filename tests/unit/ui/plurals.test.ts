import { describe, expect, it } from 'vitest';
import { en } from '../../../src/ui/strings/en';
import { sv } from '../../../src/ui/strings/sv';

describe('counted words follow each language’s plural rules', () => {
  it('says 1 plats / 1 place and 2 platser / 2 places, with numbers written as the language does', () => {
    expect(sv.placesCount(1)).toBe('1 plats');
    expect(sv.placesCount(2)).toBe('2 platser');
    expect(en.placesCount(1)).toBe('1 place');
    expect(en.placesCount(0)).toBe('0 places');
    expect(sv.edit.labels.importFile(1, 'a.csv')).toBe('importera 1 plats från a.csv');
    expect(en.edit.labels.importFile(1, 'a.csv')).toBe('import 1 place from a.csv');
    expect(sv.storedIssues(1)).toBe('1 sparad post är skadad och visas inte.');
    expect(en.highlightedCount(1)).toBe('1 place of the promise is highlighted on the map.');
    expect(sv.placesCount(12000)).toBe('12\u00a0000 platser');
    expect(en.placesCount(12000)).toBe('12,000 places');
  });
});
