// The headline figures of a run, computed from its trace records alone, and how B compares with A.
import { isCensored } from '../../contract/election-terms.js';
import { nearestRank } from '../aggregate.js';
import { formatNumber } from '../format.js';
import type { RunModel } from '../model.js';

/** Headline figures of one run, computed from its trace records alone. Null: the trace cannot tell. */
export interface HeadlineMetrics {
  readonly verdict: string;
  readonly simulatedUs: number;
  readonly elections: number;
  readonly preVoteRounds: number;
  /** Terms two or more candidates split, none winning (docs/metrics.md; contract/election-terms.ts). */
  readonly splitVotes: number;
  /** Terms a lone candidate lost because its log was behind a voter's (contract/election-terms.ts). */
  readonly lostToStaleLog: number;
  readonly leaderChanges: number;
  readonly electionLatencySamples: number;
  readonly electionLatencyP50Us: number | null;
  readonly electionLatencyP99Us: number | null;
  /** Sum of election latencies, plus the time from an unrecovered loss to the end (null: a trace without the measurement records). */
  readonly timeWithoutLeaderUs: number | null;
  readonly peakLogEntries: number | null;
  readonly snapshots: number;
  readonly snapshotsInstalled: number;
  readonly stalls: number;
  readonly messages: number;
  readonly dropped: number;
  readonly clientOk: number;
  readonly clientTimeouts: number;
  readonly clientLatencyP50Us: number | null;
  readonly clientLatencyP99Us: number | null;
}

/** The headline figures of a run, from its trace records (see HeadlineMetrics). */
export function headlineMetrics(model: RunModel): HeadlineMetrics {
  const real = model.elections.filter((e) => !e.preVote);
  // Censored samples (docs/metrics.md) are left out of the percentiles, as the run's metrics leave them out.
  const latencies = model.electionLatencies.filter((e) => !isCensored(e.fromUs, e.toUs, model.livenessStartUs)).map((e) => e.latencyUs).sort((p, q) => p - q);
  const measured = model.logEntries.size > 0 || model.leaderLosses.length > 0 || latencies.length > 0;
  let timeWithoutLeaderUs: number | null = null;
  if (measured) {
    timeWithoutLeaderUs = 0;
    for (const span of model.leaderless) timeWithoutLeaderUs += span.toUs - span.fromUs;
    // Traces with election-latency records but no leader-lost records (none are written that way today).
    if (model.leaderless.length === 0) for (const latency of latencies) timeWithoutLeaderUs += latency;
  }
  let peakLogEntries: number | null = null;
  for (const series of model.logEntries.values()) for (const value of series.value) peakLogEntries = Math.max(peakLogEntries ?? 0, value);
  const dropped = model.counts.drops;
  const ok: number[] = [];
  let timeouts = 0;
  model.clientOps.outcome.forEach((outcome, k) => {
    if (outcome === 'ok') ok.push(model.clientOps.latencyUs[k]!);
    else if (outcome === 'timeout') timeouts++;
  });
  ok.sort((p, q) => p - q);
  const q = (sorted: number[], p: number): number | null => (sorted.length === 0 ? null : nearestRank(sorted, p));
  return {
    verdict: model.end?.verdict ?? 'unknown',
    simulatedUs: model.endUs,
    elections: real.length,
    preVoteRounds: model.elections.length - real.length,
    splitVotes: model.electionTerms.splitVotes,
    lostToStaleLog: model.electionTerms.lostToStaleLog,
    leaderChanges: model.leaderChanges.length,
    electionLatencySamples: latencies.length,
    electionLatencyP50Us: q(latencies, 50),
    electionLatencyP99Us: q(latencies, 99),
    timeWithoutLeaderUs,
    peakLogEntries,
    snapshots: model.counts.snapshots,
    snapshotsInstalled: model.counts.snapshotInstalls,
    stalls: model.counts.stalls,
    messages: model.counts.sends,
    dropped,
    clientOk: ok.length,
    clientTimeouts: timeouts,
    clientLatencyP50Us: q(ok, 50),
    clientLatencyP99Us: q(ok, 99),
  };
}

/** B relative to A: "+4%" near A, "×3.2" far from it, "+21" from zero, "same"; '' when either is unknown. */
export function compareText(a: number | null, b: number | null, format?: (value: number) => string): string {
  if (a === null || b === null) return '';
  if (a === b) return 'same';
  if (format !== undefined) {
    // The difference in the figure's own unit, then the relative change: "+12.4 ms (+8%)".
    const relative = compareText(a, b);
    const difference = `${b > a ? '+' : '−'}${format(Math.abs(b - a))}`;
    return /^[+−]\d+$/.test(relative) ? difference : `${difference} (${relative})`;
  }
  if (a > 0 && b > 0) {
    const ratio = b / a;
    if (ratio >= 0.5 && ratio <= 2) {
      const percent = (ratio - 1) * 100;
      const digits = Math.abs(percent) < 1 ? 1 : 0;
      return `${percent > 0 ? '+' : '−'}${formatNumber(Math.abs(percent), digits)}%`;
    }
    return `×${formatNumber(ratio, ratio >= 10 ? 0 : ratio >= 1 ? 1 : 2)}`;
  }
  return b > a ? `+${formatNumber(b - a, 0)}` : `−${formatNumber(a - b, 0)}`;
}
