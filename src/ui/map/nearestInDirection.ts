/** A place on screen, as the keyboard moves between them. */
export interface ScreenPlace {
  id: string;
  x: number;
  y: number;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

const VECTORS: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/**
 * The next place in a direction: the nearest one within 60° either side of it, distance counted
 * double across the direction, so "right" means what a person sees as to the right. Null when
 * nothing lies that way.
 */
export function nearestInDirection(from: ScreenPlace, places: readonly ScreenPlace[], direction: Direction): ScreenPlace | null {
  const [dx, dy] = VECTORS[direction];
  let best: ScreenPlace | null = null;
  let bestCost = Infinity;
  for (const place of places) {
    if (place.id === from.id) continue;
    const vx = place.x - from.x;
    const vy = place.y - from.y;
    const along = vx * dx + vy * dy;
    const across = Math.abs(vx * dy - vy * dx);
    // Places on the same spot (stacked markers) are ordered by id: right/down to the next, left/up
    // to the previous, so every one of them can be reached and none traps the keyboard.
    if (along === 0 && across === 0) {
      const forward = direction === 'right' || direction === 'down';
      if (forward ? place.id <= from.id : place.id >= from.id) continue;
    } else if (along <= 0) continue;
    if (across > along * Math.tan(Math.PI / 3)) continue;
    const cost = along + 2 * across;
    const closer = (direction === 'right' || direction === 'down') === place.id < (best?.id ?? '');
    if (cost < bestCost || (cost === bestCost && best !== null && closer)) {
      best = place;
      bestCost = cost;
    }
  }
  return best;
}

/** The place nearest a screen point (the map's centre when the keyboard starts). */
export function nearestTo(x: number, y: number, places: readonly ScreenPlace[]): ScreenPlace | null {
  let best: ScreenPlace | null = null;
  let bestDistance = Infinity;
  for (const place of places) {
    const d = (place.x - x) ** 2 + (place.y - y) ** 2;
    if (d < bestDistance) {
      best = place;
      bestDistance = d;
    }
  }
  return best;
}

/** Reading order (top to bottom, then left to right in bands), so "3 of 12" means the same to everyone. */
export function readingOrder<T extends ScreenPlace>(places: readonly T[], band = 24): T[] {
  return [...places].sort((a, b) => Math.floor(a.y / band) - Math.floor(b.y / band) || a.x - b.x || a.id.localeCompare(b.id));
}
