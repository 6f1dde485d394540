/**
 * Sorting the places table at 100 000 rows without a collator call per comparison. Each column
 * keeps its distinct values in Swedish order and gives each a rank; a sort is then one numeric
 * sort of (rank, position) keys. The ranks outlive a version of the rows: after an edit only the
 * new values are placed (binary search), so a sort after an edit costs a pass, not a re-collation.
 */
/** Values the key cannot order, up to this many, are placed one by one (binary search) instead of a collator pass over every value. */
const MAX_PLACED = 256;

export class ColumnRanks {
  private sorted: string[] = [];
  private ranks = new Map<string, number>();

  /**
   * `roughKey` (optional) is a plain string whose code-unit order is close to `compare`'s: a full
   * sort first orders by it natively, and the collator's own sort of the nearly sorted list is then
   * about one call per value (V8's TimSort merges runs), not twenty. The result is `compare`'s order.
   */
  constructor(
    private readonly compare: (a: string, b: string) => number,
    private readonly roughKey?: (value: string) => string,
    /** Whether `roughKey`'s order is `compare`'s for this value: when it is for every value, the collator's pass is skipped. */
    private readonly keyIsExact?: (value: string) => boolean,
  ) {}

  /** Every value given has a rank afterwards; the ranks keep the column's order. */
  ensure(values: readonly string[]): ReadonlyMap<string, number> {
    // A first sort or an import has more than enough new values at once: no set of every one of them.
    const missing: string[] = [];
    for (const value of values) if (!this.ranks.has(value) && missing.push(value) > 64) break;
    if (!missing.length) return this.ranks;
    // Many new values (the first sort, an import), or the list has grown stale with values no row
    // has any more: sort afresh. A few: place each where it belongs.
    if (missing.length > 64 || this.sorted.length > 2 * values.length + 1024) {
      const distinct = [...new Set(values)];
      const isExact = this.keyIsExact;
      const others = isExact ? distinct.filter((value) => !isExact(value)) : distinct;
      if (isExact && others.length <= MAX_PLACED) {
        // The plain values in their key's order, the few others each placed where the collator puts it.
        this.sorted = this.roughlySorted(others.length ? distinct.filter(isExact) : distinct);
        for (const value of others) this.sorted.splice(this.insertionPoint(value), 0, value);
      } else {
        this.sorted = this.roughlySorted(distinct).sort(this.compare);
      }
    } else {
      for (const value of new Set(missing)) this.sorted.splice(this.insertionPoint(value), 0, value);
    }
    this.ranks = new Map(this.sorted.map((value, i) => [value, i]));
    return this.ranks;
  }

  private roughlySorted(values: string[]): string[] {
    const key = this.roughKey;
    if (!key) return values;
    // The engine's own string sort, no comparator called from JS: key, a NUL (below every key character), position.
    const keyed = values.map((value, i) => `${key(value)}\u0000${i}`);
    keyed.sort();
    return keyed.map((k) => values[Number(k.slice(k.lastIndexOf('\u0000') + 1))]!);
  }

  private insertionPoint(value: string): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compare(this.sorted[mid]!, value) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/**
 * The rows in the order of their values' ranks (descending if asked), ties in their given order:
 * each row becomes one number, rank × 2^k + position, and a typed array sorts those natively.
 */
export function sortByRank<T>(rows: readonly T[], value: (row: T) => string, ranks: ReadonlyMap<string, number>, desc: boolean): T[] {
  const n = rows.length;
  let scale = 1;
  while (scale <= n) scale *= 2;
  const top = ranks.size;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rank = ranks.get(value(rows[i]!)) ?? top;
    keys[i] = (desc ? top - rank : rank) * scale + i;
  }
  keys.sort();
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = rows[keys[i]! % scale]!;
  return out;
}

/**
 * A key whose plain order is nearly Swedish name order (case and accents aside, å ä ö after z,
 * numbers by value): ColumnRanks' first pass, which the collator then corrects where it differs.
 * One pass over the characters: at 100 000 names a chain of regular expressions cost more than it saved.
 */
export function swedishRoughKey(value: string): string {
  const lower = value.toLowerCase();
  let key = '';
  let digits = '';
  for (let i = 0; i < lower.length; i++) {
    const char = lower[i]!;
    const code = lower.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      digits += char;
      continue;
    }
    if (digits) (key += digits.padStart(12, '0')), (digits = '');
    if (code < 128) key += char;
    // Past z in code units, in Swedish order; other accents go (é sorts as e).
    else if (code === 0xe5) key += '{';
    else if (code === 0xe4 || code === 0xe6) key += '|';
    else if (code === 0xf6 || code === 0xf8) key += '}';
    else key += char.normalize('NFD')[0];
  }
  return digits ? key + digits.padStart(12, '0') : key;
}

/**
 * Whether swedishRoughKey's plain order is the Swedish collator's (base sensitivity, numeric) for
 * this value: letters a–z and å ä ö (æ ø, which the collator takes for ä ö), either case, digits
 * in runs the key pads exactly, and spaces. Punctuation, other accents and other scripts sort
 * differently in the collator, so a column holding any of them gets the collator's pass.
 */
export function swedishKeyIsExact(value: string): boolean {
  let run = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (++run > 12) return false;
      continue;
    }
    run = 0;
    const lower = code >= 65 && code <= 90 ? code + 32 : code;
    if (lower === 32 || (lower >= 97 && lower <= 122)) continue;
    // å ä æ ö ø, lower and upper case.
    if (code === 0xe5 || code === 0xe4 || code === 0xe6 || code === 0xf6 || code === 0xf8 || code === 0xc5 || code === 0xc4 || code === 0xc6 || code === 0xd6 || code === 0xd8) continue;
    return false;
  }
  return true;
}

/**
 * `shown` in the order of `sortedAll` (every row, sorted), or null when `shown` is not a subset of
 * `all` (then it is sorted on its own). The rows are matched by id: a row of a newer version of a
 * place would otherwise be taken for a different row.
 */
export function inOrderOf<T extends { id: string }>(sortedAll: readonly T[], all: readonly T[], shown: readonly T[]): T[] | null {
  if (shown === all) return sortedAll as T[];
  const wanted = new Set<string>();
  for (const row of shown) wanted.add(row.id);
  const out: T[] = [];
  for (const row of sortedAll) if (wanted.has(row.id)) out.push(row);
  return out.length === wanted.size && wanted.size === shown.length ? out : null;
}
