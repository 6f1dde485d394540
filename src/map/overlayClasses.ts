/**
 * The hexagon overlay's classes: the map's fill and the legend read this one table, so a colour on
 * the map always means the range the legend gives for it. Counts go light to dark (viridis), so
 * lightness alone orders them; change goes blue (fewer) through near-white to orange (more).
 */
export interface OverlayClass {
  /** Inclusive bounds of the class, in the overlay's unit (places or answers per cell, or their change). */
  from: number;
  to: number;
  colour: string;
}

const COUNT_COLOURS = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'];
const CHANGE_COLOURS = ['#2166ac', '#92c5de', '#f7f7f7', '#fdb863', '#b35806'];

/** Up to five classes of whole numbers from 1 to max: a cell with a count is always in a class. */
export function countClasses(max: number): OverlayClass[] {
  const top = Math.max(1, Math.ceil(max));
  const classes: OverlayClass[] = [];
  let from = 1;
  for (let k = 1; k <= COUNT_COLOURS.length && from <= top; k++) {
    const to = k === COUNT_COLOURS.length ? top : Math.max(from, Math.round((top * k) / COUNT_COLOURS.length));
    classes.push({ from, to, colour: '' });
    from = to + 1;
  }
  // Spread the colours over however many classes there are, keeping the darkest for the top.
  return classes.map((c, i) => ({ ...c, colour: COUNT_COLOURS[classes.length === 1 ? COUNT_COLOURS.length - 1 : Math.round((i * (COUNT_COLOURS.length - 1)) / (classes.length - 1))]! }));
}

/** Fewer by more than half the largest change, fewer, no change, more, more by over half. */
export function changeClasses(max: number): OverlayClass[] {
  const m = Math.max(1, Math.ceil(max));
  const half = Math.max(1, Math.ceil(m / 2));
  return [
    { from: -m, to: -half - 1, colour: CHANGE_COLOURS[0]! },
    { from: -half, to: -1, colour: CHANGE_COLOURS[1]! },
    { from: 0, to: 0, colour: CHANGE_COLOURS[2]! },
    { from: 1, to: half, colour: CHANGE_COLOURS[3]! },
    { from: half + 1, to: m, colour: CHANGE_COLOURS[4]! },
  ].filter((c) => c.from <= c.to);
}

export const overlayClasses = (scale: 'count' | 'change', max: number) => (scale === 'count' ? countClasses(max) : changeClasses(max));

/** A MapLibre step expression over the feature's `value` giving each class its colour. */
export function classStepExpression(classes: readonly OverlayClass[]): unknown[] {
  const [first, ...rest] = classes;
  if (!first) return ['literal', '#000000'];
  return ['step', ['get', 'value'], first.colour, ...rest.flatMap((c) => [c.from, c.colour])];
}
