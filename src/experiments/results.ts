// Running an experiment's ranges and summarizing them as data: every sample kept, censored trials (no leader
// within the bound) marked, counted and left out of the statistics, and each of the paper's statements set beside
// our number with the ratio.
import { distributionOf } from '../../sim/distribution.js';
import type { RaftProfile } from '../scenario/profile-names.js';
import { figure16Setup, rangeLabel, runTrial, type PaperClaim, type TimeoutRange } from './figure-16.js';

export interface ClaimCheck {
  readonly text: string;
  readonly statistic: PaperClaim['statistic'];
  readonly paperMs: number;
  /** Ours for the same statistic; for 'above', the shortest downtime we measured (null: every trial censored). */
  readonly oursMs: number | null;
  /** ours / paper (null when ours is null, or for 'above'). */
  readonly ratio: number | null;
  /** Whether ours agrees within ±15% ('above': every trial above the bound or censored). */
  readonly matches: boolean;
}

export interface RangeStats {
  /** Uncensored samples. */
  readonly count: number;
  readonly censored: number;
  readonly medianMs: number | null;
  readonly p99Ms: number | null;
  readonly maxMs: number | null;
  readonly meanMs: number | null;
}

export interface RangeResult {
  readonly label: string;
  readonly minMs: number;
  readonly maxMs: number;
  readonly graph: TimeoutRange['graph'];
  readonly trials: number;
  readonly boundMs: number;
  /** Every trial: its seed and downtime in ms, or `censored: true` (no leader within boundMs). */
  readonly samples: readonly ({ readonly seed: number; readonly ms: number } | { readonly seed: number; readonly censored: true })[];
  readonly stats: RangeStats;
  readonly claims: readonly ClaimCheck[];
}

const round3 = (value: number | null): number | null => (value === null ? null : Math.round(value * 1000) / 1000);

export function rangeStats(samples: RangeResult['samples']): RangeStats {
  const values: number[] = [];
  let censored = 0;
  for (const sample of samples) {
    if ('ms' in sample) values.push(sample.ms);
    else censored++;
  }
  const d = distributionOf(values);
  return { count: d.count, censored, medianMs: round3(d.p50), p99Ms: round3(d.p99), maxMs: round3(d.max), meanMs: round3(d.mean) };
}

export function checkClaim(claim: PaperClaim, stats: RangeStats, samples: RangeResult['samples']): ClaimCheck {
  if (claim.statistic === 'above') {
    const values = samples.flatMap((sample) => ('ms' in sample ? [sample.ms] : []));
    const shortest = values.length === 0 ? null : Math.min(...values);
    return { text: claim.text, statistic: claim.statistic, paperMs: claim.ms, oursMs: shortest, ratio: null, matches: shortest === null || shortest > claim.ms };
  }
  const ours = claim.statistic === 'median' ? stats.medianMs : claim.statistic === 'mean' ? stats.meanMs : stats.maxMs;
  const ratio = ours === null ? null : Math.round((ours / claim.ms) * 1000) / 1000;
  return { text: claim.text, statistic: claim.statistic, paperMs: claim.ms, oursMs: ours, ratio, matches: ratio !== null && Math.abs(ratio - 1) <= 0.15 };
}

/** The paper's trial counts scaled to `trials` (1,000 by default): 150-150 ms keeps its tenth. */
export function trialsFor(range: TimeoutRange, trials: number): number {
  return range.paperTrials < 1_000 ? Math.max(1, Math.round((trials * range.paperTrials) / 1_000)) : trials;
}

export function runRange(range: TimeoutRange, profile: RaftProfile, trials: number, onTrial: () => void = () => {}): RangeResult {
  const count = trialsFor(range, trials);
  const samples: RangeResult['samples'][number][] = [];
  for (let seed = 1; seed <= count; seed++) {
    const trial = runTrial(range, profile, seed);
    samples.push(trial.ms === null ? { seed, censored: true } : { seed, ms: trial.ms });
    onTrial();
  }
  const stats = rangeStats(samples);
  return {
    label: rangeLabel(range),
    minMs: range.minMs,
    maxMs: range.maxMs,
    graph: range.graph,
    trials: count,
    boundMs: figure16Setup.boundMs(range),
    samples,
    stats,
    claims: range.claims.map((claim) => checkClaim(claim, stats, samples)),
  };
}
