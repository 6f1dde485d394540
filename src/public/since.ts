/** Which dated events are new since a day: dated after it (a walk on a later day counts as new). No day: all. */
export function filterSince(dates: readonly string[], since: string | null): boolean[] {
  return dates.map((date) => since === null || date.slice(0, 10) > since);
}
