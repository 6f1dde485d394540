import { describe, expect, it } from 'vitest';
import { nearestInDirection, nearestTo, readingOrder, type Direction, type ScreenPlace } from '../../../src/ui/map/nearestInDirection';

const p = (id: string, x: number, y: number): ScreenPlace => ({ id, x, y });

describe('moving between places on screen by arrow key', () => {
  const centre = p('c', 100, 100);
  const around = [centre, p('right', 150, 105), p('far-right', 300, 100), p('left', 40, 90), p('up', 95, 20), p('down', 110, 180), p('up-right', 160, 30)];

  it('goes to the nearest place that lies in the direction pressed', () => {
    const to = (d: Direction) => nearestInDirection(centre, around, d)?.id;
    expect(to('right')).toBe('right');
    expect(to('left')).toBe('left');
    expect(to('up')).toBe('up');
    expect(to('down')).toBe('down');
  });

  it('says there is nothing that way rather than jumping behind', () => {
    expect(nearestInDirection(p('far-right', 300, 100), around, 'right')).toBeNull();
  });

  it('prefers a place straight ahead to a nearer one far off the line', () => {
    const places = [centre, p('diagonal', 140, 60), p('straight', 160, 100)];
    expect(nearestInDirection(centre, places, 'right')?.id).toBe('straight');
  });

  it('reaches every one of places stacked on one spot and does not trap the keyboard', () => {
    const stacked = [p('a', 50, 50), p('b', 50, 50), p('c', 50, 50), p('d', 90, 50)];
    const visited = ['a'];
    let at = stacked[0]!;
    for (let i = 0; i < 5; i++) {
      const next = nearestInDirection(at, stacked, 'right');
      if (!next) break;
      visited.push(next.id);
      at = next;
    }
    expect(visited).toEqual(['a', 'b', 'c', 'd']);
    expect(nearestInDirection(p('c', 50, 50), stacked, 'left')?.id).toBe('b');
  });

  it('starts at the place nearest the centre, and counts in reading order', () => {
    expect(nearestTo(90, 95, around)?.id).toBe('c');
    expect(readingOrder([p('b', 200, 10), p('a', 10, 12), p('c', 5, 300)]).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});
