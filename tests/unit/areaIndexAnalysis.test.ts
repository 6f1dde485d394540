import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  areaClassKey,
  areaIndexQuestions,
  areaIndexYears,
  CHANGE_CLASSES,
  classCounts,
  classify,
  LEVEL_CLASSES,
  NO_DATA_CLASS,
  summariseAreaIndex,
} from '../../src/analysis/areaIndex';
import type { AreaIndexRow } from '../../src/domain/areaIndex';
import { matchAreaRows } from '../../src/io/areaIndex/matchAreaRows';
import { readAreaIndexCsv, readAreaPolygons } from '../../src/io/areaIndex/readAreaIndexFiles';
import { CHOROPLETH_COLOURS } from '../../src/map/choropleth';

const row = (areaKey: string, year: number, index: number, question = 'Nedskräpning'): AreaIndexRow => ({ areaKey, year, question, index });

describe('latest value, previous value and change per area', () => {
  const rows = [row('A', 2021, 3), row('A', 2023, 2.4), row('A', 2024, 2.1), row('B', 2023, 1.2), row('C', 2024, 4), row('A', 2024, 5, 'Klotter')];

  it('takes each area’s latest year when none is chosen, and the area’s previous survey for the change', () => {
    expect(summariseAreaIndex(rows, ['A', 'B', 'C', 'D'], 'Nedskräpning')).toEqual([
      { areaKey: 'A', year: 2024, value: 2.1, previousYear: 2023, previousValue: 2.4, change: -0.3 },
      { areaKey: 'B', year: 2023, value: 1.2, previousYear: null, previousValue: null, change: null },
      { areaKey: 'C', year: 2024, value: 4, previousYear: null, previousValue: null, change: null },
      { areaKey: 'D', year: null, value: null, previousYear: null, previousValue: null, change: null },
    ]);
  });

  it('for a chosen year compares with the latest earlier survey (surveys are not always yearly)', () => {
    const [a, b] = summariseAreaIndex(rows, ['A', 'B'], 'Nedskräpning', 2023);
    expect(a).toEqual({ areaKey: 'A', year: 2023, value: 2.4, previousYear: 2021, previousValue: 3, change: -0.6 });
    expect(b).toMatchObject({ year: 2023, value: 1.2, change: null });
    // An area without a value in the chosen year has none, even with other years.
    expect(summariseAreaIndex(rows, ['B'], 'Nedskräpning', 2024)[0]).toMatchObject({ year: 2024, value: null, previousYear: 2023, change: null });
  });

  it('rounds the change to two decimals, so 1,8 − 2,1 is −0,3 exactly', () => {
    expect(summariseAreaIndex([row('A', 2023, 2.1), row('A', 2024, 1.8)], ['A'], 'Nedskräpning')[0]!.change).toBe(-0.3);
  });

  it('lists questions in file order and years oldest first', () => {
    expect(areaIndexQuestions(rows)).toEqual(['Nedskräpning', 'Klotter']);
    expect(areaIndexYears(rows)).toEqual([2021, 2023, 2024]);
    expect(areaIndexYears(rows, 'Klotter')).toEqual([2024]);
  });
});

describe('class breaks', () => {
  it('level: six classes on the survey’s fixed 0–6 scale, each value in exactly one', () => {
    expect(LEVEL_CLASSES.map((c) => [c.min, c.max])).toEqual([[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6]]);
    expect(classify(0, LEVEL_CLASSES)?.key).toBe('level-0');
    expect(classify(0.999, LEVEL_CLASSES)?.key).toBe('level-1'); // shown as 1, so classed as 1
    expect(classify(1, LEVEL_CLASSES)?.key).toBe('level-1');
    expect(classify(5.99, LEVEL_CLASSES)?.key).toBe('level-5');
    expect(classify(6, LEVEL_CLASSES)?.key).toBe('level-5');
    expect(classify(6.1, LEVEL_CLASSES)).toBeNull();
    expect(classify(null, LEVEL_CLASSES)).toBeNull();
    for (let v = 0; v <= 6; v += 0.01) expect(LEVEL_CLASSES.filter((c) => classify(v, [c])).length).toBe(1);
  });

  it('change: diverging and symmetric around "about the same", lower is better', () => {
    const key = (v: number) => classify(v, CHANGE_CLASSES)?.key;
    expect([-2, -1, -0.99, -0.3, -0.29, 0, 0.29, 0.3, 0.99, 1, 3].map(key)).toEqual([
      'much-better', 'much-better', 'better', 'better', 'unchanged', 'unchanged', 'unchanged', 'worse', 'worse', 'much-worse', 'much-worse',
    ]);
    for (let v = -6; v <= 6; v += 0.01) expect(CHANGE_CLASSES.filter((c) => classify(v, [c])).length).toBe(1);
  });

  it('every class has a colour on the map, ordered by lightness', () => {
    for (const c of [...LEVEL_CLASSES, ...CHANGE_CLASSES]) expect(CHOROPLETH_COLOURS[c.key], c.key).toMatch(/^#[0-9a-f]{6}$/);
    // Lightness alone orders the classes (colour vision aside): level darkens as it rises, change darkens away from 0.
    const level = LEVEL_CLASSES.map((c) => luminance(CHOROPLETH_COLOURS[c.key]!));
    expect(level).toEqual([...level].sort((x, y) => y - x));
    const [muchBetter, better, same, worse, muchWorse] = CHANGE_CLASSES.map((c) => luminance(CHOROPLETH_COLOURS[c.key]!));
    expect(muchBetter! < better! && better! < same! && same! > worse! && worse! > muchWorse!).toBe(true);
  });
});

describe('the fixture pair end to end', () => {
  const csv = readAreaIndexCsv(new Uint8Array(readFileSync('tests/fixtures/areaIndex/syntetiskt_omradesindex_nacka.csv')), 'r.csv');
  const polygons = readAreaPolygons(new Uint8Array(readFileSync('tests/fixtures/areaIndex/syntetiska_omraden_nacka_sweref99tm.geojson')), 'a.geojson');
  if (!csv.ok || !polygons.ok) throw new Error('fixtures do not parse');
  const { rows } = matchAreaRows(csv.value.values, polygons.value.set, csv.value.columns);
  const keys = polygons.value.set.areas.map((a) => a.key);

  it('colours Nedskräpning 2024 by change: Fisksätra much better, Orminge much worse, Nacka strand without data', () => {
    const summaries = summariseAreaIndex(rows, keys, 'Nedskräpning', 2024);
    expect(Object.fromEntries(summaries.map((s) => [s.areaKey, [s.change, areaClassKey(s, 'change')]]))).toEqual({
      N01: [-0.3, 'better'],
      N02: [-1.2, 'much-better'],
      N03: [0.1, 'unchanged'],
      N04: [1.1, 'much-worse'],
      N05: [0.4, 'worse'],
      N06: [null, NO_DATA_CLASS],
    });
    expect(Object.fromEntries(classCounts(summaries, 'level'))).toEqual({ 'level-0': 0, 'level-1': 2, 'level-2': 0, 'level-3': 3, 'level-4': 0, 'level-5': 0, [NO_DATA_CLASS]: 1 });
  });

  it('leaves out Älta 2024 for Narkotikaförsäljning (its 7,5 was rejected)', () => {
    const alta = summariseAreaIndex(rows, ['N05'], 'Narkotikaförsäljning', 2024)[0]!;
    expect(alta).toMatchObject({ value: null, previousYear: 2023, change: null });
    expect(areaClassKey(alta, 'level')).toBe(NO_DATA_CLASS);
  });
});

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
