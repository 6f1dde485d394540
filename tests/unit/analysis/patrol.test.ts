import { describe, expect, it } from 'vitest';
import { PATROL_DAY_TYPE_NOTE, PATROL_FORMULA_TEXT, PATROL_WEIGHTS, patrolPriorities } from '../../../src/analysis/patrol';
import type { PatrolOptions } from '../../../src/analysis/types';
import type { SafetyFeature } from '../../../src/domain/safetyFeature';
import { deepFreeze } from '../sharedFiles';
import { focusPlace, place, walk, watchArea, rectangle } from './builders';

const options: PatrolOptions = { timeOfDay: 'kvall', dayType: 'vardag', now: new Date('2025-06-15T12:00:00'), walkDistanceMetres: 100 };
const LON = 19.5;
const LAT = 63.57;
const pointsOf = (item: { parts: { key: string; points: number }[] }) => Object.fromEntries(item.parts.map((p) => [p.key, p.points]));

describe('patrolPriorities', () => {
  it("counts a place's individual survey answers when it has no response count, and keeps the count it came with", () => {
    const features = deepFreeze([
      place('counted', [LON, LAT], { name: 'Med antal', responses: 3, timeOfDay: ['kvall'], year: 2024 }),
      place('bare', [LON + 0.05, LAT], { name: 'Utan antal', responses: null, timeOfDay: ['kvall'], year: 2024 }),
      place('none', [LON + 0.1, LAT], { name: 'Inga svar', responses: null, timeOfDay: ['kvall'], year: 2024 }),
    ]);
    const answersInCell = new Map([['counted', 40], ['bare', 7], ['none', 0]]);
    const items = new Map(patrolPriorities(features, { ...options, answersInCell }).map((i) => [i.featureId, i]));
    // 10 × log2(1 + 7) = 30 from the answers; the imported count 3 stays (20); no answers: counts as 1 (10).
    expect(pointsOf(items.get('bare')!).reports).toBe(30);
    expect(items.get('bare')!.parts[0]!.explanation).toContain('7 enskilda enkätsvar kvällstid i platsens hexagon');
    expect(pointsOf(items.get('counted')!).reports).toBe(20);
    expect(pointsOf(items.get('none')!).reports).toBe(10);
    expect(patrolPriorities(features, options).find((i) => i.featureId === 'bare')!.parts[0]!.points).toBe(10);
  });

  it('returns nothing for no features, and ignores walks and watch areas', () => {
    expect(patrolPriorities([], options)).toEqual([]);
    const others = deepFreeze([
      walk('w', { type: 'LineString', coordinates: [[LON, LAT], [LON + 0.01, LAT]] }),
      watchArea('g', rectangle(LON, LAT, LON + 0.01, LAT + 0.01)),
    ]);
    expect(patrolPriorities(others, options)).toEqual([]);
  });

  it('scores a hand-built place part by part: 20 + 20 + 10 + 15 + 0 = 65', () => {
    const features = deepFreeze([place('p', [LON, LAT], { name: 'Torget', responses: 3, timeOfDay: ['kvall', 'natt'], year: 2024 })]);
    const [item] = patrolPriorities(features, options);
    expect(item!.featureId).toBe('p');
    expect(item!.point).toEqual([LON, LAT]);
    // reports 10 × log2(1 + 3) = 10 × 2 = 20; evening chosen and listed: 20; 2024 is 1 year before 2025: 10; a gap: 15
    expect(pointsOf(item!)).toEqual({ reports: 20, timeOfDay: 20, recency: 10, uncovered: 15, focus: 0 });
    expect(item!.score).toBe(65);
    expect(item!.parts.map((p) => p.key)).toEqual(['reports', 'timeOfDay', 'recency', 'uncovered', 'focus']);
    const text = Object.fromEntries(item!.parts.map((p) => [p.key, p.explanation]));
    expect(text.reports).toBe('3 svar i trygghetsundersökningen: 10 × log2(1 + 3) = 20.');
    expect(text.timeOfDay).toContain('kvällstid');
    expect(text.recency).toContain('2024');
    expect(text.uncovered).toContain('Ingen trygghetsvandring inom 100 m');
    for (const part of item!.parts) expect(part.explanation.length).toBeGreaterThan(5);
  });

  it('rounds the reports part to one decimal: 2 responses → 10 × log2(3) = 15.849… → 15,8', () => {
    const [item] = patrolPriorities(deepFreeze([place('p', [LON, LAT], { responses: 2, timeOfDay: ['dag'], year: 2010 })]), options);
    // 15.8 + 0 (day only, evening chosen) + 0 (15 years old) + 15 (gap)
    expect(pointsOf(item!)).toEqual({ reports: 15.8, timeOfDay: 0, recency: 0, uncovered: 15, focus: 0 });
    expect(item!.score).toBe(30.8);
    expect(item!.parts[0]!.explanation).toContain('= 15,8');
  });

  it('counts unknown responses as 1 (10 points) and unknown time of day as 5', () => {
    const [item] = patrolPriorities(deepFreeze([place('p', [LON, LAT], { responses: null, timeOfDay: [], year: null })]), options);
    expect(pointsOf(item!)).toEqual({ reports: 10, timeOfDay: 5, recency: 0, uncovered: 15, focus: 0 });
    expect(item!.score).toBe(30);
    expect(item!.parts[0]!.explanation).toContain('Antal svar saknas');
  });

  it('gives recency 10 within 1 year, 5 within 3 years, 0 beyond', () => {
    const recency = (year: number) =>
      pointsOf(patrolPriorities(deepFreeze([place('p', [LON, LAT], { year })]), options)[0]!).recency;
    expect([2025, 2024, 2023, 2022, 2021, 2026].map(recency)).toEqual([10, 10, 5, 5, 0, 10]);
  });

  it('gives a covered place no uncovered points, and says what covers it', () => {
    const features = deepFreeze([
      walk('w', { type: 'LineString', coordinates: [[LON - 0.01, LAT], [LON + 0.01, LAT]] }, 'Kvällsvandring centrum'),
      place('p', [LON, LAT + 0.0005], { responses: 1 }), // 56 m from the walk
    ]);
    const [item] = patrolPriorities(features, options);
    expect(pointsOf(item!).uncovered).toBe(0);
    expect(item!.parts.find((p) => p.key === 'uncovered')!.explanation).toContain('Kvällsvandring centrum');
    expect(item!.score).toBe(10 + 20 + 10);
  });

  it('scores a focus place: 0 reports, 5 unknown time, 0 recency, 0 uncovered, 10 focus = 15', () => {
    const [item] = patrolPriorities(deepFreeze([focusPlace('f', { type: 'Point', coordinates: [LON, LAT] }, 'Centrum')]), options);
    expect(pointsOf(item!)).toEqual({ reports: 0, timeOfDay: 5, recency: 0, uncovered: 0, focus: 10 });
    expect(item!.score).toBe(15);
    expect(item!.parts[0]!.explanation).toContain('Fokusplats');
  });

  it('sorts by score, then by Swedish name order', () => {
    const same = { responses: 3, timeOfDay: ['kvall'] as const, year: 2024 };
    const features: SafetyFeature[] = deepFreeze([
      place('o', [LON, LAT], { ...same, timeOfDay: ['kvall'], name: 'Östra torget' }),
      place('v', [LON + 0.1, LAT], { ...same, timeOfDay: ['kvall'], name: 'Västra torget' }),
      place('ae', [LON + 0.2, LAT], { ...same, timeOfDay: ['kvall'], name: 'Ängen' }),
      place('top', [LON + 0.3, LAT], { ...same, timeOfDay: ['kvall'], responses: 7, name: 'Öbacken' }),
      focusPlace('f', { type: 'Point', coordinates: [LON + 0.4, LAT] }, 'Aaa centrum'),
    ]);
    // Öbacken: 10 × log2(8) = 30 + 20 + 10 + 15 = 75; the three ties 65; the focus place 15
    expect(patrolPriorities(features, options).map((i) => [i.name, i.score])).toEqual([
      ['Öbacken', 75],
      ['Västra torget', 65],
      ['Ängen', 65],
      ['Östra torget', 65],
      ['Aaa centrum', 15],
    ]);
  });

  it('gives the same result on weekdays and weekends: the data cannot tell them apart', () => {
    const features = deepFreeze([place('p', [LON, LAT], { responses: 3 })]);
    const weekday = patrolPriorities(features, { ...options, dayType: 'vardag' });
    const weekend = patrolPriorities(features, { ...options, dayType: 'helg' });
    expect(weekend).toEqual(weekday);
    expect(weekday[0]!.parts.map((p) => p.key)).not.toContain('dayType');
    expect(PATROL_DAY_TYPE_NOTE).toContain('vardag');
  });

  it('exports the weights the formula uses', () => {
    expect(PATROL_WEIGHTS).toEqual({
      reportsFactor: 10,
      timeOfDayMatch: 20,
      timeOfDayUnknown: 5,
      recentWithinOneYear: 10,
      recentWithinThreeYears: 5,
      uncovered: 15,
      focusPlace: 10,
    });
    expect(PATROL_FORMULA_TEXT).toContain('log2');
  });
});
