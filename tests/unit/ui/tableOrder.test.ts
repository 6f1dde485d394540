import { describe, expect, it } from 'vitest';
import { compareSwedish } from '../../../src/ui/PlacesTable';
import { ColumnRanks, inOrderOf, sortByRank, swedishKeyIsExact, swedishRoughKey } from '../../../src/ui/tableOrder';

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

  it('gives the same order with the rough key first as the collator alone, for names with accents, cases, numbers and punctuation', () => {
    const next = random(31);
    const parts = ['Östra', 'östra', 'Ängen', 'Åker', 'Zink', 'zebra', 'Café', 'Cafe', 'Ørsta', 'Æble', 'Ü-bahn', 'plats', 'Plats', 'Enkätplats', '-', ' ', '(exempel)', 'Väg 9', 'väg 10', 'Väg 010', '2', '10', 'a1b2', 'Ýstad', 'ﬁsk', 'İzmir', 'ß'];
    const values = Array.from({ length: 4000 }, () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => parts[Math.floor(next() * parts.length)]).join(next() > 0.5 ? ' ' : '') + (next() > 0.5 ? ` ${Math.floor(next() * 1000)}` : ''));
    const plain = new ColumnRanks(compareSwedish).ensure(values);
    const rough = new ColumnRanks(compareSwedish, swedishRoughKey).ensure(values);
    const order = (ranks: ReadonlyMap<string, number>) => [...ranks].sort((a, b) => a[1] - b[1]).map(([value]) => value);
    // Distinct values the collator calls equal ("Plats" and "plats") may stand either way round; all else in the same place.
    const a = order(plain);
    const b = order(rough);
    expect(b.length).toBe(a.length);
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) expect(compareSwedish(a[i]!, b[i]!), `${a[i]} / ${b[i]}`).toBe(0);
    for (let i = 1; i < b.length; i++) expect(compareSwedish(b[i - 1]!, b[i]!), `${b[i - 1]} ≤ ${b[i]}`).toBeLessThanOrEqual(0);
  });
});

describe('the rough key taken as the order itself', () => {
  it('is the collator\'s order for every value it calls exact, so the collator\'s pass can be skipped', () => {
    const next = random(47);
    const alphabet = ['a', 'z', 'A', 'Z', 'å', 'Å', 'ä', 'Ä', 'ö', 'Ö', 'æ', 'ø', 'Ø', ' ', '0', '7', '9', 'm', 'n', 'E', 'e'];
    const values = Array.from({ length: 4000 }, () => Array.from({ length: Math.floor(next() * 8) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
    expect(values.every(swedishKeyIsExact)).toBe(true);
    const ranks = new ColumnRanks(compareSwedish, swedishRoughKey, swedishKeyIsExact).ensure(values);
    const order = [...ranks].sort((a, b) => a[1] - b[1]).map(([value]) => value);
    for (let i = 1; i < order.length; i++) expect(compareSwedish(order[i - 1]!, order[i]!), `${order[i - 1]} ≤ ${order[i]}`).toBeLessThanOrEqual(0);
    // A few values the key cannot order, among many it can: each is placed where the collator puts it.
    const mixed = [...values, 'Café 2', '(exempel)', 'Ü-bahn', 'a-b', 'Ýstad'];
    const mixedOrder = [...new ColumnRanks(compareSwedish, swedishRoughKey, swedishKeyIsExact).ensure(mixed)].sort((a, b) => a[1] - b[1]).map(([value]) => value);
    expect(mixedOrder.length).toBe(new Set(mixed).size);
    for (let i = 1; i < mixedOrder.length; i++) expect(compareSwedish(mixedOrder[i - 1]!, mixedOrder[i]!), `${mixedOrder[i - 1]} ≤ ${mixedOrder[i]}`).toBeLessThanOrEqual(0);
    // What the collator orders otherwise than the key is never exact.
    for (const value of ['Café', 'Ü-bahn', 'a-b', '(exempel)', 'Ýstad', 'ß', 'İzmir', 'a.b', '1234567890123']) expect(swedishKeyIsExact(value), value).toBe(false);
  });
});

describe('the shown rows taken in the order of every row', () => {
  it('gives what sorting the shown rows gives, and declines rows that are not among every row', () => {
    const next = random(11);
    const all = Array.from({ length: 500 }, (_, i) => ({ id: `p${i}`, value: `${WORDS[Math.floor(next() * WORDS.length)]} ${Math.floor(next() * 30)}` }));
    const value = (row: { value: string }) => row.value;
    const ranks = new ColumnRanks(compareSwedish, swedishRoughKey).ensure(all.map(value));
    const sortedAll = sortByRank(all, value, ranks, false);
    for (let trial = 0; trial < 20; trial++) {
      const shown = all.filter(() => next() < 0.3);
      expect(inOrderOf(sortedAll, all, shown)?.map((r) => r.id)).toEqual(sortByRank(shown, value, ranks, false).map((r) => r.id));
    }
    expect(inOrderOf(sortedAll, all, all)).toBe(sortedAll);
    // A row the full list does not have (another version of the data): the caller sorts on its own.
    expect(inOrderOf(sortedAll, all, [...all.slice(0, 3), { id: 'elsewhere', value: 'x' }])).toBeNull();
    expect(inOrderOf(sortedAll, all, [all[0]!, all[0]!])).toBeNull();
  });
});
