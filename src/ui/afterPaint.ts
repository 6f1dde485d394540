/**
 * Runs `run` once the frame being prepared has been painted (a task after the next animation
 * frame), so what React just committed (the list, its count) shows before heavier work for the
 * map starts. Returns a cancel function for an effect's cleanup.
 */
export function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
