import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  /** 'vertical': a bar between two columns, dragged sideways; 'horizontal': between rows. */
  orientation: 'vertical' | 'horizontal';
  /** The size in px of the panel this bar resizes. */
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right/down grows the panel, -1 when it shrinks it (a panel below or right of the bar). */
  direction: 1 | -1;
  label: string;
  /** The id of the panel it resizes, when it has one. */
  controls?: string;
  onChange(size: number): void;
}

const STEP = 24;

/**
 * A window splitter (WAI-ARIA "separator" that can take focus): drag it, or focus it and use the
 * arrow keys (Home/End for the smallest and largest size), so resizing needs no mouse.
 */
export function Splitter({ orientation, value, min, max, direction, label, controls, onChange }: Props) {
  const drag = useRef<{ start: number; size: number } | null>(null);
  const clamp = (n: number) => Math.round(Math.min(max, Math.max(min, n)));
  const position = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY);

  const onKeyDown = (e: KeyboardEvent) => {
    const grow = orientation === 'vertical' ? { ArrowRight: 1, ArrowLeft: -1 } : { ArrowDown: 1, ArrowUp: -1 };
    const step = grow[e.key as keyof typeof grow];
    if (step !== undefined) onChange(clamp(value + step * direction * STEP));
    else if (e.key === 'Home') onChange(min);
    else if (e.key === 'End') onChange(max);
    else return;
    e.preventDefault();
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation={orientation}
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={clamp(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      className={`splitter splitter-${orientation}`}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        drag.current = { start: position(e), size: value };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (!drag.current) return;
        onChange(clamp(drag.current.size + (position(e) - drag.current.start) * direction));
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
    />
  );
}
