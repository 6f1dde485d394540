import { describe, expect, it } from 'vitest';
import { compareSwedish } from '../../../src/ui/PlacesTable';
import { ColumnRanks, sortByRank } from '../../../src/ui/tableOrder';

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const WORDS = ['Östra torget', 'Ängen', 'åkervägen', 'Zinkgruvan', 'Skolgården', 'centrum', 'Plats 9', 'Plats 10', 'Parken', ''];

describe('the table order by ranks', () => {
  it('sorts as the Swedish collator does, stable, ascending and descending, as the ranks follow edits', () => {
    const next = random(7);
    const ranks = new ColumnRanks(compareSwedish);
    let rows = Array.from({ length: 300 }, (_, i) => ({ i, value: `${WORDS[Math.floor(next() * WORDS.length)]} ${Math.floor(next() * 40)}` }));
    for (let step = 0; step < 40; step++) {
      // An edit: a few values change, some rows go, a new one comes; sometimes an import of many.
      rows = rows.filter(() => next() > 0.02);
      const added = step % 10 === 9 ? 200 : 2;
      for (let k = 0; k < added; k++) rows.push({ i: 1000 * step + k, value: `${WORDS[Math.floor(next() * WORDS.length)]} ${step}-${k}` });
      const value = (row: { value: string }) => row.value;
      const r = ranks.ensure(rows.map(value));
      for (const desc of [false, true]) {
        const expected = [...rows].sort((a, b) => (desc ? -1 : 1) * compareSwedish(a.value, b.value));
        const got = sortByRank(rows, value, r, desc);
        expect(got.map(value), `step ${step} ${desc ? 'desc' : 'asc'}`).toEqual(expected.map(value));
      }
      // Ties keep the rows' own order.
      const ties = sortByRank(rows, () => 'same', ranks.ensure(['same']), false);
      expect(ties).toEqual(rows);
    }
  });
});
