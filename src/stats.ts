// Small, exact summary statistics for results and sweeps.

export interface Distribution {
  readonly count: number;
  readonly min: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  readonly max: number | null;
  readonly mean: number | null;
}

/** Nearest-rank percentile of sorted values (p in [0, 100]). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function distributionOf(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    min: sorted[0] ?? null,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? null,
    mean: sorted.length === 0 ? null : sum / sorted.length,
  };
}

export function formatDurationUs(us: number | null): string {
  if (us === null) return '-';
  if (Math.abs(us) >= 1_000_000) return `${(us / 1_000_000).toFixed(us % 1_000_000 === 0 ? 0 : 3)}s`;
  if (Math.abs(us) >= 1_000) return `${(us / 1_000).toFixed(us % 1_000 === 0 ? 0 : 1)}ms`;
  return `${us}us`;
}
