import { describe, expect, it } from 'vitest';
import { changeClasses, classStepExpression, countClasses } from '../../../src/map/overlayClasses';

describe('the hexagon classes the map and its legend share', () => {
  it('cover every count from 1 to the largest without gaps or overlaps', () => {
    for (const max of [1, 2, 3, 7, 10, 37, 1000]) {
      const classes = countClasses(max);
      expect(classes[0]!.from).toBe(1);
      expect(classes.at(-1)!.to).toBe(max);
      for (let i = 1; i < classes.length; i++) expect(classes[i]!.from).toBe(classes[i - 1]!.to + 1);
      expect(classes.length).toBeLessThanOrEqual(5);
      expect(new Set(classes.map((c) => c.colour)).size).toBe(classes.length);
    }
  });

  it('keep the darkest colour for the top class whatever the number of classes', () => {
    expect(countClasses(1)).toEqual([{ from: 1, to: 1, colour: '#440154' }]);
    expect(countClasses(20).at(-1)!.colour).toBe('#440154');
  });

  it('split change into fewer, none and more around zero', () => {
    const classes = changeClasses(6);
    expect(classes.map((c) => [c.from, c.to])).toEqual([[-6, -4], [-3, -1], [0, 0], [1, 3], [4, 6]]);
  });

  it('colour the map by the same breaks (a step expression)', () => {
    const classes = countClasses(10);
    const expression = classStepExpression(classes);
    expect(expression.slice(0, 3)).toEqual(['step', ['get', 'value'], classes[0]!.colour]);
    expect(expression.slice(3)).toEqual(classes.slice(1).flatMap((c) => [c.from, c.colour]));
  });
});
