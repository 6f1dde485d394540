/** Latency samples in milliseconds and the figures the bench reports from them. */
export class Latencies {
  private readonly samples: number[] = [];

  add(ms: number): void {
    this.samples.push(ms);
  }

  values(): readonly number[] {
    return this.samples;
  }

  get count(): number {
    return this.samples.length;
  }

  /** Nearest-rank percentile (p in 0..100); 0 when there are no samples. */
  percentile(p: number): number {
    if (!this.samples.length) return 0;
    const sorted = [...this.samples].sort((a, b) => a - b);
    const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
    return sorted[rank - 1]!;
  }

  summary(): { count: number; p50Ms: number; p99Ms: number; maxMs: number } {
    return { count: this.count, p50Ms: round(this.percentile(50)), p99Ms: round(this.percentile(99)), maxMs: round(this.percentile(100)) };
  }
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
